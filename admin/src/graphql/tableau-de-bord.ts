// The typed document of tableau-de-bord.graphql (`pnpm codegen`), bundled with the dashboard's page only.
export { TableauDeBordDocument as TABLEAU_DE_BORD_QUERY } from "~/gql/graphql";
