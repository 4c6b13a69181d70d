import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { creerAppTest, importerExemple, type AppTest } from "../../server/test/aide.js";
import { LIGNES_EXPORT_JOURNAL_MAX } from "../../server/src/journal/export.js";

let app: AppTest;
let numero: string;
beforeEach(async () => {
  app = await creerAppTest();
  numero = await importerExemple(app);
});
afterEach(() => app.fermer());

const EVENEMENTS = `query($f: FiltreJournal, $first: Int, $after: String) {
  journalEvenements(filtre: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { type auteur role numeroDemande bloc cle motif creeLe } }
  }
}`;
const TRACES = `query($f: FiltreJournal) {
  tracesAcces(filtre: $f) { totalCount edges { node { acteur role operation cible creeLe } } }
}`;
const noeuds = (r: any, champ: string) => r.data[champ].edges.map((e: any) => e.node);

describe("global journal", () => {
  it("lists every demande's events, newest first, with the demande's numéro; filters and pages", async () => {
    const cle = "330058066";
    await app.gql(
      `mutation($i: LigneRejeterInput!) { ligneRejeter(input: $i) { __typename } }`,
      { i: { numero, bloc: "ADMINISTRATEURS", cle, motif: "CPX inconnu" } },
      app.gestionnaire,
    );
    const tous = await app.gql(EVENEMENTS, {}, app.auditeur);
    const evenements = noeuds(tous, "journalEvenements");
    expect(evenements[0]).toMatchObject({
      type: "LIGNE_REJETEE",
      numeroDemande: numero,
      bloc: "ADMINISTRATEURS",
      cle,
      motif: "CPX inconnu",
      auteur: "Gaëlle Gestion",
      role: "GESTIONNAIRE",
    });
    expect(evenements.at(-1)).toMatchObject({ type: "IMPORT" });
    expect(tous.data.journalEvenements.totalCount).toBe(evenements.length);

    const filtre = await app.gql(EVENEMENTS, { f: { type: "IMPORT" } }, app.gestionnaire);
    expect(noeuds(filtre, "journalEvenements").map((e: any) => e.type)).toEqual(
      Array(filtre.data.journalEvenements.totalCount).fill("IMPORT"),
    );
    const parAuteur = await app.gql(EVENEMENTS, { f: { acteur: "Gaëlle" } }, app.auditeur);
    expect(noeuds(parAuteur, "journalEvenements").map((e: any) => e.type)).toEqual(["LIGNE_REJETEE"]);
    const autreDemande = await app.gql(EVENEMENTS, { f: { numero: "FINMS9999999M0" } }, app.auditeur);
    expect(autreDemande.data.journalEvenements.totalCount).toBe(0);
    const futur = await app.gql(
      EVENEMENTS,
      { f: { depuis: new Date(Date.now() + 60_000).toISOString() } },
      app.auditeur,
    );
    expect(futur.data.journalEvenements.totalCount).toBe(0);

    const page1 = await app.gql(EVENEMENTS, { first: 1 }, app.auditeur);
    expect(page1.data.journalEvenements.pageInfo.hasNextPage).toBe(true);
    const page2 = await app.gql(
      EVENEMENTS,
      { first: 1, after: page1.data.journalEvenements.pageInfo.endCursor },
      app.auditeur,
    );
    expect(noeuds(page2, "journalEvenements")[0]).toEqual(evenements[1]);
  });

  it("shows the access traces to auditeurs only: who, when, what, which demande", async () => {
    await app.gql(`query($n: String!) { demande(numero: $n) { numero } }`, { n: numero }, app.gestionnaire);
    await app.fetch(`http://test/export/demandes.csv?statut=EN_COURS`, { headers: app.gestionnaire.headers });
    const r = await app.gql(TRACES, {}, app.auditeur);
    expect(noeuds(r, "tracesAcces").map((t: any) => [t.acteur, t.role, t.operation, t.cible])).toEqual([
      ["Gaëlle Gestion", "GESTIONNAIRE", "EXPORT_CSV", "statut=EN_COURS"],
      ["Gaëlle Gestion", "GESTIONNAIRE", "CONSULTATION", numero],
    ]);
    const parNumero = await app.gql(TRACES, { f: { numero: numero.toLowerCase() } }, app.auditeur);
    expect(noeuds(parNumero, "tracesAcces").map((t: any) => t.operation)).toEqual(["CONSULTATION"]);
    const parOperation = await app.gql(TRACES, { f: { type: "EXPORT_CSV" } }, app.auditeur);
    expect(parOperation.data.tracesAcces.totalCount).toBe(1);

    const refus: any = await app.gql(TRACES, {}, app.gestionnaire);
    expect(refus.data).toBeNull();
    expect(refus.errors[0].extensions.code).toBe("NON_AUTORISE");
    const fournisseur = await app.fournisseur("00001");
    for (const q of [TRACES, EVENEMENTS]) {
      const f: any = await app.gql(q, {}, fournisseur);
      expect(f.data).toBeNull();
      expect(f.errors[0].extensions.code).toBe("NON_AUTORISE");
    }
  });

  it("exports the current tab and filters as CSV for a French spreadsheet; traces for auditeurs only, and traced", async () => {
    await app.gql(`query($n: String!) { demande(numero: $n) { numero } }`, { n: numero }, app.gestionnaire);
    const telecharger = (query: string, as = app.auditeur) =>
      app.fetch(`http://test/export/journal.csv?${query}`, { headers: as.headers });

    const r = await telecharger(`type=IMPORT&numero=${numero}`, app.gestionnaire);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-disposition")).toMatch(
      /^attachment; filename="journal-evenements-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const texte = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await r.arrayBuffer());
    expect(texte.startsWith("\uFEFF")).toBe(true);
    const lignes = texte.slice(1).trim().split("\r\n");
    expect(lignes[0]).toBe("Date;Événement;Demande;Auteur;Rôle;Bloc;Ligne;Motif;Détails");
    expect(lignes).toHaveLength(2);
    expect(lignes[1]).toMatch(new RegExp(`^\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2};Import;${numero};`));

    // Whole days, Paris time: nothing before today.
    const hier = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const vide = await (await telecharger(`au=${hier}`)).text();
    expect(vide.trim().split("\r\n")).toHaveLength(1);

    expect((await telecharger("onglet=acces", app.gestionnaire)).status).toBe(403);
    expect((await app.fetch("http://test/export/journal.csv")).status).toBe(401);
    const fournisseur = await app.fournisseur("00001");
    expect((await telecharger("", fournisseur)).status).toBe(403);

    const acces = await (await telecharger(`onglet=acces&numero=${numero}`)).text();
    expect(
      acces
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n"),
    ).toEqual([
      "Date;Personne;Rôle;Opération;Cible",
      expect.stringMatching(new RegExp(`;Gaëlle Gestion;Gestionnaire;Consultation d’une demande;${numero}$`)),
    ]);
    const derniere = await app.prisma.traceAcces.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect([derniere.role, derniere.operation, derniere.cible]).toEqual([
      "AUDITEUR",
      "EXPORT_CSV",
      `journal?onglet=acces&numero=${numero}`,
    ]);
  });

  it("refuses, in French, an export beyond its row limit instead of cutting it", async () => {
    await app.gql(`query($n: String!) { demande(numero: $n) { numero } }`, { n: numero }, app.gestionnaire);
    // Copies of that trace, written by SQLite itself (fast).
    await app.prisma
      .$executeRawUnsafe(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${LIGNES_EXPORT_JOURNAL_MAX})
      INSERT INTO "TraceAcces" ("acteur", "role", "operation", "cible", "creeLe") SELECT t."acteur", t."role", t."operation", t."cible", t."creeLe" FROM n, "TraceAcces" t`);
    const r = await app.fetch("http://test/export/journal.csv?onglet=acces", { headers: app.auditeur.headers });
    expect(r.status).toBe(422);
    expect(await r.text()).toBe(
      "Export refusé : 50\u202F001 lignes pour ces filtres, 50\u202F000 au plus. Resserrez la période ou les filtres.",
    );
    // The XLSX twin goes through the same limit.
    const x = await app.fetch("http://test/export/journal.xlsx?onglet=acces", { headers: app.auditeur.headers });
    expect(x.status).toBe(422);
    expect(await x.text()).toMatch(/^Export refusé : 50\u202F001 lignes/);
  });
});
