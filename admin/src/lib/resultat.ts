import type { CombinedError } from "@urql/core";
import type { ChampsProblemeFragment } from "~/gql/graphql";

/*
 * The one reader of mutation answers. Every mutation answers a union: a `…Succes` member, or
 * an `Erreur` (code, French message, input path; `problemes` for validation), selected by the
 * shared `ResultatErreur` fragment. The server's message and code are shown as they are; the
 * screen adds only a title per error type and puts field problems on the form's fields.
 */

/** A problem as the server sends it (ErreurValidation.problemes, the ResultatErreur fragment). */
export type ProblemeServeur = ChampsProblemeFragment;

/** Any member of a mutation's result union, read structurally. */
export interface ResultatUnion {
  __typename: string;
  code?: string;
  message?: string;
  path?: readonly string[] | null;
  problemes?: readonly ProblemeServeur[];
  versionActuelle?: number;
  bloc?: string;
}

/** The success member of a result union. */
export type Succes<R> = Extract<R, { __typename: `${string}Succes` }>;

export type TypeErreur =
  "VALIDATION" | "CONFLIT" | "VERROUILLAGE" | "ETAT" | "INTROUVABLE" | "AUTORISATION" | "AUTHENTIFICATION" | "RESEAU";

/** Why an operation failed, ready to show. `champs`: field name → first error message. */
export interface Echec {
  ok: false;
  type: TypeErreur;
  /** The server's stable code (VALIDATION, CONFLIT_VERSION, BLOC_VERROUILLE…); null when it did not answer. */
  code: string | null;
  titre: string;
  /** The server's own message, never reworded. */
  message: string;
  champs: Record<string, string>;
  problemes: readonly ProblemeServeur[];
  versionActuelle?: number;
  bloc?: string;
}

export type Issue<T> = { ok: true; valeur: T } | Echec;

export const MESSAGE_RESEAU = "Le serveur ne répond pas. Veuillez réessayer dans quelques instants.";

const TYPES: Record<string, TypeErreur> = {
  ErreurValidation: "VALIDATION",
  ErreurConflit: "CONFLIT",
  ErreurVerrouillage: "VERROUILLAGE",
  ErreurEtat: "ETAT",
  ErreurIntrouvable: "INTROUVABLE",
  ErreurAutorisation: "AUTORISATION",
  ErreurAuthentification: "AUTHENTIFICATION",
};

const TITRES: Record<TypeErreur, string> = {
  VALIDATION: "Des informations sont à corriger",
  CONFLIT: "Une nouvelle version a été enregistrée entre-temps",
  VERROUILLAGE: "Bloc verrouillé",
  ETAT: "Modification impossible",
  INTROUVABLE: "Demande introuvable",
  AUTORISATION: "Action non autorisée",
  AUTHENTIFICATION: "Connexion impossible",
  RESEAU: "Serveur injoignable",
};

/**
 * Field errors: a problem lands on the form's field named by the last segment of its path
 * (["input", "valeurs", champ]) or by its `champ`; the first message wins. Without a list of
 * the form's fields, every last segment is a field. A refusal with a path but no problems
 * (ErreurEtat on ["input", "statut"]) lands on that field too.
 */
export function problemesVersChamps(
  problemes: readonly ProblemeServeur[],
  champsConnus?: readonly string[],
  erreur?: Pick<ResultatUnion, "message" | "path">,
): Record<string, string> {
  const champs: Record<string, string> = {};
  const champDe = (path: readonly string[] | null | undefined, champ?: string) => {
    const dernier = path?.at(-1);
    if (!champsConnus) return dernier ?? champ ?? null;
    return dernier && champsConnus.includes(dernier) ? dernier : champ && champsConnus.includes(champ) ? champ : null;
  };
  for (const p of problemes) {
    if (p.gravite !== "ERREUR") continue;
    const champ = champDe(p.path, p.champ);
    if (champ) champs[champ] ??= p.message;
  }
  const champ = problemes.length === 0 && erreur?.message ? champDe(erreur.path) : null;
  if (champ && erreur?.message) champs[champ] ??= erreur.message;
  return champs;
}

/** An `Erreur` member of a result union, as the screen shows it. */
export function echecDepuis(r: ResultatUnion, champsConnus?: readonly string[]): Echec {
  const type = TYPES[r.__typename] ?? "ETAT";
  const problemes = r.problemes ?? [];
  return {
    ok: false,
    type,
    code: r.code ?? null,
    titre: TITRES[type],
    message: r.message ?? "",
    champs: problemesVersChamps(problemes, champsConnus, r),
    problemes,
    ...(r.versionActuelle !== undefined ? { versionActuelle: r.versionActuelle } : {}),
    ...(r.bloc ? { bloc: r.bloc } : {}),
  };
}

export function echecReseau(): Echec {
  return {
    ok: false,
    type: "RESEAU",
    code: null,
    titre: TITRES.RESEAU,
    message: MESSAGE_RESEAU,
    champs: {},
    problemes: [],
  };
}

/**
 * Reads a mutation's answer: its success member, its `Erreur` member, or — with no answer —
 * the request-level error (its French coded message as the server wrote it) or the network.
 */
export function lireResultat<R extends ResultatUnion>(
  resultat: R | null | undefined,
  erreur?: Partial<Pick<CombinedError, "networkError" | "graphQLErrors">> | null,
  champsConnus?: readonly string[],
): Issue<Succes<R>> {
  if (!resultat) {
    const refus = erreur?.graphQLErrors?.[0];
    if (refus && !erreur?.networkError) {
      const code = refus.extensions?.code;
      const echec = echecDepuis({ __typename: "ErreurEtat", message: refus.message });
      return { ...echec, code: typeof code === "string" ? code : null };
    }
    return echecReseau();
  }
  return estSucces(resultat) ? { ok: true, valeur: resultat } : echecDepuis(resultat, champsConnus);
}

function estSucces<R extends ResultatUnion>(r: R): r is Succes<R> {
  return r.__typename.endsWith("Succes");
}
