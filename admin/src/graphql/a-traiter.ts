// The typed documents of a-traiter.graphql (`pnpm codegen`), bundled with the work queue's page only.
export {
  ATraiterDocument as A_TRAITER_QUERY,
  ATraiterPremieresDocument as A_TRAITER_PREMIERES_QUERY,
} from "~/gql/graphql";
