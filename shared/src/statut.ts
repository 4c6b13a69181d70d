import type { Role, StatutDemande } from "./enums.js";

/** Statuts in which a supplier may modify its demande (SPEC §2, our rule). */
export const STATUTS_MODIFIABLES_FOURNISSEUR: readonly StatutDemande[] = ["A_MODIFIER", "EN_ATTENTE_PIECE"];

/** May this role stage and confirm modifications of a demande in this statut? */
export function peutModifierDemande(role: Role, statut: StatutDemande): boolean {
  if (role === "GESTIONNAIRE") return statut !== "DECIDEE";
  if (role === "FOURNISSEUR") return STATUTS_MODIFIABLES_FOURNISSEUR.includes(statut);
  return false;
}

/** Statut transitions a gestionnaire may make (our rule): any move except from Décidée. */
export const TRANSITIONS_STATUT: Readonly<Record<StatutDemande, readonly StatutDemande[]>> = {
  EN_COURS: ["A_MODIFIER", "EN_ATTENTE_PIECE", "REGULARISATION_EN_COURS", "DECIDEE"],
  A_MODIFIER: ["EN_COURS", "EN_ATTENTE_PIECE", "REGULARISATION_EN_COURS"],
  EN_ATTENTE_PIECE: ["EN_COURS", "A_MODIFIER", "REGULARISATION_EN_COURS"],
  REGULARISATION_EN_COURS: ["EN_COURS", "A_MODIFIER", "EN_ATTENTE_PIECE", "DECIDEE"],
  DECIDEE: [],
};

/** Moving to these statuts carries a message to the supplier. */
export const STATUTS_AVEC_MESSAGE: readonly StatutDemande[] = ["A_MODIFIER", "EN_ATTENTE_PIECE"];
/** Moving to these statuts sends an automatic email to the supplier (SPEC §7). */
export const STATUTS_AVEC_COURRIEL: readonly StatutDemande[] = ["A_MODIFIER", "EN_ATTENTE_PIECE", "DECIDEE"];

export function transitionAutorisee(de: StatutDemande, vers: StatutDemande): boolean {
  return TRANSITIONS_STATUT[de].includes(vers);
}
