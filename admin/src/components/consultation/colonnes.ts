import { CHAMPS_LABELS } from "@segur/shared";

/** A column of a block table: the field it shows, its header and an optional cell class. */
export interface ColonneTableau {
  cle: string;
  libelle: string;
  /** e.g. `cellule-email` (long addresses wrap anywhere), `cellule-insecable`. */
  classe?: string;
}

/** Columns of shared fields, headed by their shared labels. */
export function colonnesChamps(
  champs: readonly (keyof typeof CHAMPS_LABELS)[],
  classes: Partial<Record<string, string>> = {},
): ColonneTableau[] {
  return champs.map((cle) => ({ cle, libelle: CHAMPS_LABELS[cle], classe: classes[cle] }));
}

/** Header of the last column of a block table: the row's validation state and / or its actions. */
export function enteteEtat(validation: boolean, actions: boolean): string {
  if (validation && actions) return "Validation et actions";
  return validation ? "Validation" : "Actions";
}
