import { z } from "zod";
import { lecteurDe, type Lecteur } from "./champs.js";

/*
 * z.object(...).safeParse for the schemas of this package whose fields are all built in
 * champs.ts (each one transform that never fails by type): the same issues, paths, order and
 * output, without zod's per-field contexts and copies (most of the import check's time). Any
 * other schema goes through zod.
 */

type Affinage<T> = (valeur: T, ctx: z.RefinementCtx) => void;

export interface LecteurObjet<T> {
  safeParse(input: unknown): z.SafeParseReturnType<unknown, T>;
}

/** `affiner` is the object's superRefine, run (as zod does) even when a field has an issue. */
export function lecteurObjet<T>(
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  shape: z.ZodRawShape,
  affiner?: Affinage<T>,
): LecteurObjet<T> {
  const champs: [string, Lecteur<unknown>][] = [];
  for (const [cle, s] of Object.entries(shape)) {
    const lire = lecteurDe(s);
    if (!lire) return schema;
    champs.push([cle, lire]);
  }
  return {
    safeParse(input) {
      if (typeof input !== "object" || input === null || Array.isArray(input)) return schema.safeParse(input);
      const donnees = input as Record<string, unknown>;
      const issues: z.ZodIssue[] = [];
      let prefixe: (string | number)[] = [];
      const ctx: z.RefinementCtx = {
        addIssue: (issue) => {
          issues.push({
            ...issue,
            path: [...prefixe, ...(issue.path ?? [])],
            message: issue.message ?? "",
          } as z.ZodIssue);
        },
        path: [],
      };
      const valeur: Record<string, unknown> = {};
      for (const [cle, lire] of champs) {
        prefixe = [cle];
        const v = lire(donnees[cle], ctx);
        // zod leaves out a key whose value is undefined and absent from the input.
        if (v !== undefined || cle in donnees) valeur[cle] = v;
      }
      prefixe = [];
      affiner?.(valeur as T, ctx);
      return issues.length ? { success: false, error: new z.ZodError(issues) } : { success: true, data: valeur as T };
    },
  };
}
