/**
 * SQLite binds at most 999 parameters per statement: a list that grows with the data is
 * queried in slices of LOT_MAX values (room left for the query's other parameters).
 */
export const LOT_MAX = 400;

export function* parLots<T>(valeurs: readonly T[], taille = LOT_MAX): Generator<T[]> {
  for (let i = 0; i < valeurs.length; i += taille) yield valeurs.slice(i, i + taille);
}

/** Runs one query per slice and concatenates the rows. */
export async function chercherParLots<T, R>(
  valeurs: readonly T[],
  requete: (lot: T[]) => Promise<R[]>,
  taille = LOT_MAX,
): Promise<R[]> {
  const out: R[] = [];
  for (const lot of parLots(valeurs, taille)) out.push(...(await requete(lot)));
  return out;
}
