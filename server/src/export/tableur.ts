import writeXlsxFile, { type Cell, type Row } from "write-excel-file/node";
import { formatDate, formatDateHeureParis, heureMurParis, montantCsv } from "@segur/shared";

/*
 * The one writer of every export (demandes, journal, transmission batches): an export is a list
 * of typed columns, written either as CSV for machines or as XLSX for a spreadsheet (SPEC §10).
 * See docs/exports.md.
 */

export type FormatTableur = "csv" | "xlsx";

/** What a column holds decides how each format writes it. */
export type Colonne<T> = { entete: string; largeur?: number } & (
  /** Identifiers and labels: text in XLSX, so `00001` keeps its zeros. */
  | { type: "texte"; valeur: (ligne: T) => string | null | undefined }
  /** Integer cents: `2920,00` in CSV, a number of euros in XLSX. */
  | { type: "montant"; valeur: (ligne: T) => bigint | null | undefined }
  /** A calendar day stored at UTC midnight. */
  | { type: "jour"; valeur: (ligne: T) => Date | null | undefined }
  /** An instant, shown in Paris time. */
  | { type: "instant"; valeur: (ligne: T) => Date | null | undefined }
);

export const texte = <T>(entete: string, valeur: (l: T) => string | null | undefined, largeur?: number): Colonne<T> => ({ entete, type: "texte", valeur, largeur });
export const montant = <T>(entete: string, valeur: (l: T) => bigint | null | undefined): Colonne<T> => ({ entete, type: "montant", valeur, largeur: 16 });
export const jour = <T>(entete: string, valeur: (l: T) => Date | null | undefined): Colonne<T> => ({ entete, type: "jour", valeur, largeur: 12 });
export const instant = <T>(entete: string, valeur: (l: T) => Date | null | undefined): Colonne<T> => ({ entete, type: "instant", valeur, largeur: 17 });

/**
 * OWASP's CSV-injection defence: a cell a spreadsheet would run as a formula gets a leading `'`.
 * Spreadsheets drop leading tabs, CRs and spaces before reading `=`, so `\t=1+1` counts too; a
 * phone `+33 6 12 34 56 78` becomes `'+33 6 12 34 56 78`, shown as the text it is (never `#NAME?`).
 */
export function neutraliserFormule(cellule: string): string {
  // Most cells start with a digit or a letter: no regex for them (100k-row exports).
  const c = cellule.charCodeAt(0);
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x7e)) return cellule;
  return /^[\t\r]|^\s*[=+\-@]/.test(cellule) ? `'${cellule}` : cellule;
}

function celluleCsv<T>(c: Colonne<T>, ligne: T): string {
  switch (c.type) {
    case "texte": return c.valeur(ligne) ?? "";
    case "montant": { const v = c.valeur(ligne); return v == null ? "" : montantCsv(v); }
    case "jour": { const v = c.valeur(ligne); return v ? formatDate(v) : ""; }
    case "instant": { const v = c.valeur(ligne); return v ? formatDateHeureParis(v) : ""; }
  }
}

const BOM = "\uFEFF";
const A_GUILLEMETS = /[";]|\r\n/;

/**
 * A field exactly as csv-stringify wrote it with `;` and CRLF records (server/test/tableur.test.ts
 * compares them): quoted when it holds `;`, `"` or CRLF (a lone CR or LF stays bare, as it did),
 * its quotes doubled. Written here: csv-stringify's per-field option handling was a third of a
 * 100k-row export.
 */
export const champCsv = (v: string): string => (A_GUILLEMETS.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** CSV records (each ending in CRLF) of the header or of some rows: every cell neutralised. */
const enteteCsv = <T>(colonnes: readonly Colonne<T>[]) => colonnes.map((c) => champCsv(neutraliserFormule(c.entete))).join(";") + "\r\n";
function lignesCsv<T>(colonnes: readonly Colonne<T>[], lignes: readonly T[]): string {
  const dernier = colonnes.length - 1;
  let out = "";
  for (const l of lignes) {
    for (let i = 0; i <= dernier; i++) out += champCsv(neutraliserFormule(celluleCsv(colonnes[i]!, l))) + (i === dernier ? "\r\n" : ";");
  }
  return out;
}

/** RFC 4180 CSV for a French spreadsheet: UTF-8 with BOM, `;`, CRLF, every cell neutralised. */
export function csvTableur<T>(colonnes: readonly Colonne<T>[], lignes: readonly T[]): string {
  return BOM + enteteCsv(colonnes) + lignesCsv(colonnes, lignes);
}

/**
 * The same CSV, streamed: the BOM and header at once, then each page as the client reads it (a
 * page is fetched only when the previous one was taken), so memory holds one page whatever the
 * export's size. Byte for byte what csvTableur writes for all the pages' rows.
 */
export function csvFlux<T>(colonnes: readonly Colonne<T>[], pages: AsyncIterable<readonly T[]>): ReadableStream<Uint8Array> {
  const encodeur = new TextEncoder();
  const suite = pages[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      start: (c) => c.enqueue(encodeur.encode(BOM + enteteCsv(colonnes))),
      pull: async (c) => {
        const page = await suite.next();
        if (page.done) c.close();
        else if (page.value.length) c.enqueue(encodeur.encode(lignesCsv(colonnes, page.value)));
      },
      cancel: async () => void (await suite.return?.()),
    },
    { highWaterMark: 1 },
  );
}

// Number formats are locale-neutral codes: a French spreadsheet shows « 2 920,00 € » and « 25/11/2026 ».
export const FORMAT_EUROS = '#,##0.00 "€"';
export const FORMAT_JOUR = "dd/mm/yyyy";
export const FORMAT_INSTANT = "dd/mm/yyyy hh:mm";

/** Excel refuses to open a file whose cell holds more characters (e.g. a big batch event's details). */
export const XLSX_CARACTERES_MAX = 32_767;

function texteXlsx(v: string): string {
  if (v.length <= XLSX_CARACTERES_MAX) return v;
  const suite = ` … (tronqué : ${v.length.toLocaleString("fr-FR")} caractères, complet dans le CSV)`;
  return v.slice(0, XLSX_CARACTERES_MAX - suite.length) + suite;
}

function celluleXlsx<T>(c: Colonne<T>, ligne: T): Cell {
  switch (c.type) {
    case "texte": {
      const v = c.valeur(ligne);
      // `@`: typed in again, it stays text. An XLSX text cell is never run as a formula.
      return v ? { type: String, value: texteXlsx(v), format: "@" } : null;
    }
    case "montant": {
      const v = c.valeur(ligne);
      // Exact for display up to 2^53 cents, far above the 10^10 cents an import accepts.
      return v == null ? null : { type: Number, value: Number(v) / 100, format: FORMAT_EUROS };
    }
    case "jour": { const v = c.valeur(ligne); return v ? { type: Date, value: v, format: FORMAT_JOUR } : null; }
    case "instant": { const v = c.valeur(ligne); return v ? { type: Date, value: heureMurParis(v), format: FORMAT_INSTANT } : null; }
  }
}

/** XLSX with typed cells: one sheet, a bold frozen header row. */
export async function xlsxTableur<T>(feuille: string, colonnes: readonly Colonne<T>[], lignes: readonly T[]): Promise<Uint8Array> {
  const donnees: Row[] = [
    colonnes.map((c) => ({ type: String, value: c.entete, fontWeight: "bold" as const })),
    ...lignes.map((l) => colonnes.map((c) => celluleXlsx(c, l))),
  ];
  return writeXlsxFile(donnees, {
    sheet: feuille, stickyRowsCount: 1, columns: colonnes.map((c) => ({ width: c.largeur ?? Math.max(12, c.entete.length + 2) })),
  }).toBuffer();
}

export const TYPES_TABLEUR: Record<FormatTableur, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The export in the requested format. */
export async function tableur<T>(format: FormatTableur, feuille: string, colonnes: readonly Colonne<T>[], lignes: readonly T[]): Promise<string | Uint8Array> {
  return format === "csv" ? csvTableur(colonnes, lignes) : xlsxTableur(feuille, colonnes, lignes);
}

/** A download named `<nom>.<format>`, never cached (it holds personal data). */
export function reponseFichier(fichier: string, contenu: string | Uint8Array | ReadableStream<Uint8Array>, type: string): Response {
  return new Response(contenu as BodyInit, {
    headers: { "content-type": type, "content-disposition": `attachment; filename="${fichier}"`, "cache-control": "private, no-store" },
  });
}

/** An export download named `<nom>-<yyyy-mm-dd>.<format>`. */
export function reponseTableur(nom: string, format: FormatTableur, contenu: string | Uint8Array | ReadableStream<Uint8Array>): Response {
  const jourExport = new Date().toISOString().slice(0, 10);
  return reponseFichier(`${nom}-${jourExport}.${format}`, contenu, TYPES_TABLEUR[format]);
}
