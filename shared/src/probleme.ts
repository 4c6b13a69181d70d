/** Severity of a problem: an error blocks the operation, a warning is only shown. */
export type Gravite = "ERREUR" | "AVERTISSEMENT";

export type Chemin = (string | number)[];

/**
 * A problem found while checking input: what, where (path of the field in the input,
 * e.g. a JSON path) and which field (canonical field name, key of CHAMPS_LABELS).
 */
export interface Probleme {
  code: string;
  message: string;
  path: Chemin;
  champ: string;
  gravite: Gravite;
}

/** Codes of problems produced by this package. */
export const CODES_PROBLEME = [
  "REQUIS",
  "TROP_LONG",
  "TROP_GRAND",
  "FORMAT",
  "CARACTERE_INTERDIT",
  "INTERDIT",
  "VALEUR",
  "DOUBLON_FINESS",
  "DOUBLON_REFERENCE",
  "EDITEUR",
  "HORS_PERIMETRE",
  "CHAMP_INCONNU",
  "CLE_FINESS",
  "FINESS_INCONNU",
  "TELEPHONE",
] as const;
export type CodeProbleme = (typeof CODES_PROBLEME)[number];

export function erreur(code: CodeProbleme, champ: string, message: string, path: Chemin = [champ]): Probleme {
  return { code, message, path, champ, gravite: "ERREUR" };
}

export function avertissement(code: CodeProbleme, champ: string, message: string, path: Chemin = [champ]): Probleme {
  return { code, message, path, champ, gravite: "AVERTISSEMENT" };
}

/** Same path, code and message: one report is enough. */
export function dedoublonner(problemes: Probleme[]): Probleme[] {
  const vus = new Set<string>();
  return problemes.filter((p) => {
    const cle = JSON.stringify([p.path, p.code, p.message]);
    if (vus.has(cle)) return false;
    vus.add(cle);
    return true;
  });
}
