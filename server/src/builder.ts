import SchemaBuilder from "@pothos/core";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ValidationPlugin from "@pothos/plugin-validation";
import { getDatamodel, type PrismaTypes } from "@segur/prisma";
import type { Context } from "./context.js";
import { ErreurAutorisation, ErreurMetier, ErreurNonConnecte } from "./commun/erreurs.js";
import { enLectureSeule } from "./auth/acteur.js";

export interface Scopes {
  connecte: boolean;
  gestionnaire: boolean;
  auditeur: boolean;
  fournisseur: boolean;
  fournisseurEcriture: boolean;
  /** gestionnaire or auditeur: the payment agency's staff */
  agent: boolean;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: Scopes;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
    /** Integer cents (bigint), written "2920.00". */
    Montant: { Input: bigint; Output: bigint };
    File: { Input: File; Output: never };
  };
  DefaultFieldNullability: false;
}>({
  defaultFieldNullability: false,
  // Errors before scope-auth, so that a refusal on a mutation becomes its ErreurAutorisation union member.
  plugins: [ErrorsPlugin, ScopeAuthPlugin, PrismaPlugin, RelayPlugin, ValidationPlugin],
  scopeAuth: {
    authScopes: (ctx) => ({
      connecte: ctx.acteur !== null,
      gestionnaire: ctx.acteur?.role === "GESTIONNAIRE",
      auditeur: ctx.acteur?.role === "AUDITEUR",
      fournisseur: ctx.acteur?.role === "FOURNISSEUR",
      /** A supplier's key that may import and modify (not a read-only one). */
      fournisseurEcriture: ctx.acteur?.role === "FOURNISSEUR" && !enLectureSeule(ctx.acteur),
      agent: ctx.acteur?.role === "GESTIONNAIRE" || ctx.acteur?.role === "AUDITEUR",
    }),
    unauthorizedError: (_parent, ctx, info) => {
      if (!ctx.acteur) return new ErreurNonConnecte();
      if (enLectureSeule(ctx.acteur) && info.parentType.name === "Mutation") {
        return new ErreurAutorisation(
          "Cette clé API est en lecture seule : elle ne peut ni importer ni modifier de demande.",
          "LECTURE_SEULE",
        );
      }
      return new ErreurAutorisation();
    },
  },
  errors: {
    defaultTypes: [],
    defaultResultOptions: { name: ({ fieldName }) => `${majuscule(fieldName)}Succes` },
    defaultUnionOptions: { name: ({ fieldName }) => `${majuscule(fieldName)}Resultat` },
  },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === "development" ? "warn" : null,
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    // No global node(id) lookup: every read goes through an authorised, domain-named field.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
});

function majuscule(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export { ErreurMetier };
