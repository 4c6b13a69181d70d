import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exempleDocumentImport } from "@segur/shared";
import { creerAppTest, type AppTest } from "../../server/test/aide.js";

/*
 * SPEC §10: any accepted amount is readable everywhere (no 32-bit integer on the way), and the
 * import refuses an amount above the configured maximum (default 100 000 000,00 €).
 */
let app: AppTest;
beforeAll(async () => {
  app = await creerAppTest();
});
afterAll(() => app.fermer());

const IMPORTER = `mutation($i: DemandesImporterInput!) { demandesImporter(input: $i) {
  __typename
  ... on ErreurValidation { problemes { path champ message gravite code } }
  ... on DemandesImporterSucces { resultat { demandes { numero montant } } }
} }`;

const espaces = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
const document = (montantSegurDeclare: unknown, referenceFournisseur: string) => {
  const doc = exempleDocumentImport();
  Object.assign(doc.demandes[0]!, { montantSegurDeclare, referenceFournisseur });
  return doc;
};
const compter = async () => ({
  demandes: await app.prisma.demande.count(),
  versions: await app.prisma.version.count(),
  evenements: await app.prisma.evenementAudit.count(),
});

describe("amounts above the import maximum", () => {
  it.each([["100000000.01"], ["99999999999.99"], [99999999999.99]])(
    "refuses %j with the field path, in French, and writes nothing",
    async (montant) => {
      const f = await app.fournisseur("00001");
      const avant = await compter();
      const r = await app.gql(IMPORTER, { i: { document: document(montant, `trop-${String(montant)}`) } }, f);
      expect(r.errors).toBeUndefined();
      const res = r.data.demandesImporter;
      expect(res.__typename).toBe("ErreurValidation");
      expect(res.problemes.map((p: any) => ({ ...p, message: espaces(p.message) }))).toEqual([
        {
          code: "TROP_GRAND",
          champ: "montantSegurDeclare",
          gravite: "ERREUR",
          path: ["demandes", "0", "montantSegurDeclare"],
          message: "Montant Ségur déclaré : 100 000 000,00 € au plus.",
        },
      ]);
      expect(await compter()).toEqual(avant);
    },
  );

  it("refuses a negative or malformed amount clearly", async () => {
    const f = await app.fournisseur("00001");
    for (const montant of ["-1.00", "12.345", "douze"]) {
      const r = await app.gql(IMPORTER, { i: { document: document(montant, `mal-${montant}`) } }, f);
      expect(r.data.demandesImporter.problemes).toMatchObject([
        {
          code: "FORMAT",
          path: ["demandes", "0", "montantSegurDeclare"],
          message: expect.stringMatching(/^Montant Ségur déclaré : montant positif en euros/),
        },
      ]);
    }
  });

  it("uses the configured maximum (MONTANT_MAX_EUROS)", async () => {
    const petite = await creerAppTest({ montantMaxCentimes: 500_000n });
    try {
      const f = await petite.fournisseur("00001");
      const r = await petite.gql(IMPORTER, { i: { document: document("5000.01", "max-config") } }, f);
      expect(r.data.demandesImporter.problemes.map((p: any) => espaces(p.message))).toEqual([
        "Montant Ségur déclaré : 5 000,00 € au plus.",
      ]);
      const ok = await petite.gql(IMPORTER, { i: { document: document("5000.00", "max-config") } }, f);
      expect(ok.data.demandesImporter.resultat.demandes[0].montant).toBe("5000.00");
    } finally {
      await petite.fermer();
    }
  });
});

describe("an amount at the maximum (10^10 cents) is readable everywhere", () => {
  let numero: string;
  beforeAll(async () => {
    const f = await app.fournisseur("00001");
    const r = await app.gql(IMPORTER, { i: { document: document("100000000.00", "au-maximum") } }, f);
    expect(r.data.demandesImporter.__typename).toBe("DemandesImporterSucces");
    numero = r.data.demandesImporter.resultat.demandes[0].numero;
    expect(r.data.demandesImporter.resultat.demandes[0].montant).toBe("100000000.00");
    // stored exactly, as a 64-bit integer
    expect((await app.prisma.demande.findUniqueOrThrow({ where: { numero } })).montantCentimes).toBe(10_000_000_000n);
  });

  it("on the list page, sorted by amount, with its total count", async () => {
    const r = await app.gql(
      `{ demandes(tri: MONTANT, ordre: DESC, first: 20) {
      totalCount edges { node { numero montant montantFormate montantCentimes } } } }`,
      {},
      app.gestionnaire,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.demandes.totalCount).toBeGreaterThanOrEqual(1);
    const [premiere] = r.data.demandes.edges;
    expect(premiere.node.numero).toBe(numero);
    expect(premiere.node.montant).toBe("100000000.00");
    expect(espaces(premiere.node.montantFormate)).toBe("100 000 000,00 €");
    // deprecated 32-bit field: null rather than a crash of the whole page
    expect(premiere.node.montantCentimes).toBeNull();
  });

  it("in the demande itself, for the gestionnaire and the supplier, with its history", async () => {
    const DETAIL = `query($n: String!) { demande(numero: $n) { numero montant montantFormate montantCentimes
      versions { numero changements { champ ancienneValeur nouvelleValeur } } } }`;
    for (const qui of [app.gestionnaire, await app.fournisseur("00001")]) {
      const r = await app.gql(DETAIL, { n: numero }, qui);
      expect(r.errors).toBeUndefined();
      expect(r.data.demande).toMatchObject({ numero, montant: "100000000.00", montantCentimes: null });
      const changement = r.data.demande.versions[0].changements.find((c: any) => c.champ === "montantCentimes");
      expect(changement).toEqual({ champ: "montantCentimes", ancienneValeur: null, nouvelleValeur: "10000000000" });
    }
  });

  it("in the demande as it was at a version", async () => {
    const r = await app.gql(
      `query($n: String!) { demandeALaVersion(numero: $n, version: 1) { informations { montant montantCentimes } } }`,
      { n: numero },
      app.auditeur,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.demandeALaVersion.informations).toEqual({ montant: "100000000.00", montantCentimes: null });
  });

  it("in the CSV export, with a decimal comma", async () => {
    const res = await app.fetch(`http://test/export/demandes.csv?numero=${numero}`, {
      headers: app.gestionnaire.headers,
    });
    expect(res.status).toBe(200);
    const lignes = (await res.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lignes).toHaveLength(2);
    expect(lignes[1]!.split(";").at(-1)).toBe("100000000,00");
  });

  it("in a draft's preview, and through a confirmed version", async () => {
    // the gestionnaire may modify a demande en cours (a supplier only once it is « A modifier »)
    const g = app.gestionnaire;
    await app.gql(
      `mutation($i: BrouillonOuvrirInput!) { brouillonOuvrir(input: $i) { __typename } }`,
      { i: { numero } },
      g,
    );
    const m = await app.gql(
      `mutation($i: InformationsModifierInput!) { informationsModifier(input: $i) {
      __typename ... on Erreur { code message } ... on ErreurValidation { problemes { message } } ... on InformationsModifierSucces { brouillon { versionBase informations { valeurs { montant montantCentimes courrielContact } } } } } }`,
      { i: { numero, valeurs: { courrielContact: "support@editeur.fr" } } },
      g,
    );
    expect(m.errors).toBeUndefined();
    expect(m.data.informationsModifier).toMatchObject({ __typename: "InformationsModifierSucces" });
    const brouillon = m.data.informationsModifier.brouillon;
    expect(brouillon.informations.valeurs).toEqual({
      montant: "100000000.00",
      montantCentimes: null,
      courrielContact: "support@editeur.fr",
    });
    const c = await app.gql(
      `mutation($i: BrouillonConfirmerInput!) { brouillonConfirmer(input: $i) { __typename } }`,
      { i: { numero, versionBase: brouillon.versionBase } },
      g,
    );
    expect(c.data.brouillonConfirmer.__typename).toBe("BrouillonConfirmerSucces");
    const d = await app.gql(`query($n: String!) { demande(numero: $n) { versionCourante montant } }`, { n: numero }, g);
    expect(d.data.demande).toEqual({ versionCourante: 2, montant: "100000000.00" });
  });

  it("keeps the deprecated field for amounts a 32-bit Int can hold", async () => {
    const f = await app.fournisseur("00001");
    const r = await app.gql(IMPORTER, { i: { document: document("21474836.47", "int32-max") } }, f);
    const n = r.data.demandesImporter.resultat.demandes[0].numero;
    const d = await app.gql(
      `query($n: String!) { demande(numero: $n) { montant montantCentimes } }`,
      { n },
      app.gestionnaire,
    );
    expect(d.data.demande).toEqual({ montant: "21474836.47", montantCentimes: 2_147_483_647 });
  });
});
