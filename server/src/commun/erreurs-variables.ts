import { GraphQLError, isEnumType, type ExecutionResult, type GraphQLSchema } from "graphql";
import type { Plugin } from "graphql-yoga";

/*
 * graphql-js refuses ill-typed variables itself ('Variable "$input" got invalid value … at
 * "input.valeurs.presentSolde"; Boolean cannot represent…'), in English and without a code.
 * A portal developer gets the same as for any other bad input: BAD_USER_INPUT, a French
 * message and the argument's path (`argument`, like the length limits).
 */

type Explication = (m: RegExpExecArray, schema: GraphQLSchema) => { message: string; champ?: string };

const valeursEnum = (schema: GraphQLSchema, nom: string) => {
  const t = schema.getType(nom);
  return isEnumType(t)
    ? ` ; valeurs possibles : ${t
        .getValues()
        .map((v) => v.name)
        .join(", ")}`
    : "";
};

/** The inner reason of a coercion error → its French explanation (first match wins). */
const RAISONS: [RegExp, Explication][] = [
  [/^Boolean cannot represent/, () => ({ message: "un booléen (true ou false) est attendu" })],
  [
    /^Int cannot represent non 32-bit/,
    () => ({ message: "un entier entre -2 147 483 648 et 2 147 483 647 est attendu" }),
  ],
  [/^Int cannot represent/, () => ({ message: "un nombre entier est attendu" })],
  [/^Float cannot represent/, () => ({ message: "un nombre est attendu" })],
  [/^String cannot represent/, () => ({ message: "un texte est attendu" })],
  [/^ID cannot represent/, () => ({ message: "un identifiant (texte) est attendu" })],
  [/^Value .* does not exist in "(\w+)" enum/, (m, s) => ({ message: `valeur inconnue${valeursEnum(s, m[1]!)}` })],
  [/^Enum "(\w+)" cannot represent/, (m, s) => ({ message: `valeur inconnue${valeursEnum(s, m[1]!)}` })],
  [/^Expected non-nullable type .* not to be null/, () => ({ message: "obligatoire (null n'est pas accepté)" })],
  [/^Expected type "(\w+)" to be an object/, () => ({ message: "un objet est attendu" })],
  [/^Field "(\w+)" of required type .* was not provided/, (m) => ({ message: "obligatoire", champ: m[1] })],
  [/^Field "(\w+)" is not defined by type "(\w+)"/, (m) => ({ message: `champ inconnu du type ${m[2]}`, champ: m[1] })],
  // Our own scalars (Date, DateTime, Montant…) already explain in French, after graphql-js' prefix.
  [/^Expected type "\w+"\. (.+)$/s, (m) => ({ message: m[1]!.replace(/\.$/, "") })],
  [/^Expected type "(\w+)"/, (m) => ({ message: `valeur invalide pour le type ${m[1]}` })],
];

const VARIABLE_INVALIDE = /^Variable "\$(\w+)" got invalid value /;
const A_LA_POSITION = / at "([^"]+)"$/;

/**
 * Splits 'Variable "$v" got invalid value <value>[ at "<path>"]; <reason>'. The value is the
 * client's and may itself hold '; ' or ' at "…"': the split is the first whose reason is one
 * graphql-js gives, else the last.
 */
function decouperVariableInvalide(message: string): { variable: string; chemin: string | null; raison: string } | null {
  const m = VARIABLE_INVALIDE.exec(message);
  if (!m) return null;
  const reste = message.slice(m[0].length);
  const coupes: number[] = [];
  for (let i = reste.indexOf("; "); i >= 0; i = reste.indexOf("; ", i + 1)) coupes.push(i);
  if (!coupes.length) return null;
  const connue = coupes.find((i) => RAISONS.some(([motif]) => motif.test(reste.slice(i + 2))));
  const i = connue ?? coupes[coupes.length - 1]!;
  return { variable: m[1]!, chemin: A_LA_POSITION.exec(reste.slice(0, i))?.[1] ?? null, raison: reste.slice(i + 2) };
}
const VARIABLE_ABSENTE =
  /^Variable "\$(\w+)" of (?:required|non-null) type .* (?:was not provided|must not be null)\.$/;

/** The French error for one of graphql-js' variable errors, or null when it is another error. */
export function traduireErreurVariable(erreur: GraphQLError, schema: GraphQLSchema): GraphQLError | null {
  let argument: string;
  let message: string;
  const absente = VARIABLE_ABSENTE.exec(erreur.message);
  if (absente) {
    argument = absente[1]!;
    message = "obligatoire";
  } else {
    const d = decouperVariableInvalide(erreur.message);
    if (!d) return null;
    argument = d.chemin ?? d.variable;
    const raison = d.raison;
    const trouvee = RAISONS.map(([motif, f]) => [motif.exec(raison), f] as const).find(([r]) => r);
    // A reason we do not know is one of our own scalars' messages (French) without prefix.
    const e = trouvee ? trouvee[1](trouvee[0]!, schema) : { message: raison.replace(/\.$/, "") };
    if (e.champ) argument = `${argument}.${e.champ}`;
    message = e.message;
  }
  const [variable, ...champ] = argument.split(".");
  const nom = champ.length ? `Champ ${champ.join(".")} (variable $${variable})` : `Variable $${variable}`;
  return new GraphQLError(`${nom} : ${message}.`, {
    nodes: erreur.nodes,
    source: erreur.source,
    positions: erreur.positions,
    extensions: { code: "BAD_USER_INPUT", argument },
  });
}

/** A literal value of the document that GraphQL's validation refuses, explained in French (same code). */
export function traduireErreurLitterale(erreur: GraphQLError, schema: GraphQLSchema): GraphQLError {
  const trouvee = RAISONS.map(([motif, f]) => [motif.exec(erreur.message), f] as const).find(([r]) => r);
  if (!trouvee) return erreur;
  const position = erreur.locations?.[0];
  const ou = position ? ` (ligne ${position.line}, colonne ${position.column})` : "";
  return new GraphQLError(`Valeur de la requête${ou} : ${trouvee[1](trouvee[0]!, schema).message}.`, {
    nodes: erreur.nodes,
    source: erreur.source,
    positions: erreur.positions,
    extensions: erreur.extensions,
  });
}

export const erreursVariables: Plugin = {
  onValidate({ params }) {
    return ({ result, setResult }) => {
      if (result.length) setResult(result.map((e) => traduireErreurLitterale(e, params.schema)));
    };
  },
  onExecute({ args }) {
    return {
      onExecuteDone({ result, setResult }) {
        if (!("errors" in result) || !result.errors?.length) return;
        const r = result as ExecutionResult;
        setResult({ ...r, errors: r.errors!.map((e) => traduireErreurVariable(e, args.schema) ?? e) });
      },
    };
  },
};
