import { GraphQLError, type ExecutionResult } from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * Pothos' relay and prisma plugins check `first` / `last` / `after` / `before` themselves and
 * answer in English. A portal developer gets the same French message, code and argument as
 * for any other bad input.
 */
const TRADUCTIONS: { motif: RegExp; argument: string | null; message: string }[] = [
  {
    motif: /^Invalid cursor|^Cursor must be a string|^Expected compound cursor|^Invalid offset cursor/,
    argument: null,
    message:
      "Curseur invalide (after / before) : reprenez un curseur (startCursor, endCursor) donné par une page précédente.",
  },
  {
    motif: /^Argument "first" must be a non-negative integer/,
    argument: "first",
    message: "« first » doit être un entier positif ou nul.",
  },
  {
    motif: /^Argument "last" must be a non-negative integer/,
    argument: "last",
    message: "« last » doit être un entier positif ou nul.",
  },
  {
    motif: /^Argument "last" can only be used in combination with "before" or "first"/,
    argument: "last",
    message: "« last » s'emploie avec « before » (ou sans « after »).",
  },
  {
    motif: /^Arguments "before" and "after"/,
    argument: "after",
    message: "« before » et « after » ne peuvent pas être donnés ensemble.",
  },
  {
    motif: /^Arguments "before" and "first"/,
    argument: "first",
    message: "« before » et « first » ne peuvent pas être donnés ensemble : employez « last » avec « before ».",
  },
  {
    motif: /^Arguments "after" and "last"/,
    argument: "last",
    message: "« after » et « last » ne peuvent pas être donnés ensemble : employez « first » avec « after ».",
  },
];

/** The French error for one of Pothos' pagination errors, or the error unchanged. */
export function traduireErreurPagination(erreur: GraphQLError): GraphQLError {
  const t = TRADUCTIONS.find((x) => x.motif.test(erreur.message));
  if (!t) return erreur;
  return new GraphQLError(t.message, {
    nodes: erreur.nodes,
    source: erreur.source,
    positions: erreur.positions,
    path: erreur.path,
    originalError: erreur.originalError,
    extensions: t.argument ? { code: "BAD_USER_INPUT", argument: t.argument } : { code: "BAD_USER_INPUT" },
  });
}

export const erreursPagination: Plugin = {
  onExecute() {
    return {
      onExecuteDone({ result, setResult }) {
        if (!("errors" in result) || !result.errors?.length) return;
        const r = result as ExecutionResult;
        setResult({ ...r, errors: r.errors!.map(traduireErreurPagination) });
      },
    };
  },
};
