import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readSheet } from "read-excel-file/node";
import { exempleDocumentImport } from "@segur/shared";
import { creerAppTest, type AppTest, type Identite } from "../../server/test/aide.js";
import { importerDocument } from "../../server/src/import/service.js";
import { AUTEUR_SYSTEME } from "../../server/src/historique/service.js";
import { texte, xlsxTableur, XLSX_CARACTERES_MAX } from "../../server/src/export/tableur.js";

/*
 * Every export (demandes, journal, transmission batch) in both formats, on a demande whose texts
 * are spreadsheet formulas (SPEC §10): CSV cells are neutralised, XLSX cells are typed.
 */

const ERREUR = `... on Erreur { __typename code message path }`;
const HYPERLINK = '=HYPERLINK("http://x","y")';
const TELEPHONE = "+33 6 12 34 56 78";

/** An RFC 4180 reader for `;` files (quotes doubled inside quoted fields), the BOM removed. */
function lireCsv(texte: string): string[][] {
  expect(texte.charCodeAt(0)).toBe(0xfeff);
  const lignes: string[][] = [];
  let ligne: string[] = [];
  let champ = "";
  let guillemets = false;
  for (let i = 1; i < texte.length; i++) {
    const c = texte[i]!;
    if (guillemets) {
      if (c === '"' && texte[i + 1] === '"') {
        champ += '"';
        i++;
      } else if (c === '"') guillemets = false;
      else champ += c;
    } else if (c === '"') guillemets = true;
    else if (c === ";") {
      ligne.push(champ);
      champ = "";
    } else if (c === "\r" && texte[i + 1] === "\n") {
      ligne.push(champ);
      lignes.push(ligne);
      ligne = [];
      champ = "";
      i++;
    } else champ += c;
  }
  return lignes;
}

/** A cell a spreadsheet would run: `=`, `+`, `-`, `@` (after leading blanks), or a leading tab or CR. */
const formule = (cellule: string) => /^[\t\r]|^\s*[=+\-@]/.test(cellule);

let app: AppTest;
let numero: string;

beforeEach(async () => {
  app = await creerAppTest();
  const doc = exempleDocumentImport();
  const d = doc.demandes[0]!;
  d.logiciel = HYPERLINK;
  const [b1, b2] = d.beneficiaires;
  // Identifiers a spreadsheet would read as numbers: FINESS and CPX with leading zeros.
  b1!.finessJuridique = "010000040";
  // Names and emails have strict formats; a phone is only checked with a warning.
  b1!.certificatServeur = { ...b1!.certificatServeur!, numeroCarteCPX: "0012345678", telAdminTechnique: TELEPHONE };
  b2!.certificatServeur = { ...b2!.certificatServeur!, telAdminTechnique: "@SUM(1+1)" };
  const { demandes } = await importerDocument(app.prisma, app.config, doc, { auteur: AUTEUR_SYSTEME });
  numero = demandes[0]!.numero;
});
afterEach(() => app.fermer());

async function creerLot(): Promise<string> {
  for (const cle of ["010000040", "330058067"]) {
    const r = await app.gql(
      `mutation($i: LigneValiderInput!) { ligneValider(input: $i) { __typename ${ERREUR} } }`,
      { i: { numero, bloc: "ADMINISTRATEURS", cle } },
      app.gestionnaire,
    );
    expect(r.data.ligneValider.__typename).toBe("LigneValiderSucces");
  }
  for (const [cle, motif] of [
    ["330058068", "-1+1"],
    ["330058069", "+cmd"],
  ]) {
    const rejet = await app.gql(
      `mutation($i: LigneRejeterInput!) { ligneRejeter(input: $i) { __typename ${ERREUR} } }`,
      { i: { numero, bloc: "ADMINISTRATEURS", cle, motif } },
      app.gestionnaire,
    );
    expect(rejet.data.ligneRejeter.__typename).toBe("LigneRejeterSucces");
  }
  const r = await app.gql(
    `mutation($i: LotTransmissionCreerInput!) { lotTransmissionCreer(input: $i) {
    __typename ... on LotTransmissionCreerSucces { lot { numero urlCsv urlJson urlXlsx } } ${ERREUR} } }`,
    { i: { commentaire: "\t=1+1" } },
    app.gestionnaire,
  );
  expect(r.data.lotTransmissionCreer.__typename).toBe("LotTransmissionCreerSucces");
  const lot = r.data.lotTransmissionCreer.lot;
  expect(lot.urlXlsx).toBe(`/lots/${lot.numero}.xlsx`);
  return lot.numero;
}

const telecharger = (chemin: string, as: Identite) => app.fetch(`http://test${chemin}`, { headers: as.headers });

async function csv(chemin: string, as: Identite = app.auditeur): Promise<string[][]> {
  const r = await telecharger(chemin, as);
  expect(r.status).toBe(200);
  expect(r.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  // Decoded by hand: Response.text() would drop the BOM the file must start with.
  return lireCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await r.arrayBuffer()));
}

async function xlsx(chemin: string, as: Identite = app.auditeur) {
  const r = await telecharger(chemin, as);
  expect(r.status).toBe(200);
  expect(r.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  expect(r.headers.get("cache-control")).toBe("private, no-store");
  return { nom: r.headers.get("content-disposition"), feuille: await readSheet(Buffer.from(await r.arrayBuffer())) };
}

describe("CSV: no cell a spreadsheet would run as a formula", () => {
  it("demandes, journal (events and access traces) and the transmission batch", async () => {
    const lot = await creerLot();
    const fichiers = {
      demandes: await csv("/export/demandes.csv"),
      evenements: await csv("/export/journal.csv"),
      acces: await csv("/export/journal.csv?onglet=acces"),
      lot: await csv(`/lots/${lot}.csv`, app.gestionnaire),
    };
    for (const [nom, lignes] of Object.entries(fichiers)) {
      expect(lignes.length, nom).toBeGreaterThan(1);
      expect(lignes.flat().filter(formule), nom).toEqual([]);
    }
    // The payloads are there, each behind one `'`: a reader sees the text, nothing runs.
    expect(fichiers.demandes[1]).toContain(`'${HYPERLINK}`);
    const ligneLot = fichiers.lot.find((l) => l[2] === "010000040")!;
    expect(ligneLot).toEqual([
      numero,
      "00001",
      "010000040",
      "Oui",
      "Editeur",
      "Oui",
      "0012345678",
      "STU",
      `'${TELEPHONE}`,
      "a.st@mail.com",
      "DMP",
    ]);
    expect(fichiers.lot.find((l) => l[2] === "330058067")![8]).toBe("'@SUM(1+1)");
    const motifs = fichiers.evenements.map((l) => l[7]);
    expect(motifs).toEqual(expect.arrayContaining(["'-1+1", "'+cmd"]));
    expect(motifs.some((m) => m === "'\t=1+1" || m === "'=1+1")).toBe(true);
    // The amount with a decimal comma.
    expect(fichiers.demandes[1]!.at(-1)).toBe("2920,00");
  });
});

describe("XLSX: typed cells", () => {
  it("demandes: identifiers as text, dates as dates, the amount as a number of euros", async () => {
    const { nom, feuille } = await xlsx(`/export/demandes.xlsx?numero=${numero}`, app.gestionnaire);
    expect(nom).toMatch(/^attachment; filename="demandes-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    expect(feuille[0]).toEqual([
      "Numéro de dossier",
      "Type",
      "Numéro éditeur",
      "Logiciel",
      "Date de dépôt",
      "Date de la commande",
      "Statut",
      "Statut du dernier paiement",
      "Montant Ségur déclaré",
    ]);
    const ligne = feuille[1]!;
    expect(ligne[0]).toBe(numero);
    expect(ligne[2]).toBe("00001");
    // A text cell: the formula is shown, never run.
    expect(ligne[3]).toBe(HYPERLINK);
    expect(ligne[4]).toBeInstanceOf(Date);
    expect(ligne[5]).toEqual(new Date("2022-09-20T00:00:00.000Z"));
    expect(ligne[8]).toBe(2920);
    expect(feuille).toHaveLength(2);

    // Same trace as the CSV, named XLSX.
    const trace = await app.prisma.traceAcces.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect([trace.operation, trace.cible]).toEqual(["EXPORT_XLSX", `numero=${numero}`]);
  });

  it("transmission batch: numéro éditeur, FINESS, CPX and phone as text, leading zeros kept", async () => {
    const lot = await creerLot();
    const { nom, feuille } = await xlsx(`/lots/${lot}.xlsx`);
    expect(nom).toBe(`attachment; filename="${lot}.xlsx"`);
    expect(feuille).toHaveLength(3);
    expect(feuille[1]).toEqual([
      numero,
      "00001",
      "010000040",
      "Oui",
      "Editeur",
      "Oui",
      "0012345678",
      "STU",
      TELEPHONE,
      "a.st@mail.com",
      "DMP",
    ]);
    expect(feuille[2]!.slice(1, 3)).toEqual(["00001", "330058067"]);
    expect(feuille[2]![8]).toBe("@SUM(1+1)");
    for (const cellule of [...feuille[1]!, ...feuille[2]!]) expect(typeof cellule).toBe("string");
  });

  it("journal: the instant in Paris time, texts as text; traces for auditeurs only", async () => {
    await creerLot();
    const { nom, feuille } = await xlsx("/export/journal.xlsx");
    expect(nom).toMatch(/^attachment; filename="journal-evenements-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    expect(feuille[0]).toEqual(["Date", "Événement", "Demande", "Auteur", "Rôle", "Bloc", "Ligne", "Motif", "Détails"]);
    const lot = feuille.find((l) => l[1] === "Transmission des certificats")!;
    const creeLe = (await app.prisma.evenementAudit.findFirstOrThrow({ where: { type: "LOT_TRANSMISSION" } })).creeLe;
    // The cell holds the Paris wall-clock time (a spreadsheet date has no time zone): UTC+1 or +2.
    const decalage = new Intl.DateTimeFormat("en", { timeZone: "Europe/Paris", timeZoneName: "longOffset" })
      .formatToParts(creeLe)
      .find((p) => p.type === "timeZoneName")!.value;
    const heures = Number(/^GMT\+0?(\d+):00$/.exec(decalage)![1]);
    const cellule = lot[0] as unknown as Date;
    expect(cellule).toBeInstanceOf(Date);
    // To the second (the cell keeps whole seconds).
    expect(Math.abs(cellule.getTime() - (creeLe.getTime() + heures * 3_600_000))).toBeLessThan(1000);
    expect(feuille.filter((l) => l[1] === "Ligne rejetée").map((l) => l[7])).toEqual(["+cmd", "-1+1"]);

    expect((await telecharger("/export/journal.xlsx", app.gestionnaire)).status).toBe(200);
    expect((await telecharger("/export/journal.xlsx?onglet=acces", app.gestionnaire)).status).toBe(403);
    expect((await telecharger("/export/journal.xlsx?onglet=acces", await app.fournisseur("00001"))).status).toBe(403);
    expect((await app.fetch("http://test/export/journal.xlsx")).status).toBe(401);
    const acces = await xlsx("/export/journal.xlsx?onglet=acces");
    expect(acces.feuille[0]).toEqual(["Date", "Personne", "Rôle", "Opération", "Cible"]);
    const derniere = await app.prisma.traceAcces.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect([derniere.operation, derniere.cible]).toEqual(["EXPORT_XLSX", "journal?onglet=acces"]);
  });

  it("demandes and batches: the CSV twins' authorization", async () => {
    const lot = await creerLot();
    const fournisseur = await app.fournisseur("00001");
    expect((await app.fetch("http://test/export/demandes.xlsx")).status).toBe(401);
    expect((await telecharger(`/lots/${lot}.xlsx`, fournisseur)).status).toBe(403);
    expect((await app.fetch(`http://test/lots/${lot}.xlsx`)).status).toBe(401);
    expect((await telecharger("/lots/LOT-20000101-001.xlsx", app.auditeur)).status).toBe(404);
    // A supplier's XLSX holds only its own demandes, as its CSV.
    const autre = await xlsx("/export/demandes.xlsx", await app.fournisseur("00002"));
    expect(autre.feuille).toHaveLength(1);
    expect((await xlsx("/export/demandes.xlsx", fournisseur)).feuille).toHaveLength(2);
  });
});

describe("XLSX: a text longer than a cell holds", () => {
  it("is cut to Excel's limit with a French note, so the file still opens", async () => {
    const long = "x".repeat(40_000);
    const fichier = await xlsxTableur("Feuille", [texte<string>("Détails", (l) => l)], [long, "court"]);
    const feuille = await readSheet(Buffer.from(fichier));
    const cellule = feuille[1]![0] as string;
    expect(cellule).toHaveLength(XLSX_CARACTERES_MAX);
    expect(cellule).toMatch(/^x+ … \(tronqué : 40\u202F000 caractères, complet dans le CSV\)$/);
    expect(feuille[2]).toEqual(["court"]);
  });
});
