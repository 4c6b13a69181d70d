import { z } from "zod";
import { texte, verifierEmail } from "../validation/champs.js";
import { problemesDepuisZod, type Resultat } from "../validation/problemes-zod.js";

/**
 * The demande's own fields that a draft may change (the others come from the deposit and the
 * payment agency): the supplier's contact for the automatic emails, and the installation
 * scenario of the bénéficiaires block.
 */
export const CHAMPS_INFORMATIONS_MODIFIABLES = ["courrielContact", "scenarioInstallation"] as const;
export type ChampInformationsModifiable = (typeof CHAMPS_INFORMATIONS_MODIFIABLES)[number];
export type InformationsValeurs = Record<ChampInformationsModifiable, string | null>;

export const courrielContactSchema = texte("courrielContact", { verifier: verifierEmail });
export const scenarioInstallationSchema = texte("scenarioInstallation", { multiligne: true });

export const informationsModifiablesSchema = z.object({
  courrielContact: courrielContactSchema,
  scenarioInstallation: scenarioInstallationSchema,
});

/**
 * Checks the fields given (an absent field is left as it is; null or empty clears it) and
 * answers only those.
 */
export function validerInformations(
  input: Partial<Record<ChampInformationsModifiable, unknown>>,
): Resultat<Partial<InformationsValeurs>> {
  const r = informationsModifiablesSchema.safeParse(input);
  if (!r.success) return { erreurs: problemesDepuisZod(r.error), avertissements: [] };
  const valeur = Object.fromEntries(
    CHAMPS_INFORMATIONS_MODIFIABLES.filter((c) => c in input).map((c) => [c, r.data[c]]),
  );
  return { valeur, erreurs: [], avertissements: [] };
}
