// The typed documents of brouillon.graphql (`pnpm codegen`): imported one by one, so a page bundles only its own.
export {
  ModificationDemandeDocument as DEMANDE_QUERY,
  ModificationBrouillonDocument as BROUILLON_QUERY,
} from "~/gql/graphql";
