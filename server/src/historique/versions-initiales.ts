import { normaliserRecherche } from "@segur/shared";
import { insererEnMasse, insererEtRelire, insererParJson } from "../commun/insertion-en-masse.js";
import { differences, rejouer, type Changement } from "./changements.js";
import { HASH_INITIAL, hashEvenement, hashVersion } from "./chaine.js";
import { etatVide, type Etat } from "./champs.js";
import { serialiserEtat, versionAvecInstantane } from "./instantanes.js";
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
 * both chains start at HASH_INITIAL and need no read; rows go in multi-row INSERTs.
 */
export async function enregistrerVersionsInitiales(
  tx: Tx,
  demandes: readonly DemandeCreee[],
  o: { auteur: Auteur; commentaire: string; creeLe: Date },
): Promise<void> {
  if (!demandes.length) return;
  const changementsDe = new Map<number, Changement[]>(demandes.map((d) => [d.demandeId, differences(etatVide(), d.etat)]));
  const versions = await insererEtRelire<{ id: number | bigint; demandeId: number | bigint }>(
    tx,
    "Version",
    demandes.map((d) => {
      const changements = changementsDe.get(d.demandeId)!;
      const v = {
        demandeNumero: d.demandeNumero, numero: 1, auteur: o.auteur.nom, acteur: o.auteur.cle, role: o.auteur.role, creeLe: o.creeLe,
        commentaire: o.commentaire, changements,
      };
      return {
        demandeId: d.demandeId, numero: 1, auteur: v.auteur, acteur: v.acteur, role: v.role, creeLe: v.creeLe, commentaire: v.commentaire,
        hashPrecedent: HASH_INITIAL, hash: hashVersion(HASH_INITIAL, v), nombreChangements: changements.length,
      };
    }),
    `"id", "demandeId"`,
  );
  await insererParJson(
    tx,
    "ChangementVersion",
    versions.flatMap((v) => changementsDe.get(Number(v.demandeId))!.map((c, ordre) => ({ versionId: Number(v.id), ordre, ...c }))),
  );
  // Snapshots follow the same rule as a confirmed version's (none at version 1 unless K = 1).
  if (versionAvecInstantane(1)) {
    await insererEnMasse(tx, "InstantaneVersion", demandes.map((d) => ({
      demandeId: d.demandeId, numero: 1, etat: serialiserEtat(rejouer([{ changements: changementsDe.get(d.demandeId)! }])),
    })));
  }
  await insererEnMasse(
    tx,
    "EvenementAudit",
    demandes.map((d) => {
      const e = {
        demandeId: d.demandeId, type: "IMPORT", auteur: o.auteur.nom, acteur: o.auteur.cle, role: o.auteur.role, creeLe: o.creeLe,
        bloc: null, cle: null, motif: null, details: JSON.stringify(d.details ?? {}),
      };
      return { ...e, auteurRecherche: normaliserRecherche(e.auteur), hashPrecedent: HASH_INITIAL, hash: hashEvenement(HASH_INITIAL, e) };
    }),
  );
}
