// The typed documents of journal.graphql (`pnpm codegen`): imported one by one, so a page bundles only its own.
export {
  JournalEvenementsDocument as JOURNAL_EVENEMENTS_QUERY,
  JournalVersionsDocument as JOURNAL_VERSIONS_QUERY,
  TracesAccesDocument as TRACES_ACCES_QUERY,
} from "~/gql/graphql";
