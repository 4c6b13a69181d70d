// The typed documents of suivi.graphql (`pnpm codegen`): the assignment of a demande and its picker.
export {
  GestionnairesDocument as GESTIONNAIRES_QUERY,
  DemandeAssignerDocument as DEMANDE_ASSIGNER_MUTATION,
} from "~/gql/graphql";
