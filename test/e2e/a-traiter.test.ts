import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { capture, seConnecter, suivreLien, violationsAxe } from "./support/navigateur.js";
import { enSerie, net, preparerParcours, visible, type Serveur } from "./support/parcours.js";

/*
 * The gestionnaire's work queue and assignment (issue 12, features 7 and 8) on the demo data: the
 * home after login is « À traiter »; « Suivre » a demande puts it under « Mes demandes » there and in
 * the list's filter; each count leads to the list filtered the same way; « Assigner… » releases it.
 */

let page: Page;
let serveur: Serveur;
let problemes: string[];
preparerParcours({}, (p) => ({ page, serveur, problemes } = p));

let numero = "";
const nombreDe = (entree: string) => page.locator(`.nombre[data-entree="${entree}"]`);

describe("à traiter", () => {
  enSerie(() => page, "a-traiter-");

  it("est l'accueil du gestionnaire, premier du menu, chaque nombre égal à la base", async () => {
    await seConnecter(page, "gestionnaire@demo.fr", "Gestion-Demo-2026", { accueil: true });
    await page.waitForURL(/\/a-traiter$/);
    await visible(page.getByRole("heading", { level: 1, name: "À traiter" }));
    expect(await page.locator("#navigation-principale .fr-nav__item").first().textContent()).toMatch(/À traiter/);
    expect(await page.locator("#nav-a-traiter").getAttribute("aria-current")).toBe("page");
    await visible(nombreDe("mesDemandes"));
    expect(net(await nombreDe("mesDemandes").textContent())).toBe("0");
    const rejetees = await serveur.prisma.demande.count({
      where: {
        OR: [
          { beneficiaires: { some: { validation: "REJETEE" } } },
          { administrateurs: { some: { validation: "REJETEE", demandeCertificatServeur: true } } },
          { pieces: { some: { validation: "REJETEE" } } },
          { coordonneesBancaires: { is: { validation: "REJETEE" } } },
        ],
      },
    });
    expect(net(await nombreDe("lignesRejetees").textContent())).toBe(String(rejetees));
  });

  it("« Suivre » une demande la met sous « Mes demandes »", async () => {
    await page.locator("#nav-demandes").click();
    await page.waitForURL(/\/demandes/);
    const lien = page.locator("table tbody th a").first();
    await visible(lien);
    numero = net(await lien.textContent());
    await suivreLien(page, lien, new RegExp(`/demandes/${numero}`));
    await visible(page.getByText("Suivi par : personne"));
    await page.getByRole("button", { name: "Suivre" }).click();
    await visible(page.getByText(/Suivi par : .+ \(moi\)/));
    await page.locator("#nav-a-traiter").click();
    await page.waitForURL(/\/a-traiter$/);
    await expect.poll(async () => net(await nombreDe("mesDemandes").textContent())).toBe("1");
    await visible(
      page.locator("section", { has: page.locator("#a-traiter-mesDemandes") }).getByRole("link", { name: numero }),
    );
    expect(await violationsAxe(page)).toEqual([]);
    await capture(page, "a-traiter");
    expect(problemes).toEqual([]);
  });

  it("un nombre ouvre la liste filtrée, avec la colonne « Suivi par »", async () => {
    const lien = page.getByRole("link", { name: /Voir la demande : Mes demandes/ });
    await suivreLien(page, lien, /\/demandes\?suiviPar=MOI/);
    await visible(page.getByRole("region", { name: /^Demandes de financement — 1 demande,/ }));
    const rangees = page.locator("table tbody tr");
    expect(await rangees.count()).toBe(1);
    expect(net(await rangees.first().locator("th").textContent())).toBe(numero);
    const u = await serveur.prisma.utilisateur.findUniqueOrThrow({ where: { email: "gestionnaire@demo.fr" } });
    expect(net(await rangees.first().locator("td").last().textContent())).toBe(u.nom);
    expect(await page.locator("select[name=suiviPar]").inputValue()).toBe("MOI");
  });

  it("« Assigner… » libère la demande, et le journal le dit", async () => {
    await suivreLien(page, page.locator("table tbody th a").first(), new RegExp(`/demandes/${numero}`));
    await page.getByRole("button", { name: "Assigner…" }).click();
    const modale = page.getByRole("dialog", { name: "Assigner la demande" });
    await visible(modale);
    expect(await violationsAxe(page)).toEqual([]);
    await modale.locator("select").selectOption("PERSONNE");
    await modale.getByRole("button", { name: "Assigner" }).click();
    await visible(page.getByText("Suivi par : personne"));
    expect(await serveur.prisma.evenementAudit.count({ where: { type: "SUIVI_MODIFIE" } })).toBe(2);
    await page.getByRole("tab", { name: "Historique" }).click();
    await visible(page.getByText("Suivi de la demande modifié").first());
    expect(problemes).toEqual([]);
  });
});
