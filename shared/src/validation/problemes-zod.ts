import type { z } from "zod";
import type { Chemin, Probleme } from "../probleme.js";

function codeIssue(issue: z.ZodIssue): string {
  switch (issue.code) {
    case "custom": {
      const code: unknown = issue.params?.["code"];
      return typeof code === "string" ? code : "FORMAT";
    }
    case "too_big":
      return "TROP_LONG";
    case "too_small":
      return issue.type === "string" && Number(issue.minimum) === 1 ? "REQUIS" : "FORMAT";
    case "invalid_type":
      return issue.received === "undefined" || issue.received === "null" ? "REQUIS" : "FORMAT";
    case "invalid_enum_value":
    case "invalid_literal":
    case "invalid_union":
    case "invalid_union_discriminator":
      return "VALEUR";
    case "unrecognized_keys":
      return "CHAMP_INCONNU";
    default:
      return "FORMAT";
  }
}

function dernierNom(chemin: Chemin): string {
  for (let i = chemin.length - 1; i >= 0; i--) {
    const s = chemin[i];
    if (typeof s === "string") return s;
  }
  return "";
}

/** A field schema used alone has an empty path: its name travels in params. */
function champParams(issue: z.ZodIssue): string {
  const champ: unknown = issue.code === "custom" ? issue.params?.["champ"] : undefined;
  return typeof champ === "string" ? champ : "";
}

/** Zod issues → errors; `prefix` places them in a larger document (e.g. a JSON path). */
export function problemesDepuisZod(error: z.ZodError, prefix: Chemin = []): Probleme[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path];
    return {
      code: codeIssue(issue),
      message: issue.message,
      path,
      champ: dernierNom(issue.path) || champParams(issue) || dernierNom(prefix),
      gravite: "ERREUR" as const,
    };
  });
}

export interface Resultat<T> {
  valeur?: T;
  erreurs: Probleme[];
  avertissements: Probleme[];
}
