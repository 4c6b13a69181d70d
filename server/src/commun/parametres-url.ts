import { caractereInterdit, dateIsoValide } from "@segur/shared";
import { reponseTexte } from "../http/route.js";

/**
 * Query parameters of the HTTP routes are read with the rules of their GraphQL twins (same
 * enums, same date formats, same text hygiene): a wrong value is a 400 naming the parameter,
 * never a silently empty or unfiltered export.
 */
export class ParametreInvalide extends Error {
  constructor(
    readonly parametre: string,
    attendu: string,
  ) {
    super(`Paramètre « ${parametre} » : ${attendu}.`);
    this.name = "ParametreInvalide";
  }
}

/** 400 with the French reason, for a route's handler. */
export function reponseParametreInvalide(e: ParametreInvalide): Response {
  return reponseTexte(400, e.message);
}

export class LecteurParametres {
  /** `connus`: every parameter the route reads; any other one is refused (a typo would widen an export). */
  constructor(
    private readonly p: URLSearchParams,
    connus: readonly string[],
  ) {
    for (const nom of p.keys()) {
      if (!connus.includes(nom))
        throw new ParametreInvalide(
          nom.slice(0, 50),
          `paramètre inconnu ; paramètres possibles : ${connus.join(", ")}`,
        );
    }
  }

  /** Trimmed text, or null when absent or empty. */
  texte(nom: string): string | null {
    const v = this.p.get(nom)?.trim();
    if (!v) return null;
    const interdit = caractereInterdit(v);
    if (interdit) throw new ParametreInvalide(nom, interdit);
    return v;
  }

  /** One of a closed list (the GraphQL enum's values). */
  choix<T extends string>(nom: string, valeurs: readonly T[]): T | null {
    const v = this.texte(nom);
    if (v === null) return null;
    if (!(valeurs as readonly string[]).includes(v))
      throw new ParametreInvalide(nom, `valeur inconnue, valeurs possibles : ${valeurs.join(", ")}`);
    return v as T;
  }

  /** A calendar day, yyyy-mm-dd (GraphQL `Date`). */
  jour(nom: string): string | null {
    const v = this.texte(nom);
    if (v === null) return null;
    if (!dateIsoValide(v))
      throw new ParametreInvalide(nom, "date réelle au format AAAA-MM-JJ attendue (exemple : 2024-03-01)");
    return v;
  }

  /** An instant in ISO 8601 (GraphQL `DateTime`). */
  instant(nom: string): Date | null {
    const v = this.texte(nom);
    if (v === null) return null;
    const d = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(v) ? new Date(v) : new Date(Number.NaN);
    if (Number.isNaN(d.getTime()))
      throw new ParametreInvalide(nom, "date et heure ISO 8601 attendue (exemple : 2024-03-01T08:00:00Z)");
    return d;
  }
}
