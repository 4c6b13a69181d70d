/** The formats every export is offered in (docs/exports.md). */
export type FormatExport = "csv" | "xlsx";

export const FORMATS_EXPORT: readonly { format: FormatExport; libelle: string; precision: string }[] = [
  { format: "csv", libelle: "CSV", precision: "séparateur point-virgule" },
  { format: "xlsx", libelle: "XLSX", precision: "classeur Excel ou LibreOffice" },
];
