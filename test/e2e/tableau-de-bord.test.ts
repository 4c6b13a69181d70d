import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { formatMontant, STATUTS_DEMANDE, STATUTS_DEMANDE_LABELS } from "@segur/shared";
import { capture, seConnecter, violationsAxe } from "./support/navigateur.js";
import { enSerie, net, preparerParcours, visible, type Serveur } from "./support/parcours.js";

/*
 * The dashboard (issue 12, feature 11) on the demo data: each chart's figures in its table, the same
 * figures as the database gives through Prisma (counted here independently of the page's SQL), the
 * statut counts linking to the filtered list, axe at 0 serious, for a gestionnaire and an auditeur.
 */

let page: Page;
let serveur: Serveur;
let problemes: string[];
preparerParcours({}, (p) => ({ page, serveur, problemes } = p));

const JOUR = 86_400_000;
const nombre = (n: number) => net(new Intl.NumberFormat("fr-FR").format(n));
/** 0–7, 8–30, 31–90, > 90 whole days. */
const tranche = (jours: number) => (jours <= 7 ? 0 : jours <= 30 ? 1 : jours <= 90 ? 2 : 3);

/** The figures expected, read from the database with Prisma. */
async function attendus() {
  const db = serveur.prisma;
  const parStatut = await db.demande.groupBy({
    by: ["statut"],
    _count: { _all: true },
    _sum: { montantCentimes: true },
  });
  const parCouloir = await db.demande.groupBy({ by: ["couloir"], _count: { _all: true }, orderBy: { couloir: "asc" } });
  const ouvertes = await db.demande.findMany({
    where: { statut: { not: "DECIDEE" } },
    select: {
      dateDepot: true,
      versions: { where: { role: "FOURNISSEUR" }, select: { creeLe: true }, orderBy: { creeLe: "desc" }, take: 1 },
    },
  });
  const maintenant = Date.now();
  const depot = [0, 0, 0, 0];
  const fournisseur = [0, 0, 0, 0];
  for (const d of ouvertes) {
    depot[tranche(Math.floor((maintenant - d.dateDepot.getTime()) / JOUR))]!++;
    const m = d.versions[0]?.creeLe ?? d.dateDepot;
    fournisseur[tranche(Math.floor((maintenant - m.getTime()) / JOUR))]!++;
  }
  const certificat = { demandeCertificatServeur: true };
  const certificats = [
    await db.administrateurTechnique.count({ where: certificat }),
    await db.administrateurTechnique.count({ where: { ...certificat, validation: "VALIDEE" } }),
    await db.administrateurTechnique.count({ where: { ...certificat, lotTransmissionId: { not: null } } }),
  ];
  const statut = (s: string) => parStatut.find((g) => g.statut === s);
  return {
    statuts: STATUTS_DEMANDE.map((s) => [STATUTS_DEMANDE_LABELS[s], nombre(statut(s)?._count._all ?? 0)]),
    montants: STATUTS_DEMANDE.map((s) => [
      STATUTS_DEMANDE_LABELS[s],
      net(formatMontant(statut(s)?._sum.montantCentimes ?? 0n)),
    ]),
    couloirs: parCouloir.map((g) => [g.couloir, nombre(g._count._all)]),
    depot: depot.map(nombre),
    fournisseur: fournisseur.map(nombre),
    certificats: certificats.map(nombre),
  };
}

/** A table's body rows as [row header, cells…], whitespace collapsed. */
async function lignes(caption: string): Promise<string[][]> {
  const table = page.locator("table", { has: page.locator("caption", { hasText: caption }) }).first();
  await visible(table);
  const rangees = await table.locator("tbody tr").all();
  return Promise.all(rangees.map(async (r) => (await r.locator("th, td").allTextContents()).map(net)));
}
const deuxieme = (l: string[][]) => l.map((x) => x[1]);

describe("tableau de bord", () => {
  enSerie(() => page, "tableau-de-bord-");

  it("montre au gestionnaire les chiffres de la base, chaque graphique avec son tableau", async () => {
    await seConnecter(page, "gestionnaire@demo.fr", "Gestion-Demo-2026");
    await page.locator("#nav-tableau-de-bord").click();
    await page.waitForURL(/\/tableau-de-bord$/);
    await visible(page.getByRole("heading", { level: 1, name: "Tableau de bord" }));
    expect(await page.title()).toMatch(/^Tableau de bord/);
    await visible(page.locator("table").first());

    const a = await attendus();
    expect(await lignes("Demandes par statut")).toEqual(a.statuts);
    expect(await lignes("Demandes par couloir")).toEqual(a.couloirs);
    expect(deuxieme(await lignes("Demandes non décidées par jours depuis le dépôt"))).toEqual(a.depot);
    expect(
      deuxieme(await lignes("Demandes non décidées par jours depuis la dernière modification du fournisseur")),
    ).toEqual(a.fournisseur);
    expect(deuxieme(await lignes("Demandes de certificat serveur par étape")).slice(0, 3)).toEqual(a.certificats);
    expect((await lignes("Montants déclarés par statut")).slice(0, STATUTS_DEMANDE.length)).toEqual(a.montants);

    // Six charts, each an image named by its title and figures, each beside its table.
    const graphiques = page.locator("canvas[role=img]");
    expect(await graphiques.count()).toBe(6);
    expect(await graphiques.first().getAttribute("aria-label")).toMatch(/^Demandes par statut : En cours \d+/);
    expect(await page.locator("section h2 + .fr-grid-row table caption").count()).toBe(6);
    await visible(page.getByText("L'habilitation n'est pas encore suivie par le back office."));

    expect(await violationsAxe(page)).toEqual([]);
    await capture(page, "tableau-de-bord");
  });

  it("un nombre par statut ouvre la liste filtrée sur ce statut", async () => {
    const lien = page.getByRole("link", { name: /demandes au statut En cours : voir la liste/ });
    const texte = net(await lien.textContent());
    await lien.click();
    await page.waitForURL(/\/demandes\?statut=EN_COURS/);
    // The list's table is named by its caption: « Demandes de financement — N demandes, page … ».
    await visible(page.getByRole("region", { name: new RegExp(`^Demandes de financement — ${texte} demandes?,`) }));
  });

  it("est dans le menu de l'auditeur, sans violation axe", async () => {
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL(/\/connexion/);
    await seConnecter(page, "auditeur@demo.fr", "Audit-Demo-2026");
    await page.locator("#nav-tableau-de-bord").click();
    await visible(page.getByRole("heading", { level: 1, name: "Tableau de bord" }));
    await visible(page.locator("table").first());
    expect(await page.locator("#nav-tableau-de-bord").getAttribute("aria-current")).toBe("page");
    expect(await violationsAxe(page)).toEqual([]);
    expect(problemes).toEqual([]);
  });
});
