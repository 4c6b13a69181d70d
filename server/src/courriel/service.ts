import {
  STATUTS_AVEC_COURRIEL,
  STATUTS_DEMANDE_LABELS,
  TYPES_DEMANDE_LABELS,
  type StatutDemande,
  type TypeDemande,
} from "@segur/shared";
import type { Courrielleur } from "./transport.js";
import { enregistrerEvenement, type Auteur, type Tx } from "../historique/service.js";

/** Subject and body of an automatic email. */
export interface ContenuCourriel {
  sujet: string;
  corps: string;
}

export interface ChangementStatutCourriel {
  numero: string;
  type: string;
  logiciel: string;
  vers: StatutDemande;
  /** The gestionnaire's message to the supplier (required for A_MODIFIER and EN_ATTENTE_PIECE). */
  message: string | null;
}

const OBJETS: Partial<Record<StatutDemande, string>> = {
  A_MODIFIER: "modifications demandées",
  EN_ATTENTE_PIECE: "pièce jointe complémentaire attendue",
  DECIDEE: "décision",
};

const SIGNATURE = [
  "Cordialement,",
  "Le service de gestion du Ségur du numérique en santé",
  "",
  "Ce courriel est envoyé automatiquement : merci de ne pas y répondre.",
];

/**
 * The automatic email of a statut change (SPEC §7), or null when the new statut sends none.
 * Pure: the caller records it on the demande and hands it to the transport.
 */
export function courrielChangementStatut(c: ChangementStatutCourriel): ContenuCourriel | null {
  if (!STATUTS_AVEC_COURRIEL.includes(c.vers)) return null;
  const type = TYPES_DEMANDE_LABELS[c.type as TypeDemande]?.toLowerCase() ?? c.type;
  const intro = `La demande de financement ${c.numero} (${type}, logiciel ${c.logiciel}) est passée au statut « ${STATUTS_DEMANDE_LABELS[c.vers]} ».`;
  const action =
    c.vers === "A_MODIFIER"
      ? "Vous pouvez la modifier sur le portail éditeur : une fois vos modifications confirmées, elle repassera au statut « En cours »."
      : c.vers === "EN_ATTENTE_PIECE"
        ? "Merci de déposer la ou les pièces justificatives demandées sur le portail éditeur : une fois vos modifications confirmées, elle repassera au statut « En cours »."
        : "L'instruction de la demande est terminée : elle ne peut plus être modifiée.";
  const message = c.message?.trim() ? ["", "Message du gestionnaire :", c.message.trim()] : [];
  return {
    sujet: `Demande ${c.numero} : ${OBJETS[c.vers]}`,
    corps: ["Bonjour,", "", intro, ...message, "", action, "", ...SIGNATURE].join("\n"),
  };
}

/** Email addresses removed from a transport error before it is logged or recorded (SPEC §9). */
export function sansAdresses(texte: string): string {
  return texte.replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, "[adresse masquée]").slice(0, 500);
}

export interface NouveauCourriel {
  demandeId: number;
  destinataire: string;
  sujet: string;
  corps: string;
}

/**
 * Records an email on the demande inside the caller's transaction: EN_ATTENTE for the outbox,
 * or already ENVOYE when the transport only records (the caller then journals it with
 * `journaliserEnvoi`, after its own event). Nothing is sent here, so the caller's change
 * never waits for, nor fails with, the mail server.
 */
export async function enregistrerCourriel(tx: Tx, courrielleur: Courrielleur, c: NouveauCourriel) {
  const maintenant = new Date();
  const envoye = courrielleur.enregistrementSeul === true;
  return tx.courriel.create({
    data: {
      ...c,
      transport: courrielleur.nom,
      creeLe: maintenant,
      ...(envoye
        ? { etat: "ENVOYE", envoyeLe: maintenant, prochainEssaiLe: null }
        : { etat: "EN_ATTENTE", prochainEssaiLe: maintenant }),
    },
  });
}

/** The audit event of a delivered email (one definition for the outbox and the record-only transport). */
export function journaliserEnvoi(
  tx: Tx,
  e: { courrielId: number; demandeId: number; transport: string; tentative: number },
  auteur: Auteur,
) {
  return enregistrerEvenement(tx, {
    demandeId: e.demandeId,
    type: "COURRIEL_ENVOYE",
    auteur,
    details: { courrielId: e.courrielId, transport: e.transport, envoye: true, tentative: e.tentative },
  });
}
