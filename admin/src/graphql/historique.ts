// The typed documents of historique.graphql (`pnpm codegen`): imported one by one, so a page bundles only its own.
export {
  HistoriqueDocument as HISTORIQUE_QUERY,
  DemandeALaVersionDocument as VERSION_QUERY,
  DemandeComparerDocument as COMPARER_QUERY,
} from "~/gql/graphql";
