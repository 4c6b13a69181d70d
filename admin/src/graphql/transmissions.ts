// The typed documents of transmissions.graphql (`pnpm codegen`): imported one by one, so a page bundles only its own.
export {
  LotsTransmissionDocument as LOTS_TRANSMISSION_QUERY,
  LotTransmissionCreerDocument as LOT_TRANSMISSION_CREER_MUTATION,
  LotTransmissionApercuDocument as LOT_TRANSMISSION_APERCU_QUERY,
  SuiviTransmissionsDocument as SUIVI_TRANSMISSIONS_QUERY,
} from "~/gql/graphql";
