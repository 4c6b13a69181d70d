/*
 * A period typed in a filter form (two yyyy-mm-dd days, both included): an inverted one is said in
 * French under its end field, instead of being left to the browser's min / max tooltip.
 */

export const MESSAGE_PERIODE_INVERSEE =
  "La date de fin précède la date de début : choisissez une date de fin identique ou postérieure.";

/** The message for an inverted period, or null (an empty end or start leaves nothing to compare). */
export function erreurPeriode(debut: string, fin: string): string | null {
  return debut && fin && fin < debut ? MESSAGE_PERIODE_INVERSEE : null;
}
