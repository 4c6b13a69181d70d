// The typed documents of demande.graphql (`pnpm codegen`): imported one by one, so a page bundles only its own.
export { DemandeDocument as DEMANDE_QUERY } from "~/gql/graphql";
