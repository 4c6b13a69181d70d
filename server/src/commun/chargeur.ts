import type { Context } from "../context.js";
import { chercherParLots } from "./lots.js";

type Lot<K, V> = { cles: Set<K>; resultat: Promise<Map<K, V>> };
// Per request (keyed by its context, dropped with it): batching within one request, never across.
const lots = new WeakMap<Context, Map<string, Lot<unknown, unknown>>>();

/**
 * Per-request batch loader: the keys asked for while one list resolves (same tick) are loaded
 * together, in slices of bounded size (SQLite's parameter limit), with one query per slice.
 */
export function charger<K, V>(
  ctx: Context,
  nom: string,
  cle: K,
  requete: (lot: K[]) => Promise<[K, V][]>,
): Promise<V | undefined> {
  const parNom = lots.get(ctx) ?? new Map<string, Lot<unknown, unknown>>();
  lots.set(ctx, parNom);
  let lot = parNom.get(nom) as Lot<K, V> | undefined;
  if (!lot) {
    const cles = new Set<K>();
    const resultat = new Promise<void>((r) => setImmediate(r)).then(async () => {
      parNom.delete(nom);
      return new Map(await chercherParLots([...cles], requete));
    });
    lot = { cles, resultat };
    parNom.set(nom, lot as Lot<unknown, unknown>);
  }
  lot.cles.add(cle);
  return lot.resultat.then((m) => m.get(cle));
}
