// The typed documents of modification.graphql (`pnpm codegen`): imported one by one, so a page bundles only its own.
export {
  ModificationAdministrateurAjouterDocument as ADMINISTRATEUR_AJOUTER,
  ModificationAdministrateurModifierDocument as ADMINISTRATEUR_MODIFIER,
  ModificationAdministrateurSupprimerDocument as ADMINISTRATEUR_SUPPRIMER,
  ModificationBeneficiaireAjouterDocument as BENEFICIAIRE_AJOUTER,
  ModificationBeneficiaireModifierDocument as BENEFICIAIRE_MODIFIER,
  ModificationBeneficiaireSupprimerDocument as BENEFICIAIRE_SUPPRIMER,
  ModificationCoordonneesModifierDocument as COORDONNEES_MODIFIER,
  ModificationInformationsModifierDocument as INFORMATIONS_MODIFIER,
  ModificationPieceAjouterDocument as PIECE_AJOUTER,
  ModificationPieceSupprimerDocument as PIECE_SUPPRIMER,
  ModificationOperationAnnulerDocument as OPERATION_ANNULER,
  ModificationBrouillonRebaserDocument as BROUILLON_REBASER,
  ModificationBrouillonAbandonnerDocument as BROUILLON_ABANDONNER,
  ModificationBrouillonConfirmerDocument as BROUILLON_CONFIRMER,
} from "~/gql/graphql";
