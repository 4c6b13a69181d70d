import {
  getNamedType,
  getVariableValues,
  GraphQLBoolean,
  type GraphQLInputObjectType,
  parse,
  type GraphQLArgument,
  type GraphQLError,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
} from "graphql";
import { schema } from "../schema.js";
import { traduireErreurVariable } from "../commun/erreurs-variables.js";
import { verifierLongueursFiltre } from "../commun/longueurs-arguments.js";
import type { FiltreDemandes, Tri } from "../demande/filtre.js";

/*
 * The export of the list reads its query parameters as the list's own GraphQL arguments
 * (`Query.demandes(filtre, tri, ordre)`): the same fields, coerced by graphql-js with the same
 * scalars and enums, refused with the same coded French errors (commun/erreurs-variables.ts). A
 * field added to the list's filter is honoured by the export without a line here.
 */

export interface ParametresListe {
  filtre: FiltreDemandes;
  tri: Tri;
  ordre: "ASC" | "DESC";
}

/** The list's arguments and the variables `$filtre`, `$tri`, `$ordre` typed as them (read once, on the first export). */
let liste: { argument: (nom: string) => GraphQLArgument; variables: readonly VariableDefinitionNode[] } | null = null;
const NON_FILTRES = ["tri", "ordre"] as const;
function argumentsListe() {
  if (liste) return liste;
  const args = schema.getQueryType()!.getFields()["demandes"]!.args;
  const argument = (nom: string) => args.find((a) => a.name === nom)!;
  const operation = parse(
    `query(${["filtre", ...NON_FILTRES].map((a) => `$${a}: ${String(argument(a).type)}`).join(", ")}) { __typename }`,
  );
  return (liste = { argument, variables: (operation.definitions[0] as OperationDefinitionNode).variableDefinitions! });
}

/**
 * `?statut=EN_COURS&deposeeApres=2024-01-01&tri=MONTANT` → the list's arguments. A blank value
 * is an absent one (as the SPA leaves out empty filters); a repeated one is a list, refused by the
 * field's type. Throws the GraphQLError the list would answer.
 */
export function parametresListeDepuisUrl(p: URLSearchParams): ParametresListe {
  const filtre: Record<string, unknown> = {};
  const autres: Record<string, unknown> = {};
  for (const nom of new Set(p.keys())) {
    const valeurs = p.getAll(nom).filter((v) => v.trim() !== "");
    if (!valeurs.length) continue;
    ((NON_FILTRES as readonly string[]).includes(nom) ? autres : filtre)[nom] =
      valeurs.length === 1 ? valeurs[0] : valeurs;
  }
  // Lengths first, as the GraphQL path bounds every argument before it runs anything.
  verifierLongueursFiltre(filtre);
  const { argument, variables } = argumentsListe();
  // A URL has no booleans: `true` / `false` of a Boolean field are the JSON values (anything else is refused).
  const champs = (getNamedType(argument("filtre").type) as GraphQLInputObjectType).getFields();
  for (const [nom, v] of Object.entries(filtre))
    if (getNamedType(champs[nom]?.type) === GraphQLBoolean && (v === "true" || v === "false"))
      filtre[nom] = v === "true";
  const r = getVariableValues(schema, variables, { ...autres, filtre }, { maxErrors: 1 });
  if (r.errors) throw traduireErreurVariable(r.errors[0]!, schema) ?? r.errors[0]!;
  const v = r.coerced as { filtre: FiltreDemandes; tri?: Tri; ordre?: "ASC" | "DESC" };
  return {
    filtre: v.filtre,
    tri: v.tri ?? (argument("tri").defaultValue as Tri),
    ordre: v.ordre ?? (argument("ordre").defaultValue as "ASC" | "DESC"),
  };
}

/** The GraphQL error as the list would give it (message, code, argument path), with HTTP 400. */
export function reponseErreurParametre(e: GraphQLError): Response {
  const { message, extensions } = e.toJSON();
  return new Response(JSON.stringify({ errors: [{ message, extensions }] }), {
    status: 400,
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}
