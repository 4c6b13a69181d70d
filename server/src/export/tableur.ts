import { stringify } from "csv-stringify/sync";

/** CSV for a French spreadsheet: UTF-8 with BOM, `;` between fields, CRLF between rows. */
export function csvTableur(colonnes: readonly string[], lignes: readonly (readonly string[])[]): string {
  return stringify(lignes as string[][], { delimiter: ";", header: true, columns: [...colonnes], record_delimiter: "windows", bom: true });
}

/** A CSV download named `<nom>-<yyyy-mm-dd>.csv`, never cached (it holds personal data). */
export function reponseCsv(nom: string, csv: string): Response {
  const jour = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${nom}-${jour}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
