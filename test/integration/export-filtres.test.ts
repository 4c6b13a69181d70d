import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isInputObjectType } from "graphql";
import { normaliserRecherche } from "@segur/shared";
import { creerAppTest, type AppTest } from "../../server/test/aide.js";
import { schema } from "../../server/src/schema.js";
import { etatsATraiter } from "./a-traiter-donnees.js";

/*
 * The export of the list (`/export/demandes.csv|xlsx`) takes the list's filter: each field of the
 * GraphQL `FiltreDemandes` selects in the export exactly the demandes it selects in the list, in
 * the same order. The fields are read from the schema: a new one without an example here fails.
 */

let app: AppTest;
beforeEach(async () => {
  app = await creerAppTest();
});
afterEach(() => app.fermer());

const JOUR = 86_400_000;
const ANCIEN = new Date(Date.UTC(2020, 0, 1));

async function demandes() {
  await app.prisma.demande.createMany({
    data: Array.from({ length: 24 }, (_, i) => {
      const logiciel = i % 3 ? `Logiciel Éa ${i % 4}` : "Autre";
      return {
        numero: `FINMS${i % 2 ? 1 : 2}${String(900 + i).padStart(6, "0")}M0`,
        type: i % 3 ? "AVANCE" : "SOLDE",
        couloir: "MS1",
        numeroEditeur: i % 5 ? "00002" : "00003",
        logiciel,
        logicielRecherche: normaliserRecherche(logiciel),
        dateDepot: new Date(Date.UTC(2025, 0, 1) + (i % 9) * JOUR),
        statut: i % 4 ? "EN_COURS" : "DECIDEE",
        etatPaiement: i % 6 ? "AUCUN" : "PAYE",
        montantCentimes: BigInt(i) * 1_000n,
        referenceFournisseur: i % 7 ? null : `REF-${i}`,
      };
    }),
  });
  // Half of them last modified long ago (majLe is set by Prisma on every write).
  const anciennes = await app.prisma.demande.findMany({
    where: { numero: { startsWith: "FINMS1" } },
    select: { id: true },
  });
  await app.prisma.demande.updateMany({ where: { id: { in: anciennes.map((d) => d.id) } }, data: { majLe: ANCIEN } });
  const moi = await app.prisma.utilisateur.findUniqueOrThrow({ where: { email: "gestionnaire@test.fr" } });
  await etatsATraiter(app.prisma, moi.id);
}

/** One value per field of the list's filter, each keeping some demandes and not all. */
const EXEMPLES: Record<string, string> = {
  numero: "ms1",
  type: "SOLDE",
  statut: "DECIDEE",
  etatPaiement: "PAYE",
  logiciel: "logiciel ea",
  numeroEditeur: "00003",
  deposeeApres: "2025-01-05",
  deposeeAvant: "2025-01-03",
  referenceFournisseur: "REF-7",
  modifieeDepuis: "2024-06-01T00:00:00Z",
  suiviPar: "MOI",
  aRevalider: "true",
  lignesRejetees: "true",
  preteADecider: "false",
  aTransmettre: "true",
  courrielEnEchec: "true",
  modifieeDepuisTransmission: "true",
};
/** The list's variable for an example: a Boolean field's `true` / `false` (the URL's text) as JSON. */
const variable = (v: string | undefined) => (v === "true" ? true : v === "false" ? false : v);

const LISTE = `query($filtre: FiltreDemandes, $tri: TriDemandes, $ordre: Ordre) {
  demandes(filtre: $filtre, tri: $tri, ordre: $ordre, first: 200) { totalCount edges { node { numero } } } }`;

/** The numéros of the CSV's rows, in order (first column; none of them needs quotes). */
async function numerosExportes(query: string): Promise<string[]> {
  const r = await app.fetch(`http://test/export/demandes.csv?${query}`, { headers: app.gestionnaire.headers });
  expect(r.status, query).toBe(200);
  return (await r.text())
    .trim()
    .split("\r\n")
    .slice(1)
    .map((l) => l.split(";")[0]!);
}

async function numerosListe(variables: Record<string, unknown>): Promise<string[]> {
  const r: any = await app.gql(LISTE, variables, app.gestionnaire);
  expect(r.errors, JSON.stringify(variables)).toBeUndefined();
  return r.data.demandes.edges.map((e: any) => e.node.numero);
}

describe("the export of the list honours every filter of the list", () => {
  const type = schema.getType("FiltreDemandes");
  const champs = isInputObjectType(type) ? Object.keys(type.getFields()) : [];

  it("every field of FiltreDemandes has an example here", () => {
    expect(champs.length).toBeGreaterThan(0);
    expect(champs.filter((c) => !(c in EXEMPLES))).toEqual([]);
  });

  it.each(champs)("filtre.%s: the same demandes as the list, in the same order", async (champ) => {
    await demandes();
    const toutes = await numerosListe({});
    const attendus = await numerosListe({ filtre: { [champ]: variable(EXEMPLES[champ]) } });
    expect(attendus.length, champ).toBeGreaterThan(0);
    expect(attendus.length, champ).toBeLessThan(toutes.length);
    expect(await numerosExportes(new URLSearchParams({ [champ]: EXEMPLES[champ]! }).toString())).toEqual(attendus);
  });

  it("all of them together, under another sort, on the list's order", async () => {
    await demandes();
    const filtre = {
      type: "AVANCE",
      numeroEditeur: "00002",
      deposeeApres: "2025-01-02",
      modifieeDepuis: EXEMPLES.modifieeDepuis!,
      logiciel: "éa",
    };
    const attendus = await numerosListe({ filtre, tri: "MONTANT", ordre: "ASC" });
    expect(attendus.length).toBeGreaterThan(1);
    expect(await numerosExportes(new URLSearchParams({ ...filtre, tri: "MONTANT", ordre: "ASC" }).toString())).toEqual(
      attendus,
    );
  });
});
