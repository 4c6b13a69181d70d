import { formatDate } from "../format.js";

/** The programme's first orders (SPEC §10, our rule): an earlier date de commande is a typo. */
export const DATE_COMMANDE_MIN = "2020-01-01";

/**
 * What is wrong with a date de commande ('yyyy-mm-dd', already a real date) given the import
 * day ('yyyy-mm-dd', Paris time), or null. An order cannot come after the request it funds.
 */
export function problemeDateCommande(jour: string, jourImport: string): string | null {
  if (jour < DATE_COMMANDE_MIN)
    return `date à partir du ${formatDate(DATE_COMMANDE_MIN)} attendue (début du programme)`;
  if (jour > jourImport) return `date passée attendue, au plus tard le jour de l'import (${formatDate(jourImport)})`;
  return null;
}
