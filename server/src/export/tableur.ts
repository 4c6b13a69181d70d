import { formatDate, formatDateHeureParis, montantCsv } from "@segur/shared";
import { setImmediate as tourSuivant } from "node:timers/promises";
import { enPages, xlsxFlux, xlsxOctets } from "./xlsx-flux.js";

/*
 * The one writer of every export (demandes, journal, transmission batches): an export is a list
 * of typed columns, written either as CSV for machines or as XLSX for a spreadsheet (SPEC §10).
 * See docs/exports.md.
 */

export type FormatTableur = "csv" | "xlsx";

/** What a column holds decides how each format writes it. */
export type Colonne<T> = { entete: string; largeur?: number } &
  /** Identifiers and labels: text in XLSX, so `00001` keeps its zeros. */
  (
    | { type: "texte"; valeur: (ligne: T) => string | null | undefined }
    /** Integer cents: `2920,00` in CSV, a number of euros in XLSX. */
    | { type: "montant"; valeur: (ligne: T) => bigint | null | undefined }
    /** A calendar day stored at UTC midnight. */
    | { type: "jour"; valeur: (ligne: T) => Date | null | undefined }
    /** An instant, shown in Paris time. */
    | { type: "instant"; valeur: (ligne: T) => Date | null | undefined }
  );

export const texte = <T>(
  entete: string,
  valeur: (l: T) => string | null | undefined,
  largeur?: number,
): Colonne<T> => ({ entete, type: "texte", valeur, largeur });
export const montant = <T>(entete: string, valeur: (l: T) => bigint | null | undefined): Colonne<T> => ({
  entete,
  type: "montant",
  valeur,
  largeur: 16,
});
export const jour = <T>(entete: string, valeur: (l: T) => Date | null | undefined): Colonne<T> => ({
  entete,
  type: "jour",
  valeur,
  largeur: 12,
});
export const instant = <T>(entete: string, valeur: (l: T) => Date | null | undefined): Colonne<T> => ({
  entete,
  type: "instant",
  valeur,
  largeur: 17,
});

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

/** Each day's `jj/mm/aaaa`, written once per page (an export sorted by date repeats each day many times). */
function joursCsv(): (v: Date) => string {
  const deja = new Map<number, string>();
  return (v) => {
    const jour = Math.floor(v.getTime() / 86_400_000);
    let t = deja.get(jour);
    if (t === undefined) deja.set(jour, (t = formatDate(v)));
    return t;
  };
}

/**
 * A column's CSV field, neutralised. Amounts and dates are written from digits, `/`, `,`, `:`, a
 * space and perhaps a leading `-` (then `'-`): never a `;`, a quote or a line break, never quoted.
 */
function champsCsv<T>(c: Colonne<T>): (ligne: T) => string {
  switch (c.type) {
    case "texte":
      return (l) => champCsv(neutraliserFormule(c.valeur(l) ?? ""));
    case "montant":
      return (l) => {
        const v = c.valeur(l);
        return v == null ? "" : neutraliserFormule(montantCsv(v));
      };
    case "jour": {
      const jour = joursCsv();
      return (l) => {
        const v = c.valeur(l);
        return v ? jour(v) : "";
      };
    }
    case "instant":
      return (l) => {
        const v = c.valeur(l);
        return v ? formatDateHeureParis(v) : "";
      };
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
const enteteCsv = <T>(colonnes: readonly Colonne<T>[]) =>
  colonnes.map((c) => champCsv(neutraliserFormule(c.entete))).join(";") + "\r\n";
function lignesCsv<T>(colonnes: readonly Colonne<T>[], lignes: readonly T[]): string {
  const champs = colonnes.map(champsCsv);
  const dernier = champs.length - 1;
  let out = "";
  for (const l of lignes) {
    for (let i = 0; i < dernier; i++) out += champs[i]!(l) + ";";
    out += champs[dernier]!(l) + "\r\n";
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
export function csvFlux<T>(
  colonnes: readonly Colonne<T>[],
  pages: AsyncIterable<readonly T[]>,
): ReadableStream<Uint8Array> {
  // Buffer.from: the same UTF-8 bytes as TextEncoder, 2–3× faster on a page's 100 KB.
  const encodeur = { encode: (t: string): Uint8Array => Buffer.from(t, "utf8") };
  const suite = pages[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      start: (c) => c.enqueue(encodeur.encode(BOM + enteteCsv(colonnes))),
      pull: async (c) => {
        const page = await suite.next();
        if (page.done) c.close();
        else if (page.value.length) {
          c.enqueue(encodeur.encode(lignesCsv(colonnes, page.value)));
          // Other requests run between two pages: SQLite's reads resolve without a real wait.
          await tourSuivant();
        }
      },
      cancel: async () => void (await suite.return?.()),
    },
    { highWaterMark: 1 },
  );
}

export { FORMAT_EUROS, FORMAT_INSTANT, FORMAT_JOUR, XLSX_CARACTERES_MAX } from "./xlsx-xml.js";

/** XLSX with typed cells, whole in memory (small exports, tests): one sheet, a bold frozen header row (export/xlsx-flux.ts). */
export function xlsxTableur<T>(
  feuille: string,
  colonnes: readonly Colonne<T>[],
  lignes: readonly T[],
): Promise<Uint8Array> {
  return xlsxOctets(feuille, colonnes, lignes);
}

export const TYPES_TABLEUR: Record<FormatTableur, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The export in the requested format: the XLSX streamed by pages (export/xlsx-flux.ts). */
export function tableur<T>(
  format: FormatTableur,
  feuille: string,
  colonnes: readonly Colonne<T>[],
  lignes: readonly T[],
): string | ReadableStream<Uint8Array> {
  return format === "csv" ? csvTableur(colonnes, lignes) : xlsxFlux(feuille, colonnes, enPages(lignes));
}

/** A download named `<nom>.<format>`, never cached (it holds personal data). */
export function reponseFichier(
  fichier: string,
  contenu: string | Uint8Array | ReadableStream<Uint8Array>,
  type: string,
): Response {
  return new Response(contenu as BodyInit, {
    headers: {
      "content-type": type,
      "content-disposition": `attachment; filename="${fichier}"`,
      "cache-control": "private, no-store",
    },
  });
}

/** An export download named `<nom>-<yyyy-mm-dd>.<format>`. */
export function reponseTableur(
  nom: string,
  format: FormatTableur,
  contenu: string | Uint8Array | ReadableStream<Uint8Array>,
): Response {
  const jourExport = new Date().toISOString().slice(0, 10);
  return reponseFichier(`${nom}-${jourExport}.${format}`, contenu, TYPES_TABLEUR[format]);
}
