import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { capture, seConnecter, suivreLien, violationsAxe } from "./support/navigateur.js";
import { enSerie, net, preparerParcours, visible } from "./support/parcours.js";

/*
 * The auditeur reads everything and changes nothing: the list, a demande with its validation
 * states, its history; no button that would act, and the modification screen read-only.
 */

const NUMERO = "FINMS2007720M0";
const BLOC_ADMIN = "Informations sur le(s) administrateur(s) technique(s)";

let page: Page;
let problemes: string[];
preparerParcours({ count: 10 }, (p) => ({ page, problemes } = p));

describe("parcours de l'auditeur (lecture seule)", () => {
  enSerie(() => page, "auditeur-");

  it("voit la liste des demandes", async () => {
    await seConnecter(page, "auditeur@demo.fr", "Audit-Demo-2026");
    await visible(page.getByRole("heading", { level: 1, name: "Demandes de financement" }));
    await visible(page.getByRole("link", { name: /Aurélien Auditeur \(Auditeur\)/ }));
    const lignes = page.locator(".tableau-demandes tbody tr");
    await visible(lignes.first());
    // The guide's two demandes and 10 generated ones.
    expect(await lignes.count()).toBe(12);
    await visible(page.getByRole("link", { name: NUMERO }));
    // Reading includes the export of the list.
    await visible(page.getByRole("link", { name: /Exporter en CSV/ }));
    expect(await violationsAxe(page)).toEqual([]);
  });

  it("consulte une demande : états de validation, aucun bouton d'action", async () => {
    await suivreLien(page, page.getByRole("link", { name: NUMERO }), new RegExp(`/demandes/${NUMERO}$`));
    await visible(page.getByRole("heading", { level: 1, name: `Demande ${NUMERO}` }));
    const bloc = page.locator("section[aria-labelledby='bloc-administrateurs-titre']");
    const lignes = bloc.getByRole("region", { name: BLOC_ADMIN }).locator("tbody tr");
    await visible(lignes.first());
    expect(await lignes.count()).toBe(5);
    // The validation state of each row and of the block is shown…
    const entetes = (await bloc.locator("thead th").allTextContents()).map(net);
    expect(entetes.at(-1)).toBe("Validation");
    expect(await lignes.getByText("À valider", { exact: true }).count()).toBe(5);
    await visible(bloc.getByText("0 / 5 lignes validées"));
    // …but nothing to act with: no validation, no statut change, no modification.
    const main = page.locator("main");
    expect(await main.getByRole("button", { name: /^(Valider|Rejeter|Déverrouiller)/ }).count()).toBe(0);
    expect(await main.getByRole("button", { name: "Changer le statut" }).count()).toBe(0);
    expect(await main.getByRole("link", { name: "Modifier la demande" }).count()).toBe(0);
    expect(await main.getByRole("button", { name: "Modifier la demande" }).count()).toBe(0);
    // The only buttons left open or fold the blocks.
    const panneau = main.locator("#panneau-actuelle");
    const noms = [
      "Informations de la demande",
      "Coordonnées bancaires 0 / 1 ligne validée",
      "Bénéficiaire(s) et scénario d'installation 0 / 6 lignes validées",
      `${BLOC_ADMIN} 0 / 5 lignes validées`,
      "Pièces justificatives 0 / 2 lignes validées",
      "Courriels automatiques envoyés",
    ];
    for (const nom of noms) expect(await panneau.getByRole("button", { name: nom, exact: true }).count(), nom).toBe(1);
    expect(await panneau.getByRole("button").count()).toBe(noms.length);
    expect(await violationsAxe(page)).toEqual([]);
    await capture(page, "auditeur-consultation");
  });

  it("lit l'historique et compare deux versions", async () => {
    await page.getByRole("tab", { name: /Historique/ }).click();
    await page.waitForURL(/onglet=historique/);
    const versions = page.locator(".chronologie__element--version h3");
    await visible(versions.first());
    expect((await versions.allTextContents()).map(net)).toEqual(["Version 2 (actuelle)", "Version 1 — import"]);
    const v2 = page.locator(".chronologie > li").first();
    await visible(v2.getByText("« Ajout des demandes de certificats serveur (guide fournisseur) »"));
    await v2.locator("summary").click();
    await visible(v2.locator("ins", { hasText: "STU" }).first());
    await page.getByRole("button", { name: "Comparer" }).click();
    await page.waitForURL((u) => u.searchParams.get("de") === "1" && u.searchParams.get("a") === "2");
    await visible(page.getByRole("heading", { name: "Différences entre la version 1 et la version 2" }));
    expect(await violationsAxe(page)).toEqual([]);
  });

  it("ne peut pas modifier, même par l'URL", async () => {
    await page.goto(`/demandes/${NUMERO}/modifier`);
    await visible(page.getByRole("heading", { level: 1, name: `Modification de la demande ${NUMERO}` }));
    await visible(page.getByText("Modification impossible"));
    await visible(page.locator("section[aria-labelledby='administrateurs-titre'] tbody tr[data-cle]").first());
    const main = page.locator("main");
    expect(await main.getByRole("button", { name: /^(Ajouter|Modifier|Supprimer|Confirmer)/ }).count()).toBe(0);
    expect(await main.getByRole("columnheader", { name: "Actions" }).count()).toBe(0);
    expect(await violationsAxe(page)).toEqual([]);
  });

  it("parcourt le journal d'audit : événements de toutes les demandes, puis qui a consulté quoi", async () => {
    await page.getByRole("link", { name: "Journal d’audit" }).click();
    await page.waitForURL(/\/journal$/);
    await visible(page.getByRole("heading", { level: 1, name: "Journal d’audit" }));
    const evenements = page.getByRole("region", { name: /^Événements — / }).locator("tbody tr");
    await visible(evenements.first());
    // The imports of the demo data are there, with a link to each demande's history.
    await visible(evenements.filter({ hasText: "Import" }).getByRole("link", { name: NUMERO }));

    await page.getByRole("tab", { name: "Accès aux données" }).click();
    await page.waitForURL(/onglet=acces/);
    const acces = page.getByRole("region", { name: /^Accès aux données — / }).locator("tbody tr");
    await visible(acces.first());
    // This very auditeur opened the demande earlier in the flow.
    const trace = acces.filter({ hasText: "Aurélien Auditeur" }).filter({ hasText: "Consultation d’une demande" });
    await visible(trace.getByRole("link", { name: NUMERO }).first());
    // Filtered by the demande's numéro (kept in the URL).
    await page
      .getByRole("search", { name: "Filtrer le journal" })
      .getByRole("textbox", { name: /^Numéro de dossier/ })
      .fill(NUMERO);
    await page.getByRole("button", { name: "Rechercher" }).click();
    await page.waitForURL((u) => u.searchParams.get("numero") === NUMERO && u.searchParams.get("onglet") === "acces");
    await expect.poll(async () => (await acces.allTextContents()).every((t) => t.includes(NUMERO))).toBe(true);
    expect(await violationsAxe(page)).toEqual([]);
    await capture(page, "journal-acces");

    // The export follows the tab and filters shown.
    const href = await page.getByRole("link", { name: /^Exporter en CSV/ }).getAttribute("href");
    expect(href).toBe(`/export/journal.csv?onglet=acces&numero=${NUMERO}`);
    const csv = await page.request.get(new URL(href!, page.url()).toString());
    expect(csv.status()).toBe(200);
    const lignes = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lignes[0]).toBe("Date;Personne;Rôle;Opération;Cible");
    expect(lignes.slice(1).every((l) => l.endsWith(`;${NUMERO}`))).toBe(true);
    // Its XLSX twin, same tab and filters.
    expect(await page.getByRole("link", { name: /^Exporter en XLSX/ }).getAttribute("href")).toBe(
      `/export/journal.xlsx?onglet=acces&numero=${NUMERO}`,
    );
  });
});

describe("tout le parcours de l'auditeur", () => {
  it("aucune erreur de page, aucune réponse 5xx, aucune requête vers un autre hôte", () => {
    expect(problemes).toEqual([]);
  });
});
