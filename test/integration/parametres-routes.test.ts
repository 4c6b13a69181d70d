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
const exportsTraces = () => app.prisma.traceAcces.count({ where: { operation: { in: ["EXPORT_CSV", "EXPORT_XLSX"] } } });

describe("route parameters are validated like their GraphQL twins", () => {
  it.each([
    ["/export/demandes.csv?statut=BOGUS", "Paramètre « statut » : valeur inconnue, valeurs possibles : EN_COURS, DECIDEE, EN_ATTENTE_PIECE, A_MODIFIER, REGULARISATION_EN_COURS."],
    ["/export/demandes.csv?type=AUTRE", "Paramètre « type » : valeur inconnue, valeurs possibles : AVANCE, SOLDE."],
    ["/export/demandes.csv?etatPaiement=x", "Paramètre « etatPaiement » : valeur inconnue, valeurs possibles : AUCUN, EN_COURS, PAYE."],
    ["/export/demandes.csv?tri=PRIX", /^Paramètre « tri » : valeur inconnue, valeurs possibles : NUMERO, TYPE, /],
    ["/export/demandes.csv?ordre=asc", "Paramètre « ordre » : valeur inconnue, valeurs possibles : ASC, DESC."],
    ["/export/demandes.csv?deposeeApres=01/03/2024", "Paramètre « deposeeApres » : date réelle au format AAAA-MM-JJ attendue (exemple : 2024-03-01)."],
    ["/export/demandes.csv?deposeeAvant=2024-02-30", /^Paramètre « deposeeAvant » : date réelle/],
    ["/export/demandes.xlsx?modifieeDepuis=hier", /^Paramètre « modifieeDepuis » : date et heure ISO 8601 attendue/],
    ["/export/demandes.csv?staut=EN_COURS", /^Paramètre « staut » : paramètre inconnu ; paramètres possibles : numero, type, statut/],
    ["/export/demandes.csv?logiciel=DUI%00", "Paramètre « logiciel » : caractère de contrôle interdit (U+0000)."],
    ["/export/journal.csv?type=BOGUS", /^Paramètre « type » : valeur inconnue, valeurs possibles : IMPORT, VERSION, /],
    ["/export/journal.csv?onglet=acces&type=IMPORT", "Paramètre « type » : valeur inconnue, valeurs possibles : CONSULTATION, EXPORT_CSV, EXPORT_XLSX, TELECHARGEMENT_PIECE."],
    ["/export/journal.csv?onglet=traces", "Paramètre « onglet » : valeur inconnue, valeurs possibles : evenements, acces."],
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

  it("valid parameters still export, filtered and sorted", async () => {
    const r = await telecharger(`/export/demandes.csv?statut=EN_COURS&type=AVANCE&tri=MONTANT&ordre=ASC&deposeeApres=2020-01-01&numero=${numero}`);
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
    [DEMANDES, { numero: "FIN\uD800" }, "numero", "Filtre « numero » : caractère invalide (U+D800, moitié isolée d'une paire UTF-16)."],
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
