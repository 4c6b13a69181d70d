import writeXlsxFile, { type Cell, type Row } from "write-excel-file/node";
import { heureMurParis } from "@segur/shared";
import { FORMAT_EUROS, FORMAT_INSTANT, FORMAT_JOUR, XLSX_CARACTERES_MAX, type Colonne } from "../src/export/tableur.js";

/*
 * The XLSX writer the exports used before they were streamed (write-excel-file, whole workbook
 * in memory), kept as the reference the streamed writer's cells are compared with.
 */

function texteXlsx(v: string): string {
  if (v.length <= XLSX_CARACTERES_MAX) return v;
  const suite = ` … (tronqué : ${v.length.toLocaleString("fr-FR")} caractères, complet dans le CSV)`;
  return v.slice(0, XLSX_CARACTERES_MAX - suite.length) + suite;
}

function celluleXlsx<T>(c: Colonne<T>, ligne: T): Cell {
  switch (c.type) {
    case "texte": {
      const v = c.valeur(ligne);
      return v ? { type: String, value: texteXlsx(v), format: "@" } : null;
    }
    case "montant": {
      const v = c.valeur(ligne);
      return v == null ? null : { type: Number, value: Number(v) / 100, format: FORMAT_EUROS };
    }
    case "jour": {
      const v = c.valeur(ligne);
      return v ? { type: Date, value: v, format: FORMAT_JOUR } : null;
    }
    case "instant": {
      const v = c.valeur(ligne);
      return v ? { type: Date, value: heureMurParis(v), format: FORMAT_INSTANT } : null;
    }
  }
}

export async function xlsxReference<T>(
  feuille: string,
  colonnes: readonly Colonne<T>[],
  lignes: readonly T[],
): Promise<Uint8Array> {
  const donnees: Row[] = [
    colonnes.map((c) => ({ type: String, value: c.entete, fontWeight: "bold" as const })),
    ...lignes.map((l) => colonnes.map((c) => celluleXlsx(c, l))),
  ];
  return writeXlsxFile(donnees, {
    sheet: feuille,
    stickyRowsCount: 1,
    columns: colonnes.map((c) => ({ width: c.largeur ?? Math.max(12, c.entete.length + 2) })),
  }).toBuffer();
}
