import { GraphQLError } from "graphql";
import { caractereInterdit } from "@segur/shared";
import { verifierLongueursFiltre } from "./longueurs-arguments.js";

/*
 * A list's filter arrives as a GraphQL argument of a connection (no error union there): a bad
 * value is a GraphQL error with a stable code and the input path in `extensions`, the way
 * pagination arguments are refused (commun/erreurs-pagination.ts).
 */

function refus(code: string, champ: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, argument: `filtre.${champ}`, path: ["filtre", champ] } });
}

/** Texts of a filter are bounded (length first) and obey the rule of stored texts: no control character, no lone surrogate. */
export function verifierTextesFiltre(filtre: object | null | undefined): void {
  verifierLongueursFiltre(filtre);
  for (const [champ, v] of Object.entries(filtre ?? {})) {
    const interdit = typeof v === "string" ? caractereInterdit(v) : null;
    if (interdit) throw refus("CARACTERE_INTERDIT", champ, `Filtre « ${champ} » : ${interdit}.`);
  }
}

/** A free-text filter field that is in fact a code: an unknown one is refused, not an empty list. */
export function verifierChoixFiltre(
  champ: string,
  valeur: string | null | undefined,
  valeurs: readonly string[],
): void {
  const v = valeur?.trim();
  if (v && !valeurs.includes(v))
    throw refus("VALEUR", champ, `Filtre « ${champ} » : valeur inconnue, valeurs possibles : ${valeurs.join(", ")}.`);
}
