import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { creerAppTest, importerExemple, sqlCommun, type AppTest } from "../../server/test/aide.js";
import { tableauDeBord } from "../../server/src/tableau-de-bord/service.js";

const JOUR = 86_400_000;
const TABLEAU = `{ tableauDeBord {
  total montantTotal
  parStatut { statut nombre montant }
  parCouloir { couloir nombre }
  ancienneteDepot { libelle joursMin joursMax nombre }
  ancienneteModificationFournisseur { nombre }
  certificats { demandes validees transmises modifieesDepuisTransmission }
} }`;
const VALIDER = `mutation($i: LigneValiderInput!) { ligneValider(input: $i) { __typename } }`;
const CREER_LOT = `mutation($i: LotTransmissionCreerInput!) { lotTransmissionCreer(input: $i) { __typename } }`;

let app: AppTest;
let numero: string;
beforeEach(async () => {
  app = await creerAppTest();
  numero = await importerExemple(app);
});
afterEach(() => app.fermer());

/** Bare demandes beside the guide's example (MS2, En cours, 2920.00, déposée maintenant). */
async function ajouterDemandes(maintenant: number) {
  const il = (jours: number) => new Date(maintenant - jours * JOUR);
  const base = { type: "AVANCE", numeroEditeur: "00002", logiciel: "TDB" };
  await app.prisma.demande.createMany({
    data: [
      { ...base, numero: "TDB-A", couloir: "MS1", statut: "EN_COURS", dateDepot: il(3), montantCentimes: 10000n },
      // 2^53 + 1 cents: exact only as a decimal string.
      {
        ...base,
        numero: "TDB-B",
        couloir: "MS1",
        statut: "A_MODIFIER",
        dateDepot: il(8.5),
        montantCentimes: 9_007_199_254_740_993n,
      },
      { ...base, numero: "TDB-C", couloir: "MS2", statut: "DECIDEE", dateDepot: il(45), montantCentimes: 5000n },
      { ...base, numero: "TDB-D", couloir: "MS1", statut: "EN_ATTENTE_PIECE", dateDepot: il(200), montantCentimes: 1n },
    ],
  });
  // D: the supplier's last version 2 days ago (an older one and a gestionnaire's later one do not count).
  const d = await app.prisma.demande.findUniqueOrThrow({ where: { numero: "TDB-D" } });
  const version = { demandeId: d.id, auteur: "x", acteur: "x", hashPrecedent: "", hash: "" };
  await app.prisma.version.createMany({
    data: [
      { ...version, numero: 1, role: "FOURNISSEUR", creeLe: il(100) },
      { ...version, numero: 2, role: "FOURNISSEUR", creeLe: il(2) },
      { ...version, numero: 3, role: "GESTIONNAIRE", creeLe: il(1) },
    ],
  });
}

async function valider(cle: string) {
  const r = await app.gql(VALIDER, { i: { numero, bloc: "ADMINISTRATEURS", cle } }, app.gestionnaire);
  expect(r.data.ligneValider.__typename).toBe("LigneValiderSucces");
}

describe("tableauDeBord", () => {
  it("counts by statut and couloir, ages, sums exactly and follows the certificate pipeline", async () => {
    await ajouterDemandes(Date.now());
    await valider("330058066");
    await valider("330058068");
    const lot = await app.gql(CREER_LOT, { i: { commentaire: "tdb" } }, app.gestionnaire);
    expect(lot.data.lotTransmissionCreer.__typename).toBe("LotTransmissionCreerSucces");
    await valider("330058067");
    // What a change of a transmitted request does (certificate's row out of its batch, to validate again).
    await app.prisma.administrateurTechnique.updateMany({
      where: { finessJuridique: "330058066" },
      data: { lotTransmissionId: null, validation: "A_VALIDER" },
    });

    const r = await app.gql(TABLEAU, {}, app.auditeur);
    expect(r.errors).toBeUndefined();
    expect(r.data.tableauDeBord).toEqual({
      total: 5,
      montantTotal: "90071992550479.94",
      parStatut: [
        { statut: "EN_COURS", nombre: 2, montant: "3020.00" },
        { statut: "DECIDEE", nombre: 1, montant: "50.00" },
        { statut: "EN_ATTENTE_PIECE", nombre: 1, montant: "0.01" },
        { statut: "A_MODIFIER", nombre: 1, montant: "90071992547409.93" },
        { statut: "REGULARISATION_EN_COURS", nombre: 0, montant: "0.00" },
      ],
      parCouloir: [
        { couloir: "MS1", nombre: 3 },
        { couloir: "MS2", nombre: 2 },
      ],
      // Not « Décidée »: the example (0 d), A (3 d), B (8.5 d), D (200 d).
      ancienneteDepot: [
        { libelle: "0 à 7 jours", joursMin: 0, joursMax: 7, nombre: 2 },
        { libelle: "8 à 30 jours", joursMin: 8, joursMax: 30, nombre: 1 },
        { libelle: "31 à 90 jours", joursMin: 31, joursMax: 90, nombre: 0 },
        { libelle: "Plus de 90 jours", joursMin: 91, joursMax: null, nombre: 1 },
      ],
      // The example and A have no supplier version (their dépôt), D's last one is 2 days old.
      ancienneteModificationFournisseur: [{ nombre: 3 }, { nombre: 1 }, { nombre: 0 }, { nombre: 0 }],
      certificats: { demandes: 5, validees: 2, transmises: 1, modifieesDepuisTransmission: 1 },
    });
  });

  it("puts a dépôt exactly 8 days old in « 8 à 30 jours », one a second younger in « 0 à 7 jours »", async () => {
    const maintenant = Date.now();
    await ajouterDemandes(maintenant);
    await app.prisma.demande.update({
      where: { numero: "TDB-A" },
      data: { dateDepot: new Date(maintenant - 8 * JOUR) },
    });
    await app.prisma.demande.update({
      where: { numero: "TDB-B" },
      data: { dateDepot: new Date(maintenant - 8 * JOUR + 1000) },
    });
    const t = await tableauDeBord(app.prisma, new Date(maintenant));
    expect(t.ancienneteDepot.map((x) => x.nombre)).toEqual([2, 1, 0, 1]);
  });

  it("costs three statements binding a fixed number of parameters, whatever the number of demandes", async () => {
    const statements = async () => {
      const avant = app.requetes.length;
      const r = await app.gql(TABLEAU, {}, app.gestionnaire);
      expect(r.errors).toBeUndefined();
      return app.requetes
        .slice(avant)
        .map(sqlCommun)
        .filter((q) => /GROUP BY|count\(\*\)/.test(q));
    };
    const petit = await statements();
    await ajouterDemandes(Date.now());
    const grand = await statements();
    expect(petit).toHaveLength(3);
    expect(grand).toEqual(petit);
    for (const q of grand) expect(q.match(/\?|\$\d+/g)?.length ?? 0).toBeLessThanOrEqual(5);
  });

  it("is refused to suppliers", async () => {
    const r = await app.gql(TABLEAU, {}, await app.fournisseur("00001"));
    expect(r.data?.tableauDeBord ?? null).toBeNull();
    expect(r.errors?.[0]?.message).toBeTruthy();
  });
});
