// The typed documents of demandes.graphql (`pnpm codegen`): imported one by one, so a page bundles only its own.
export { DemandesDocument as DEMANDES_QUERY } from "~/gql/graphql";
