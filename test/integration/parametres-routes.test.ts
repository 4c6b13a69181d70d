import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { creerAppTest, importerExemple, type AppTest } from "../../server/test/aide.js";

let app: AppTest;
let numero: string;
beforeEach(async () => {
  app = await creerAppTest();
  numero = await importerExemple(app);
});
afterEach(() => app.fermer());

const telecharger = (chemin: string, as = app.auditeur) => app.fetch(`http://test${chemin}`, { headers: as.headers });
const exportsTraces = () =>
  app.prisma.traceAcces.count({ where: { operation: { in: ["EXPORT_CSV", "EXPORT_XLSX"] } } });

describe("route parameters are validated like their GraphQL twins", () => {
  it.each([
    ["/export/journal.csv?type=BOGUS", /^Paramètre « type » : valeur inconnue, valeurs possibles : IMPORT, VERSION, /],
    [
      "/export/journal.csv?onglet=acces&type=IMPORT",
      "Paramètre « type » : valeur inconnue, valeurs possibles : CONSULTATION, EXPORT_CSV, EXPORT_XLSX, TELECHARGEMENT_PIECE, TELECHARGEMENT_LOT.",
    ],
    [
      "/export/journal.csv?onglet=traces",
      "Paramètre « onglet » : valeur inconnue, valeurs possibles : evenements, acces.",
    ],
    ["/export/journal.xlsx?du=2024-13-01", /^Paramètre « du » : date réelle au format AAAA-MM-JJ/],
    ["/export/journal.csv?au=demain", /^Paramètre « au » : date réelle au format AAAA-MM-JJ/],
    ["/export/journal.csv?acteur=%1B%5B2J", "Paramètre « acteur » : caractère de contrôle interdit (U+001B)."],
  ])("%s → 400, in French, naming the parameter; nothing exported", async (chemin, message) => {
    const r = await telecharger(chemin);
    expect(r.status).toBe(400);
    expect(r.headers.get("content-type")).toMatch(/^text\/plain/);
    const texte = await r.text();
    if (typeof message === "string") expect(texte).toBe(message);
    else expect(texte).toMatch(message);
    expect(await exportsTraces()).toBe(0);
  });

  // The list's arguments, as the SPA and a portal send them to GraphQL.
  const LISTE = `query($filtre: FiltreDemandes, $tri: TriDemandes, $ordre: Ordre) { demandes(filtre: $filtre, tri: $tri, ordre: $ordre) { totalCount } }`;
  it.each([
    [
      "statut=BOGUS",
      { filtre: { statut: "BOGUS" } },
      "filtre.statut",
      /^Champ statut \(variable \$filtre\) : valeur inconnue ; valeurs possibles : EN_COURS, /,
    ],
    ["type=AUTRE", { filtre: { type: "AUTRE" } }, "filtre.type", /valeurs possibles : AVANCE, SOLDE\.$/],
    [
      "etatPaiement=x",
      { filtre: { etatPaiement: "x" } },
      "filtre.etatPaiement",
      /valeurs possibles : AUCUN, EN_COURS, PAYE\.$/,
    ],
    ["tri=PRIX", { tri: "PRIX" }, "tri", /^Variable \$tri : valeur inconnue ; valeurs possibles : NUMERO, TYPE, /],
    ["ordre=asc", { ordre: "asc" }, "ordre", /^Variable \$ordre : valeur inconnue ; valeurs possibles : ASC, DESC\.$/],
    [
      "deposeeApres=01/03/2024",
      { filtre: { deposeeApres: "01/03/2024" } },
      "filtre.deposeeApres",
      /Date invalide « 01\/03\/2024 » : format AAAA-MM-JJ attendu/,
    ],
    [
      "deposeeAvant=2024-02-30",
      { filtre: { deposeeAvant: "2024-02-30" } },
      "filtre.deposeeAvant",
      /Date invalide « 2024-02-30 »/,
    ],
    [
      "modifieeDepuis=hier",
      { filtre: { modifieeDepuis: "hier" } },
      "filtre.modifieeDepuis",
      /DateTime invalide : format ISO 8601 attendu/,
    ],
    [
      "staut=EN_COURS",
      { filtre: { staut: "EN_COURS" } },
      "filtre.staut",
      /^Champ staut \(variable \$filtre\) : champ inconnu du type FiltreDemandes\.$/,
    ],
    [
      "statut=EN_COURS&statut=DECIDEE",
      { filtre: { statut: ["EN_COURS", "DECIDEE"] } },
      "filtre.statut",
      /valeur inconnue/,
    ],
    [
      `numero=${"9".repeat(201)}`,
      { filtre: { numero: "9".repeat(201) } },
      "filtre.numero",
      /^Argument filtre\.numero : \d+ caractères au plus \(reçu 201\)\.$/,
    ],
  ])(
    "/export/demandes.csv?%s → 400 with the list's own error (JSON: message, code, path); nothing exported",
    async (query, variables, argument, message) => {
      const r = await telecharger(`/export/demandes.csv?${query}`);
      expect(r.status).toBe(400);
      expect(r.headers.get("content-type")).toMatch(/^application\/json/);
      const { errors } = await r.json();
      expect(errors).toHaveLength(1);
      expect(errors[0].message).toMatch(message);
      expect(errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument });
      // Word for word what GraphQL answers for the same arguments.
      const g: any = await app.gql(LISTE, variables, app.auditeur);
      expect(g.errors?.[0]).toMatchObject({ message: errors[0].message, extensions: errors[0].extensions });
      expect(await exportsTraces()).toBe(0);
    },
  );

  it("/export/demandes.xlsx?logiciel=DUI%00: text hygiene as in the list, same error", async () => {
    const r = await telecharger("/export/demandes.xlsx?logiciel=DUI%00");
    expect(r.status).toBe(400);
    const { errors } = await r.json();
    const message = "Filtre « logiciel » : caractère de contrôle interdit (U+0000).";
    expect(errors).toEqual([
      {
        message,
        extensions: { code: "CARACTERE_INTERDIT", argument: "filtre.logiciel", path: ["filtre", "logiciel"] },
      },
    ]);
    const g: any = await app.gql(LISTE, { filtre: { logiciel: "DUI\u0000" } }, app.auditeur);
    expect(g.errors[0]).toMatchObject(errors[0]);
    expect(await exportsTraces()).toBe(0);
  });

  it("valid parameters still export, filtered and sorted", async () => {
    const r = await telecharger(
      `/export/demandes.csv?statut=EN_COURS&type=AVANCE&tri=MONTANT&ordre=ASC&deposeeApres=2020-01-01&numero=${numero}`,
    );
    expect(r.status).toBe(200);
    expect((await r.text()).trim().split("\r\n")).toHaveLength(2);
    const vide = await telecharger("/export/demandes.csv?statut=DECIDEE");
    expect((await vide.text()).trim().split("\r\n")).toHaveLength(1);
    expect((await telecharger("/export/journal.csv?onglet=acces&type=EXPORT_CSV&du=2024-01-01")).status).toBe(200);
    expect((await telecharger("/export/journal.csv?onglet=evenements&type=IMPORT&statut=")).status).toBe(400);
  });

  it("authentication and rights come first: 401 / 403 before any parameter is read", async () => {
    expect((await app.fetch("http://test/export/demandes.csv?statut=BOGUS")).status).toBe(401);
    const fournisseur = await app.fournisseur("00001");
    expect((await telecharger("/export/journal.csv?onglet=traces", fournisseur)).status).toBe(403);
    expect((await telecharger("/export/journal.csv?onglet=acces", app.gestionnaire)).status).toBe(403);
  });
});

describe("GraphQL filters refuse what their route twins refuse", () => {
  const DEMANDES = `query($f: FiltreDemandes) { demandes(filtre: $f) { totalCount } }`;
  const EVENEMENTS = `query($f: FiltreJournal) { journalEvenements(filtre: $f) { totalCount } }`;
  const TRACES = `query($f: FiltreJournal) { tracesAcces(filtre: $f) { totalCount } }`;

  it.each([
    [DEMANDES, { logiciel: "DUI\u0000" }, "logiciel", "Filtre « logiciel » : caractère de contrôle interdit (U+0000)."],
    [
      DEMANDES,
      { numero: "FIN\uD800" },
      "numero",
      "Filtre « numero » : caractère invalide (U+D800, moitié isolée d'une paire UTF-16).",
    ],
    [EVENEMENTS, { acteur: "Ga\u0007lle" }, "acteur", "Filtre « acteur » : caractère de contrôle interdit (U+0007)."],
  ])("a control character or lone surrogate in a filter is refused with its path", async (query, f, champ, message) => {
    const r: any = await app.gql(query, { f }, app.auditeur);
    expect(r.data).toBeNull();
    expect(r.errors[0]).toMatchObject({ message, extensions: { code: "CARACTERE_INTERDIT", path: ["filtre", champ] } });
  });

  it("an unknown journal type is refused, not answered with an empty list", async () => {
    const r: any = await app.gql(EVENEMENTS, { f: { type: "BOGUS" } }, app.auditeur);
    expect(r.errors[0]).toMatchObject({ extensions: { code: "VALEUR", path: ["filtre", "type"] } });
    expect(r.errors[0].message).toMatch(/^Filtre « type » : valeur inconnue, valeurs possibles : IMPORT, /);
    const t: any = await app.gql(TRACES, { f: { type: "IMPORT" } }, app.auditeur);
    expect(t.errors[0]).toMatchObject({ extensions: { code: "VALEUR", path: ["filtre", "type"] } });
    const ok: any = await app.gql(EVENEMENTS, { f: { type: "IMPORT" } }, app.auditeur);
    expect(ok.data.journalEvenements.totalCount).toBe(1);
  });

  it("an impossible calendar date is refused (JavaScript would read 2024-02-30 as 1 March)", async () => {
    const r: any = await app.gql(DEMANDES, { f: { deposeeApres: "2024-02-30" } }, app.auditeur);
    expect(r.errors[0].message).toMatch(/Date invalide « 2024-02-30 » : format AAAA-MM-JJ attendu/);
  });
});
