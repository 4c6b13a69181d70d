import {
  GraphQLError,
  Kind,
  TypeInfo,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  valueFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type ValueNode,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import { depassementLongueur, messageTropLong } from "@segur/shared";

/** A String or ID value longer than its maximum, at its path among the arguments (`filtre.numero`). */
export interface TexteTropLong {
  chemin: string;
  max: number;
  recu: number;
}

const TEXTES = new Set(["String", "ID"]);

/** Every String / ID inside one argument's value, walked with its input type (lists, nested inputs). */
export function textesTropLongs(
  type: GraphQLInputType,
  valeur: unknown,
  chemin: string,
  nom: string,
  out: TexteTropLong[] = [],
): TexteTropLong[] {
  if (valeur === null || valeur === undefined) return out;
  if (isNonNullType(type)) return textesTropLongs(type.ofType, valeur, chemin, nom, out);
  if (isListType(type)) {
    // A single value stands for a list of one (GraphQL input coercion).
    if (!Array.isArray(valeur)) return textesTropLongs(type.ofType, valeur, chemin, nom, out);
    valeur.forEach((v, i) => textesTropLongs(type.ofType, v, `${chemin}[${i}]`, nom, out));
    return out;
  }
  if (isInputObjectType(type)) {
    if (typeof valeur !== "object") return out;
    for (const champ of Object.values(type.getFields())) {
      if (Object.hasOwn(valeur, champ.name))
        textesTropLongs(
          champ.type,
          (valeur as Record<string, unknown>)[champ.name],
          `${chemin}.${champ.name}`,
          champ.name,
          out,
        );
    }
    return out;
  }
  if (TEXTES.has(getNamedType(type).name) && typeof valeur === "string") {
    const d = depassementLongueur(nom, valeur);
    if (d) out.push({ chemin, ...d });
  }
  return out;
}

/** One argument of a document: its verdict when it is all literals, else what to check per request. */
type Site = TexteTropLong[] | { type: GraphQLInputType; valeur: ValueNode; nom: string };

/** A document's arguments, walked once with the schema (yoga re-uses the parsed document per query text). */
const plans = new WeakMap<DocumentNode, { schema: GraphQLSchema; sites: Site[] }>();

const avecVariables = (valeur: ValueNode): boolean =>
  valeur.kind === Kind.VARIABLE ||
  (valeur.kind === Kind.LIST && valeur.values.some(avecVariables)) ||
  (valeur.kind === Kind.OBJECT && valeur.fields.some((f) => avecVariables(f.value)));

/** The document's argument sites, computed on its first request (exported for the tests). */
export function sitesDuDocument(schema: GraphQLSchema, document: DocumentNode): Site[] {
  const plan = plans.get(document);
  if (plan?.schema === schema) return plan.sites;
  const typeInfo = new TypeInfo(schema);
  const sites: Site[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const def = typeInfo.getArgument();
        // Invalid values are left to GraphQL's own coercion errors.
        if (!def) return;
        const nom = node.name.value;
        if (avecVariables(node.value)) sites.push({ type: def.type, valeur: node.value, nom });
        else {
          const trop = textesTropLongs(def.type, valueFromAST(node.value, def.type), nom, nom);
          if (trop.length) sites.push(trop);
        }
      },
    }),
  );
  plans.set(document, { schema, sites });
  return sites;
}

/** Every too-long text among the arguments of a document, literals (verdict kept per document) and variables alike. */
export function textesTropLongsDuDocument(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
): TexteTropLong[] {
  const out: TexteTropLong[] = [];
  for (const site of sitesDuDocument(schema, document)) {
    if (Array.isArray(site)) out.push(...site);
    else
      textesTropLongs(site.type, valueFromAST(site.valeur, site.type, variables ?? undefined), site.nom, site.nom, out);
  }
  return out;
}

/**
 * Bounds every String / ID argument and input field of the API before execution (maxima in
 * shared/src/limites.ts): a too-long one is a BAD_USER_INPUT error naming it, nothing runs.
 */
export function useLongueursArguments(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const trop = textesTropLongsDuDocument(args.schema, args.document, args.variableValues);
      if (!trop.length) return;
      setResultAndStopExecution({
        errors: trop.map(
          (t) =>
            new GraphQLError(messageTropLong("Argument", t.chemin, t), {
              extensions: { code: "BAD_USER_INPUT", argument: t.chemin, max: t.max },
            }),
        ),
      });
    },
  };
}

/**
 * The same bound where a filter is turned into a query (GraphQL, export routes, any caller):
 * no unbounded text reaches a LIKE pattern.
 */
export function verifierLongueursFiltre(filtre: object | null | undefined): void {
  for (const [champ, v] of Object.entries(filtre ?? {})) {
    const d = typeof v === "string" ? depassementLongueur(champ, v) : null;
    if (d)
      throw new GraphQLError(messageTropLong("Argument", `filtre.${champ}`, d), {
        extensions: { code: "BAD_USER_INPUT", argument: `filtre.${champ}`, max: d.max },
      });
  }
}
