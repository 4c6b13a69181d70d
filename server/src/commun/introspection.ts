import { BREAK, GraphQLError, visit, type DocumentNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { ModeIntrospection } from "../config.js";
import type { Context } from "../context.js";

/** Does the operation read the schema itself (`__schema`, `__type`)? `__typename` does not count. */
export function litLeSchema(document: DocumentNode): boolean {
  let oui = false;
  visit(document, {
    Field(node) {
      if (node.name.value === "__schema" || node.name.value === "__type") {
        oui = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return oui;
}

/**
 * Introspection reserved to signed-in callers (INTROSPECTION=authentifie), open (tous) or
 * closed (aucun). Checked at execution, once the context knows the caller: validation runs
 * before the session is read.
 */
export function useIntrospection(mode: ModeIntrospection): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (mode === "tous") return;
      if (mode === "authentifie" && (args.contextValue as Context).acteur) return;
      if (!litLeSchema(args.document)) return;
      const message =
        mode === "aucun"
          ? "Introspection du schéma désactivée sur ce serveur : le schéma est publié dans la documentation de l'API."
          : "Introspection du schéma réservée aux appelants authentifiés : connectez-vous ou fournissez une clé API.";
      setResultAndStopExecution({
        errors: [new GraphQLError(message, { extensions: { code: "INTROSPECTION_INTERDITE" } })],
      });
    },
  };
}
