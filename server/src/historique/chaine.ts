import { createHash } from "node:crypto";
import type { ChangementStocke } from "./changements.js";

export const HASH_INITIAL = "0".repeat(64);

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

export interface VersionHachee {
  demandeNumero: string;
  numero: number;
  auteur: string;
  acteur: string;
  role: string;
  creeLe: Date;
  commentaire: string | null;
  changements: ChangementStocke[];
}

/**
 * Hash of a version chained to the previous one: any later edit of a stored field breaks the chain.
 * Its stored change count and the snapshots are derived from these changes, so they are left out
 * (old and new versions hash alike) and historique:verifier checks them against the changes.
 */
export function hashVersion(precedent: string, v: VersionHachee): string {
  return hashVersionContenu(
    precedent,
    v,
    v.changements.map((c) => [c.bloc, c.cle, c.nature, c.champ, c.ancienneValeur, c.nouvelleValeur]),
  );
}

/** The same hash from the changes already as hashed: `[bloc, cle, nature, champ, ancienneValeur, nouvelleValeur]` each. */
export function hashVersionContenu(
  precedent: string,
  v: Omit<VersionHachee, "changements">,
  changements: readonly (string | null)[][],
): string {
  const contenu = [
    v.demandeNumero,
    v.numero,
    v.auteur,
    v.acteur,
    v.role,
    v.creeLe.toISOString(),
    v.commentaire,
    changements,
  ];
  return sha256(precedent + JSON.stringify(contenu));
}

export interface EvenementHache {
  demandeId: number | null;
  type: string;
  auteur: string;
  acteur: string;
  role: string;
  creeLe: Date;
  bloc: string | null;
  cle: string | null;
  motif: string | null;
  details: string;
}

export function hashEvenement(precedent: string, e: EvenementHache): string {
  const contenu = [
    e.demandeId,
    e.type,
    e.auteur,
    e.acteur,
    e.role,
    e.creeLe.toISOString(),
    e.bloc,
    e.cle,
    e.motif,
    e.details,
  ];
  return sha256(precedent + JSON.stringify(contenu));
}
