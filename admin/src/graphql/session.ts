// The typed documents of session.graphql (`pnpm codegen`): imported one by one, so a page bundles only its own.
export {
  MoiDocument as MOI_QUERY,
  ConnexionDocument as CONNEXION_MUTATION,
  DeconnexionDocument as DECONNEXION_MUTATION,
} from "~/gql/graphql";
