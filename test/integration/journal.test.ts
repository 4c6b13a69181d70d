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

// ——— issue 12, defect 4: confirmed versions, readable export targets, batch downloads; defect 5: my draft

const VERSIONS = `query($f: FiltreJournal, $first: Int, $after: String) {
  journalVersions(filtre: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { numeroDemande numero auteur role creeLe nombreChangements blocs } }
  }
}`;
const MODIFIER_ADMIN = `mutation($i: AdministrateurModifierInput!) { administrateurModifier(input: $i) { __typename } }`;
const CONFIRMER = `mutation($i: BrouillonConfirmerInput!) { brouillonConfirmer(input: $i) { __typename } }`;
const ADMIN_STU = {
  contractualisationOG: true,
  statutAdminTechnique: "E",
  contractualisationEditeur: true,
  numeroCarteCPX: "8001234567",
  telAdminTechnique: "0603334174",
  emailAdminTechnique: "a.st@mail.com",
  utiliteCertificat: "DMP",
};

async function modifierAdministrateur(nom: string) {
  const m = await app.gql(
    MODIFIER_ADMIN,
    { i: { numero, finessJuridique: "330058066", valeurs: { ...ADMIN_STU, nomAdminTechnique: nom } } },
    app.gestionnaire,
  );
  expect(m.data.administrateurModifier.__typename).toBe("AdministrateurModifierSucces");
}
async function confirmer(versionBase: number) {
  const c = await app.gql(CONFIRMER, { i: { numero, versionBase } }, app.gestionnaire);
  expect(c.data.brouillonConfirmer.__typename).toBe("BrouillonConfirmerSucces");
}

describe("journal: confirmed versions", () => {
  it("lists one entry per confirmed version (not the import), newest first, with its changes and blocks; pages", async () => {
    await modifierAdministrateur("DUPONT");
    await confirmer(1);
    await modifierAdministrateur("DURAND");
    await confirmer(2);

    const r = await app.gql(VERSIONS, {}, app.auditeur);
    expect(r.errors).toBeUndefined();
    expect(r.data.journalVersions.totalCount).toBe(2);
    expect(noeuds(r, "journalVersions")).toEqual([
      expect.objectContaining({
        numeroDemande: numero,
        numero: 3,
        auteur: "Gaëlle Gestion",
        role: "GESTIONNAIRE",
        nombreChangements: 1,
        blocs: ["ADMINISTRATEURS"],
      }),
      expect.objectContaining({ numero: 2, nombreChangements: 1, blocs: ["ADMINISTRATEURS"] }),
    ]);

    // The numéro filter takes a part of the number, in any case.
    const partiel = await app.gql(VERSIONS, { f: { numero: numero.slice(3, 9).toLowerCase() } }, app.gestionnaire);
    expect(partiel.data.journalVersions.totalCount).toBe(2);
    const autre = await app.gql(VERSIONS, { f: { numero: "ZZZ" } }, app.gestionnaire);
    expect(autre.data.journalVersions.totalCount).toBe(0);

    const page1 = await app.gql(VERSIONS, { first: 1 }, app.auditeur);
    expect(page1.data.journalVersions.pageInfo.hasNextPage).toBe(true);
    const page2 = await app.gql(
      VERSIONS,
      { first: 1, after: page1.data.journalVersions.pageInfo.endCursor },
      app.auditeur,
    );
    expect(noeuds(page2, "journalVersions").map((v: any) => v.numero)).toEqual([2]);

    // A page of versions and their blocks: the same few statements for 1 version or 2.
    const compter = async (first: number) => {
      const avant = app.requetes.length;
      await app.gql(VERSIONS, { first }, app.auditeur);
      return app.requetes.length - avant;
    };
    expect(await compter(2)).toBe(await compter(1));

    const fournisseur = await app.fournisseur("00001");
    const refus: any = await app.gql(VERSIONS, {}, fournisseur);
    expect(refus.errors[0].extensions.code).toBe("NON_AUTORISE");

    // The view's export: one line per version, its numéro, changes and blocks.
    const csv = await app.fetch(`http://test/export/journal.csv?type=VERSION&numero=${numero}`, {
      headers: app.gestionnaire.headers,
    });
    expect(csv.status).toBe(200);
    const lignes = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lignes[0]).toBe("Date;Demande;Version;Auteur;Rôle;Changements;Blocs modifiés");
    expect(lignes.slice(1).map((l) => l.split(";").slice(1))).toEqual([
      [numero, "3", "Gaëlle Gestion", "Gestionnaire", "1", "Informations sur le(s) administrateur(s) technique(s)"],
      [numero, "2", "Gaëlle Gestion", "Gestionnaire", "1", "Informations sur le(s) administrateur(s) technique(s)"],
    ]);
    const parAuteur = await app.fetch(`http://test/export/journal.csv?type=VERSION&acteur=x`, {
      headers: app.gestionnaire.headers,
    });
    expect(parAuteur.status).toBe(400);
    expect(await parAuteur.text()).toMatch(/^Filtre « acteur » : les versions confirmées/);
  });

  it("refuses an inverted period and an author filter on versions, in French, with the field's path", async () => {
    const inverse: any = await app.gql(
      EVENEMENTS,
      { f: { depuis: "2026-03-02T00:00:00Z", jusqua: "2026-03-01T00:00:00Z" } },
      app.auditeur,
    );
    expect(inverse.errors[0].extensions).toMatchObject({ code: "PERIODE_INVERSEE", path: ["filtre", "jusqua"] });
    expect(inverse.errors[0].message).toMatch(/précède/);
    const auteur: any = await app.gql(VERSIONS, { f: { acteur: "Gaëlle" } }, app.auditeur);
    expect(auteur.errors[0].extensions).toMatchObject({ code: "FILTRE_NON_APPLICABLE", path: ["filtre", "acteur"] });
  });

  it("finds events by a part of the numéro", async () => {
    const r = await app.gql(EVENEMENTS, { f: { numero: numero.slice(0, 8) } }, app.auditeur);
    expect(r.data.journalEvenements.totalCount).toBeGreaterThan(0);
    expect(noeuds(r, "journalEvenements").every((e: any) => e.numeroDemande === numero)).toBe(true);
  });
});

describe("journal: access traces read in words", () => {
  it("tells two list exports apart by their filters", async () => {
    for (const q of ["statut=A_MODIFIER&deposeeApres=2026-01-15", ""]) {
      const r = await app.fetch(`http://test/export/demandes.csv?${q}`, { headers: app.gestionnaire.headers });
      expect(r.status).toBe(200);
      await r.arrayBuffer();
    }
    const r = await app.gql(
      `query { tracesAcces { edges { node { operation cible description } } } }`,
      {},
      app.auditeur,
    );
    expect(noeuds(r, "tracesAcces")).toEqual([
      { operation: "EXPORT_CSV", cible: null, description: "demandes, sans filtre" },
      {
        operation: "EXPORT_CSV",
        cible: "statut=A_MODIFIER&deposeeApres=2026-01-15",
        description: "demandes : statut A modifier, déposée depuis le 15/01/2026",
      },
    ]);
  });

  it("traces a served batch download (CSV, JSON), not a missing one", async () => {
    for (const cle of ["330058066", "330058067"]) {
      await app.gql(
        `mutation($i: LigneValiderInput!) { ligneValider(input: $i) { __typename } }`,
        { i: { numero, bloc: "ADMINISTRATEURS", cle } },
        app.gestionnaire,
      );
    }
    const c = await app.gql(
      `mutation($i: LotTransmissionCreerInput!) { lotTransmissionCreer(input: $i) {
        __typename ... on LotTransmissionCreerSucces { lot { numero } } } }`,
      { i: {} },
      app.gestionnaire,
    );
    const lot = c.data.lotTransmissionCreer.lot.numero;
    for (const f of ["csv", "json"]) {
      const r = await app.fetch(`http://test/lots/${lot}.${f}`, { headers: app.gestionnaire.headers });
      expect(r.status).toBe(200);
      await r.arrayBuffer();
    }
    const absent = await app.fetch(`http://test/lots/LOT-0000-000.csv`, { headers: app.gestionnaire.headers });
    expect(absent.status).toBe(404);
    const r = await app.gql(TRACES, { f: { type: "TELECHARGEMENT_LOT" } }, app.auditeur);
    expect(noeuds(r, "tracesAcces").map((t: any) => [t.acteur, t.operation, t.cible])).toEqual([
      ["Gaëlle Gestion", "TELECHARGEMENT_LOT", `${lot}.json`],
      ["Gaëlle Gestion", "TELECHARGEMENT_LOT", `${lot}.csv`],
    ]);
  });
});

describe("the demande tells me about my own draft", () => {
  const MON_BROUILLON = `query($n: String!) { demande(numero: $n) {
    monBrouillon { nombreModifications blocs lignes { bloc cle nature } } } }`;
  it("counts my draft's rows, and only mine", async () => {
    const vide = await app.gql(MON_BROUILLON, { n: numero }, app.gestionnaire);
    expect(vide.data.demande.monBrouillon).toBeNull();
    await modifierAdministrateur("DUPONT");
    const r = await app.gql(MON_BROUILLON, { n: numero }, app.gestionnaire);
    expect(r.data.demande.monBrouillon).toEqual({
      nombreModifications: 1,
      blocs: ["ADMINISTRATEURS"],
      lignes: [{ bloc: "ADMINISTRATEURS", cle: "330058066", nature: "MODIFICATION" }],
    });
    const autre = await app.gql(MON_BROUILLON, { n: numero }, app.auditeur);
    expect(autre.data.demande.monBrouillon).toBeNull();
  });
});
