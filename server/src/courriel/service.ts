import { STATUTS_AVEC_COURRIEL, STATUTS_DEMANDE_LABELS, TYPES_DEMANDE_LABELS, type StatutDemande, type TypeDemande } from "@segur/shared";
import type { Db } from "@segur/prisma";
import type { Courrielleur } from "./transport.js";
import { enregistrerEvenement, type Auteur } from "../historique/service.js";

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

export interface CourrielEnregistre {
  id: number;
  demandeId: number;
  destinataire: string;
  sujet: string;
  corps: string;
}

/**
 * Hands an email already recorded on the demande to the transport. Runs after the statut
 * change committed: a transport failure is logged and recorded as an event, never rolled back.
 */
export async function transmettreCourriel(prisma: Db, courrielleur: Courrielleur, courriel: CourrielEnregistre, auteur: Auteur): Promise<boolean> {
  let erreur: string | null = null;
  try {
    await courrielleur.envoyer({ destinataire: courriel.destinataire, sujet: courriel.sujet, corps: courriel.corps });
  } catch (e) {
    erreur = sansAdresses(e instanceof Error ? e.message : String(e));
    console.error(`Courriel ${courriel.id} (demande ${courriel.demandeId}) non envoyé par le transport « ${courrielleur.nom} » : ${erreur}`);
  }
  try {
    await prisma.$transaction((tx) =>
      enregistrerEvenement(tx, {
        demandeId: courriel.demandeId, type: "COURRIEL_ENVOYE", auteur,
        details: erreur === null ? { courrielId: courriel.id, transport: courrielleur.nom, envoye: true } : { courrielId: courriel.id, transport: courrielleur.nom, envoye: false, erreur },
      }),
    );
  } catch (e) {
    console.error(`Événement d'envoi du courriel ${courriel.id} non enregistré : ${sansAdresses(e instanceof Error ? e.message : String(e))}`);
  }
  return erreur === null;
}
