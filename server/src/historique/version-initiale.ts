import { differences, rejouer, type Changement, type ChangementStocke } from "./changements.js";
import { BLOCS_VERSIONNES, CHAMPS_VERSIONNES, etatVide, type Etat, type Valeur } from "./champs.js";
import { deserialiserEtat, serialiserEtatCompact } from "./instantanes.js";

/*
 * Version 1 stored compactly. An imported demande's version 1 records every field from nothing
 * (≈ 115 change rows); written as rows, they were most of an import's SQL. It is stored instead
 * as its state, once (InstantaneVersion numero 1), with its change count on the Version row, and
 * its changes are derived from that state wherever they are read: they are exactly the differences
 * from the empty state, the same list, in the same order, that was hashed (hashVersion unchanged).
 * A version 1 written before (change rows, no snapshot 1) reads as it always did: rows win.
 * Snapshot 1 lists each row's values in field order (serialiserEtatCompact): half the text of the
 * K-th snapshots' named fields, for a row per imported demande.
 */

/** The snapshot of version 1 written from its changes: a full replay's state, rows as values (serialiserEtatCompact). */
export const instantaneInitial = (changements: ChangementStocke[]): string =>
  serialiserEtatCompact(rejouer([{ changements }]));

/** Version 1's changes from its snapshot (the differences from the empty state). */
export const changementsInitiaux = (etat: string): Changement[] => differences(etatVide(), deserialiserEtat(etat));

/**
 * Version `numero`'s changes: its rows, or, for a version 1 without rows, those derived from its
 * snapshot numero 1 (when it has one).
 */
export function changementsStockesOuDerives(
  numero: number,
  lignes: ChangementStocke[] | undefined,
  instantane1: string | null | undefined,
): ChangementStocke[] {
  if (lignes?.length || numero !== 1 || instantane1 === null || instantane1 === undefined) return lignes ?? [];
  return changementsInitiaux(instantane1);
}

/**
 * Version 1 of a new demande from its state in one pass (the import's hot path): the changes as
 * hashVersionContenu hashes them and the snapshot text — exactly what differences(etatVide(), etat),
 * hashVersion and instantaneInitial give (test/integration/version-initiale.test.ts), without a
 * hundred change objects per demande, their replay and their copies. Rows in sorted key order,
 * each field from nothing (AJOUT); a row with no value at all has no change and no snapshot row.
 */
export function versionInitiale(etat: Etat): { changements: (string | null)[][]; instantane: string } {
  const changements: (string | null)[][] = [];
  const blocs: Record<string, [string, Valeur[]][]> = {};
  for (const bloc of BLOCS_VERSIONNES) {
    const champs = Object.keys(CHAMPS_VERSIONNES[bloc]);
    const lignes: [string, Valeur[]][] = (blocs[bloc] = []);
    for (const cle of [...etat[bloc].keys()].sort()) {
      const source = etat[bloc].get(cle)!;
      const valeurs: Valeur[] = [];
      let vide = true;
      for (const champ of champs) {
        const v = source[champ] ?? null;
        valeurs.push(v);
        if (v !== null) {
          changements.push([bloc, cle, "AJOUT", champ, null, v]);
          vide = false;
        }
      }
      if (!vide) lignes.push([cle, valeurs]);
    }
  }
  return { changements, instantane: JSON.stringify(blocs) };
}
