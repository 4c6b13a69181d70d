import { GraphQLError } from "graphql";
import { compte, type Probleme } from "@segur/shared";

/**
 * Business errors: caught by Pothos' errors plugin and returned as union members. They are
 * GraphQLErrors so that, where a field has no union, they still reach the client unmasked
 * with `extensions.code`. `chemin` is the input field's path (GraphQL's own `path` is the
 * response path).
 */
export class ErreurMetier extends GraphQLError {
  constructor(
    readonly code: string,
    message: string,
    readonly chemin: string[] | null = null,
  ) {
    super(message, { extensions: { code } });
    this.name = new.target.name;
  }
}

/** « 1 erreur à corriger. », « 3 erreurs à corriger. » */
const nErreursACorriger = (n: number) => `${compte(n, "erreur", "erreurs")} à corriger.`;

export class ErreurValidation extends ErreurMetier {
  constructor(
    readonly problemes: Probleme[],
    message?: string,
  ) {
    const first = problemes.find((p) => p.gravite === "ERREUR");
    super(
      "VALIDATION",
      message ??
        (problemes.length === 1 && first
          ? first.message
          : nErreursACorriger(problemes.filter((p) => p.gravite === "ERREUR").length)),
      first ? first.path.map(String) : null,
    );
  }
}

export class ErreurAuthentification extends ErreurMetier {
  /** code TROP_DE_TENTATIVES: login attempts on this account or address are being slowed down. */
  constructor(
    message = "Identifiants incorrects.",
    code: "AUTHENTIFICATION" | "TROP_DE_TENTATIVES" = "AUTHENTIFICATION",
  ) {
    super(code, message);
  }
}

export class ErreurAutorisation extends ErreurMetier {
  constructor(message = "Vous n'avez pas les droits pour cette action.", code = "NON_AUTORISE") {
    super(code, message);
  }
}

/** No session or key: the SPA sends the user back to the login page on this code. */
export class ErreurNonConnecte extends ErreurAutorisation {
  constructor() {
    super("Authentification requise : connectez-vous ou fournissez une clé API.", "UNAUTHENTICATED");
  }
}

/** Also used for demandes another supplier owns: never reveal that they exist. */
export class ErreurIntrouvable extends ErreurMetier {
  constructor(message = "Demande introuvable.", path: string[] | null = null) {
    super("INTROUVABLE", message, path);
  }
}

export class ErreurConflit extends ErreurMetier {
  constructor(
    message: string,
    readonly versionActuelle: number,
  ) {
    super("CONFLIT_VERSION", message);
  }
}

export class ErreurVerrouillage extends ErreurMetier {
  constructor(
    message: string,
    readonly bloc: string,
  ) {
    super("BLOC_VERROUILLE", message);
  }
}

export class ErreurEtat extends ErreurMetier {
  constructor(code: string, message: string, path: string[] | null = null) {
    super(code, message, path);
  }
}

/** One problem on one field: the common case of a single-field refusal. */
export function erreurChamp(path: (string | number)[], code: string, message: string): ErreurValidation {
  const champ = String([...path].reverse().find((p) => typeof p === "string") ?? "");
  return new ErreurValidation([{ code, message, path, champ, gravite: "ERREUR" }]);
}
