import { BLOCS_VERSIONNES, CHAMPS_VERSIONNES, etatVide, type Etat, type Ligne, type Valeur } from "./champs.js";

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

/**
 * The same state, each row as its values in CHAMPS_VERSIONNES order (no field names: half the
 * text): version 1's snapshot, written for every imported demande (version-initiale.ts).
 */
export function serialiserEtatCompact(etat: Etat): string {
  return JSON.stringify(
    Object.fromEntries(
      BLOCS_VERSIONNES.map((b) => {
        const champs = Object.keys(CHAMPS_VERSIONNES[b]);
        return [b, [...etat[b]].map(([cle, l]) => [cle, champs.map((c) => l[c] ?? null)])];
      }),
    ),
  );
}

/** Either form: rows as objects (serialiserEtat) or as values in field order (serialiserEtatCompact). */
export function deserialiserEtat(json: string): Etat {
  const brut = JSON.parse(json) as Record<string, [string, Ligne | Valeur[]][] | undefined>;
  const etat = etatVide();
  for (const b of BLOCS_VERSIONNES) {
    const champs = Object.keys(CHAMPS_VERSIONNES[b]);
    for (const [cle, ligne] of brut[b] ?? []) {
      if (!Array.isArray(ligne)) etat[b].set(cle, ligne);
      else etat[b].set(cle, Object.fromEntries(champs.map((c, i) => [c, ligne[i] ?? null])));
    }
  }
  return etat;
}
