/** Delivery state of an automatic email in the outbox (SPEC §10). */
export const ETATS_COURRIEL = ["EN_ATTENTE", "ENVOYE", "ECHEC"] as const;
export type EtatCourriel = (typeof ETATS_COURRIEL)[number];
export const ETATS_COURRIEL_LABELS: Record<EtatCourriel, string> = {
  EN_ATTENTE: "En attente",
  ENVOYE: "Envoyé",
  ECHEC: "Échec",
};

/** Attempts before an email is given up (état ECHEC) until someone relaunches it. */
export const TENTATIVES_COURRIEL_MAX = 8;
const PREMIER_DELAI_MS = 60_000;
const DELAI_MAX_MS = 2 * 3600_000;

/**
 * Wait before the next attempt after `tentatives` failed ones: 1 min, 2 min, 4 min… (an SMTP
 * outage of a few hours is absorbed by the 8 attempts without hammering the server), capped.
 */
export function delaiNouvelEssaiCourriel(tentatives: number): number {
  return Math.min(DELAI_MAX_MS, PREMIER_DELAI_MS * 2 ** Math.max(0, tentatives - 1));
}
