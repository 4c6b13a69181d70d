import { heureMurParis } from "@segur/shared";
import type { Colonne } from "./tableur.js";

/*
 * The XML of a one-sheet workbook, written as text: the fixed parts once, the sheet row by row
 * (export/xlsx-flux.ts streams them). Texts are inline strings (`t="inlineStr"`), so no
 * shared-strings table grows with the export. Same cells, styles, widths and frozen header as
 * the write-excel-file workbooks it replaces (server/test/xlsx-flux.test.ts compares them).
 */

// Number formats are locale-neutral codes: a French spreadsheet shows « 2 920,00 € » and « 25/11/2026 ».
export const FORMAT_EUROS = '#,##0.00 "€"';
export const FORMAT_JOUR = "dd/mm/yyyy";
export const FORMAT_INSTANT = "dd/mm/yyyy hh:mm";

/** Excel refuses to open a file whose cell holds more characters (e.g. a big batch event's details). */
export const XLSX_CARACTERES_MAX = 32_767;

/** Styles (`s`) of styles.xml's cellXfs: the bold header, then one per column type. */
const STYLE = { entete: 1, texte: 2, montant: 3, jour: 4, instant: 5 } as const;

/** XML 1.0 forbids C0 controls but tab/LF/CR, lone surrogates, U+FFFE/FFFF; C1 controls (but NEL) and U+FDD0–FDEF are discouraged and were dropped too. */
const INTERDITS = /[^\t\n\r\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{10FFFF}]/gu;
/** Whether a text needs the slow path: a character to escape or one perhaps forbidden (surrogates included). */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const A_TRAITER = /[&<>"\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

/** A text for an element or a double-quoted attribute: forbidden characters dropped, `& < > "` escaped. */
export function echapperXml(v: string): string {
  if (!A_TRAITER.test(v)) return v;
  return v
    .replace(INTERDITS, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

function texteXlsx(v: string): string {
  if (v.length <= XLSX_CARACTERES_MAX) return v;
  const suite = ` … (tronqué : ${v.length.toLocaleString("fr-FR")} caractères, complet dans le CSV)`;
  return v.slice(0, XLSX_CARACTERES_MAX - suite.length) + suite;
}

/** Column letters A…Z, AA…: the `r` of each cell. */
function lettre(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** An inline string cell; leading or trailing spaces kept (`xml:space`). */
function celluleTexte(r: string, s: number, v: string): string {
  const t = echapperXml(v);
  const espace = t.trim().length === t.length ? "" : ' xml:space="preserve"';
  return `<c r="${r}" s="${s}" t="inlineStr"><is><t${espace}>${t}</t></is></c>`;
}

/** Excel's serial day number (days since 1899-12-30, the day's fraction for the time). */
const serie = (d: Date) => String(d.getTime() / 86_400_000 + 25_569);

/** A column's cell in row `n` (its XML, or "" when empty): `'…` never needed, a text cell is never run as a formula. */
function cellulesXlsx<T>(c: Colonne<T>, col: string): (ligne: T, n: number) => string {
  switch (c.type) {
    case "texte":
      return (l, n) => {
        const v = c.valeur(l);
        return v ? celluleTexte(col + n, STYLE.texte, texteXlsx(v)) : "";
      };
    // Exact for display up to 2^53 cents, far above the 10^10 cents an import accepts.
    case "montant":
      return (l, n) => {
        const v = c.valeur(l);
        return v == null ? "" : `<c r="${col}${n}" s="${STYLE.montant}"><v>${Number(v) / 100}</v></c>`;
      };
    case "jour":
      return (l, n) => {
        const v = c.valeur(l);
        return v ? `<c r="${col}${n}" s="${STYLE.jour}"><v>${serie(v)}</v></c>` : "";
      };
    // The Paris wall-clock time: a spreadsheet date has no time zone.
    case "instant":
      return (l, n) => {
        const v = c.valeur(l);
        return v ? `<c r="${col}${n}" s="${STYLE.instant}"><v>${serie(heureMurParis(v))}</v></c>` : "";
      };
  }
}

/** Rows' XML, numbered from `premiere` (the header is row 1). */
export function lignesXlsx<T>(colonnes: readonly Colonne<T>[]): (lignes: readonly T[], premiere: number) => string {
  const cellules = colonnes.map((c, i) => cellulesXlsx(c, lettre(i)));
  return (lignes, premiere) => {
    let out = "";
    for (let k = 0; k < lignes.length; k++) {
      const n = premiere + k;
      let cs = "";
      for (const cellule of cellules) cs += cellule(lignes[k]!, n);
      out += cs ? `<row r="${n}">${cs}</row>` : `<row r="${n}"/>`;
    }
    return out;
  };
}

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG = "http://schemas.openxmlformats.org/package/2006";
const ENTETE_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const largeur = <T>(c: Colonne<T>) => c.largeur ?? Math.max(12, c.entete.length + 2);

/** The sheet's opening (frozen header row, column widths, the header row) up to its first data row. */
export function debutFeuille<T>(colonnes: readonly Colonne<T>[]): string {
  const cols = colonnes
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${largeur(c)}" customWidth="1"/>`)
    .join("");
  const entete = colonnes.map((c, i) => celluleTexte(`${lettre(i)}1`, STYLE.entete, c.entete)).join("");
  return (
    `${ENTETE_XML}<worksheet xmlns="${NS}" xmlns:r="${NS_R}"><sheetViews><sheetView tabSelected="1" workbookViewId="0">` +
    `<pane ySplit="1" xSplit="0" topLeftCell="A2" activePane="bottomRight" state="frozen"/></sheetView></sheetViews>` +
    `<cols>${cols}</cols><sheetData><row r="1">${entete}</row>`
  );
}

export const FIN_FEUILLE = "</sheetData></worksheet>";

/** Every part but the sheet, by path in the zip. */
export function partiesFixes(feuille: string): Record<string, string> {
  const type = (t: string) => `application/vnd.openxmlformats-officedocument.spreadsheetml.${t}+xml`;
  const format = (id: number, code: string) => `<numFmt numFmtId="${id}" formatCode="${echapperXml(code)}"/>`;
  const police = (gras: boolean) =>
    `<font><family val="2"/><scheme val="minor"/>${gras ? "<b/>" : ""}<color theme="1"/></font>`;
  const avecFormat = (id: number) => `<xf numFmtId="${id}" applyNumberFormat="1"/>`;
  return {
    "[Content_Types].xml":
      `${ENTETE_XML}<Types xmlns="${NS_PKG}/content-types">` +
      `<Default ContentType="application/xml" Extension="xml"/><Default ContentType="application/vnd.openxmlformats-package.relationships+xml" Extension="rels"/>` +
      `<Override ContentType="${type("sheet.main")}" PartName="/xl/workbook.xml"/><Override ContentType="${type("styles")}" PartName="/xl/styles.xml"/>` +
      `<Override ContentType="${type("worksheet")}" PartName="/xl/worksheets/sheet1.xml"/></Types>`,
    "_rels/.rels":
      `${ENTETE_XML}<Relationships xmlns="${NS_PKG}/relationships">` +
      `<Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml":
      `${ENTETE_XML}<workbook xmlns="${NS}" xmlns:r="${NS_R}"><bookViews><workbookView/></bookViews>` +
      `<sheets><sheet name="${echapperXml(feuille)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels":
      `${ENTETE_XML}<Relationships xmlns="${NS_PKG}/relationships">` +
      `<Relationship Id="rId1" Type="${NS_R}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${NS_R}/styles" Target="styles.xml"/></Relationships>`,
    "xl/styles.xml":
      `${ENTETE_XML}<styleSheet xmlns="${NS}">` +
      `<numFmts count="4">${format(100, "@")}${format(101, FORMAT_EUROS)}${format(102, FORMAT_JOUR)}${format(103, FORMAT_INSTANT)}</numFmts>` +
      `<fonts count="2">${police(false)}${police(true)}</fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellXfs count="6"><xf/><xf fontId="1" applyFont="1"/>${avecFormat(100)}${avecFormat(101)}${avecFormat(102)}${avecFormat(103)}</cellXfs>` +
      `</styleSheet>`,
  };
}
