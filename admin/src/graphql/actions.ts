// The typed documents of actions.graphql (`pnpm codegen`): imported one by one, so a page bundles only its own.
export {
  LigneValiderDocument as LIGNE_VALIDER_MUTATION,
  LigneRejeterDocument as LIGNE_REJETER_MUTATION,
  BlocValiderDocument as BLOC_VALIDER_MUTATION,
  BlocDeverrouillerDocument as BLOC_DEVERROUILLER_MUTATION,
  DemandeChangerStatutDocument as DEMANDE_CHANGER_STATUT_MUTATION,
} from "~/gql/graphql";
