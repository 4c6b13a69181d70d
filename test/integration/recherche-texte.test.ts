// Text search gives the same results on SQLite and PostgreSQL (issue 10: SQLite's LIKE ignores
// ASCII case only, PostgreSQL's not at all, neither ignores accents; Prisma's `contains` does not
// escape LIKE's wildcards): the list and journal filters, and the exports that use them.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exempleDocumentImport, normaliserRecherche } from "@segur/shared";
import { importerDocument } from "../../server/src/import/service.js";
import { AUTEUR_SYSTEME } from "../../server/src/historique/service.js";
import fs from "node:fs";
import { MIGRATIONS_DIR, MIGRATIONS_DIR_POSTGRESQL } from "@segur/prisma";
import { BASE_TEST, creerAppTest, type AppTest } from "../../server/test/aide.js";

let app: AppTest;
const LOGICIELS = ["LogiSanté", "Logi_Santé 50%", "Dossier\\Patient", "DUI-PDS"];
beforeEach(async () => {
  app = await creerAppTest();
  const doc = exempleDocumentImport();
  const modele = doc.demandes[0]!;
  doc.demandes = LOGICIELS.map((logiciel, i) => ({ ...modele, logiciel, referenceFournisseur: `REF-RECHERCHE-${i}` }));
  await importerDocument(app.prisma, app.config, doc, { auteur: AUTEUR_SYSTEME });
});
afterEach(() => app.fermer());

const LISTE = `query($f: FiltreDemandes) { demandes(filtre: $f, first: 100) { totalCount edges { node { logiciel } } } }`;
async function logiciels(recherche: string): Promise<string[]> {
  const r = await app.gql(LISTE, { f: { logiciel: recherche } }, app.gestionnaire);
  expect(r.errors).toBeUndefined();
  expect(r.data.demandes.totalCount).toBe(r.data.demandes.edges.length);
  return r.data.demandes.edges.map((e: any) => e.node.logiciel).sort();
}

describe("normalised text search", () => {
  it("normaliserRecherche: lower case, accents removed, LIKE wildcards made literal", () => {
    expect(normaliserRecherche("LOGISANTÉ")).toBe("logisante");
    expect(normaliserRecherche("Œuvre Ça Noël")).toBe("oeuvre ca noel");
    // A decomposed é (e + combining accent) is the same letter.
    expect(normaliserRecherche("Sante\u0301")).toBe("sante");
    expect(normaliserRecherche("50%_\\")).not.toMatch(/[%_\\]/);
  });

  it("the migration's backfill (SQL, for rows written before the columns) gives what normaliserRecherche gives", async () => {
    const dossier = BASE_TEST === "postgresql" ? MIGRATIONS_DIR_POSTGRESQL : MIGRATIONS_DIR;
    const sql = fs.readFileSync(`${dossier}/20261201192616_recherche_compteurs_baux/migration.sql`, "utf8");
    const expression = /SET "logicielRecherche" = (.*);/
      .exec(sql)![1]!
      .replace('"logiciel"', BASE_TEST === "postgresql" ? "CAST($1 AS TEXT)" : "?");
    const texte = "ÀÂÄÁÃÅàâäáãå ÇçÉÈÊËéèêë ÍÌÎÏíìîï Ññ ÓÒÔÖÕóòôöõ ÚÙÛÜúùûü ÝŸýÿ ŒœÆæ LogiSanté 50% a_b c\\d";
    const [r] = await app.prisma.$queryRawUnsafe<{ v: string }[]>(`SELECT ${expression} AS v`, texte);
    expect(r!.v).toBe(normaliserRecherche(texte));
  });

  it("the list's logiciel filter ignores case and accents, the same on both databases", async () => {
    for (const recherche of ["logisante", "LOGISANTÉ", "logisanté", "LogiSanté", "isa"])
      expect(await logiciels(recherche), recherche).toEqual(["LogiSanté"]);
    expect(await logiciels("santé")).toEqual(["LogiSanté", "Logi_Santé 50%"]);
  });

  it("(why) Prisma's own `contains` does not escape LIKE's wildcards: `_` on the raw column matches every row, on both databases", async () => {
    expect(await app.prisma.demande.count({ where: { logiciel: { contains: "_" } } })).toBe(LOGICIELS.length);
  });

  it("`%`, `_` and `\\` in the search text are literal characters, never wildcards", async () => {
    expect(await logiciels("%")).toEqual(["Logi_Santé 50%"]);
    expect(await logiciels("_")).toEqual(["Logi_Santé 50%"]);
    expect(await logiciels("i_s")).toEqual(["Logi_Santé 50%"]);
    expect(await logiciels("\\")).toEqual(["Dossier\\Patient"]);
    expect(await logiciels("r\\p")).toEqual(["Dossier\\Patient"]);
  });

  it("the demandes CSV export uses the same filter", async () => {
    const res = await app.fetch("http://test/export/demandes.csv?logiciel=LOGISANT%C3%89", {
      headers: app.gestionnaire.headers,
    });
    expect(res.status).toBe(200);
    const texte = await res.text();
    expect(texte).toContain("LogiSanté");
    expect(texte).not.toContain("Logi_Santé");
    const pourcent = await (
      await app.fetch("http://test/export/demandes.csv?logiciel=%25", { headers: app.gestionnaire.headers })
    ).text();
    expect(pourcent).toContain("Logi_Santé 50%");
    expect(pourcent).not.toContain("DUI-PDS");
  });

  it("the journal's acteur filter (events and access traces) ignores case and accents; its CSV export too", async () => {
    const numero = (await app.prisma.demande.findFirstOrThrow({ where: { logiciel: "LogiSanté" } })).numero;
    await app.gql(
      `mutation($i: LigneRejeterInput!) { ligneRejeter(input: $i) { __typename } }`,
      { i: { numero, bloc: "ADMINISTRATEURS", cle: "330058066", motif: "CPX inconnu" } },
      app.gestionnaire,
    );
    await app.gql(`query($n: String!) { demande(numero: $n) { numero } }`, { n: numero }, app.gestionnaire);
    const EVENEMENTS = `query($f: FiltreJournal) { journalEvenements(filtre: $f) { totalCount edges { node { auteur } } } }`;
    const TRACES = `query($f: FiltreJournal) { tracesAcces(filtre: $f) { totalCount edges { node { acteur } } } }`;
    for (const acteur of ["gaelle", "GAËLLE", "gaëlle gestion", "Gaëlle"]) {
      const e = await app.gql(EVENEMENTS, { f: { acteur } }, app.auditeur);
      expect(
        e.data.journalEvenements.edges.map((x: any) => x.node.auteur),
        acteur,
      ).toEqual(["Gaëlle Gestion"]);
      const t = await app.gql(TRACES, { f: { acteur } }, app.auditeur);
      expect(
        t.data.tracesAcces.edges.map((x: any) => x.node.acteur),
        acteur,
      ).toEqual(["Gaëlle Gestion"]);
    }
    const systeme = await app.gql(EVENEMENTS, { f: { acteur: "SYSTEME" } }, app.auditeur);
    expect(systeme.data.journalEvenements.totalCount).toBe(LOGICIELS.length);
    expect((await app.gql(EVENEMENTS, { f: { acteur: "_" } }, app.auditeur)).data.journalEvenements.totalCount).toBe(0);
    const csv = await (
      await app.fetch("http://test/export/journal.csv?acteur=GAELLE", { headers: app.auditeur.headers })
    ).text();
    expect(csv).toContain("Gaëlle Gestion");
    expect(csv).not.toContain("Système");
  });
});
