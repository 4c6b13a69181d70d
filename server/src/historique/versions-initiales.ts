import { normaliserRecherche } from "@segur/shared";
import { insererEnMasse } from "../commun/insertion-en-masse.js";
import { HASH_INITIAL, hashEvenement, hashVersionContenu } from "./chaine.js";
import type { Etat } from "./champs.js";
import { versionInitiale } from "./version-initiale.js";
import type { Auteur, Tx } from "./service.js";

export interface DemandeCreee {
  demandeId: number;
  demandeNumero: string;
  /** Its state as written (version 1 records every field of it, from nothing). */
  etat: Etat;
  /** Details of its IMPORT audit event. */
  details: unknown;
}

/**
 * Version 1 and the IMPORT event of many new demandes at once (the bulk twin of
 * enregistrerVersion + enregistrerEvenement): a new demande has no version and no event yet, so
 * both chains start at HASH_INITIAL and need no read; rows go in multi-row INSERTs. Version 1
 * is compact: no change rows, its state as snapshot numero 1 (version-initiale.ts).
 */
export async function enregistrerVersionsInitiales(
  tx: Tx,
  demandes: readonly DemandeCreee[],
  o: { auteur: Auteur; commentaire: string; creeLe: Date },
): Promise<void> {
  if (!demandes.length) return;
  const initiales = new Map(demandes.map((d) => [d.demandeId, versionInitiale(d.etat)]));
  await insererEnMasse(
    tx,
    "Version",
    demandes.map((d) => {
      const { changements } = initiales.get(d.demandeId)!;
      const v = {
        demandeNumero: d.demandeNumero,
        numero: 1,
        auteur: o.auteur.nom,
        acteur: o.auteur.cle,
        role: o.auteur.role,
        creeLe: o.creeLe,
        commentaire: o.commentaire,
      };
      return {
        demandeId: d.demandeId,
        numero: 1,
        auteur: v.auteur,
        acteur: v.acteur,
        role: v.role,
        creeLe: v.creeLe,
        commentaire: v.commentaire,
        hashPrecedent: HASH_INITIAL,
        hash: hashVersionContenu(HASH_INITIAL, v, changements),
        nombreChangements: changements.length,
      };
    }),
  );
  // Compact version 1 (version-initiale.ts): its state once, as snapshot numero 1, instead of a
  // hundred change rows; its changes are derived from it wherever they are read.
  await insererEnMasse(
    tx,
    "InstantaneVersion",
    demandes.map((d) => ({ demandeId: d.demandeId, numero: 1, etat: initiales.get(d.demandeId)!.instantane })),
  );
  await insererEnMasse(
    tx,
    "EvenementAudit",
    demandes.map((d) => {
      const e = {
        demandeId: d.demandeId,
        type: "IMPORT",
        auteur: o.auteur.nom,
        acteur: o.auteur.cle,
        role: o.auteur.role,
        creeLe: o.creeLe,
        bloc: null,
        cle: null,
        motif: null,
        details: JSON.stringify(d.details ?? {}),
      };
      return {
        ...e,
        auteurRecherche: normaliserRecherche(e.auteur),
        hashPrecedent: HASH_INITIAL,
        hash: hashEvenement(HASH_INITIAL, e),
      };
    }),
  );
}
