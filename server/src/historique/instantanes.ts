import { BLOCS_VERSIONNES, etatVide, type Etat, type Ligne } from "./champs.js";

/**
 * Every K-th version stores the whole state (InstantaneVersion), so reading version k replays at
 * most K-1 versions after the nearest snapshot instead of all k. 100 keeps storage at about one
 * state per hundred versions (the changes stay the record; snapshots are derived, re-checked by
 * historique:verifier) while a read costs a few hundred change rows at most.
 */
export const INTERVALLE_INSTANTANES = 100;

export const versionAvecInstantane = (numero: number) => numero % INTERVALLE_INSTANTANES === 0;

/** JSON of a state, rows in their Map order (a restored snapshot lists rows as a full replay does). */
export function serialiserEtat(etat: Etat): string {
  return JSON.stringify(Object.fromEntries(BLOCS_VERSIONNES.map((b) => [b, [...etat[b]]])));
}

export function deserialiserEtat(json: string): Etat {
  const brut = JSON.parse(json) as Record<string, [string, Ligne][] | undefined>;
  const etat = etatVide();
  for (const b of BLOCS_VERSIONNES) for (const [cle, ligne] of brut[b] ?? []) etat[b].set(cle, ligne);
  return etat;
}
