import { z } from "zod";
import { bicValide, ibanValide, normaliserIban } from "../banque.js";
import { texteRequis } from "../validation/champs.js";
import { problemesDepuisZod, type Resultat } from "../validation/problemes-zod.js";
import { lecteurObjet } from "../validation/objet.js";
import type { ChampCoordonnees } from "../blocs/coordonnees.js";

/** Every bank field is required text; the IBAN in electronic format (no spaces, upper case). */
export type CoordonneesValeurs = Record<ChampCoordonnees, string>;

export const coordonneesBancairesSchema = z.object({
  iban: texteRequis("iban", {
    max: 34,
    normaliser: normaliserIban,
    verifier: (v) =>
      ibanValide(v)
        ? null
        : "IBAN valide attendu (pays, longueur et clé de contrôle, exemple : FR76 1180 8009 1012 3456 7890 147)",
  }),
  bic: texteRequis("bic", {
    normaliser: (v) => v.toUpperCase(),
    verifier: (v) => (bicValide(v) ? null : "BIC valide de 8 ou 11 caractères attendu (exemple : CMCIFRPA)"),
  }),
  titulaire: texteRequis("titulaire"),
  domiciliation: texteRequis("domiciliation"),
} satisfies Record<ChampCoordonnees, unknown>);

// Same result as coordonneesBancairesSchema.safeParse, faster (one per imported demande).
const lecteurCoordonnees = lecteurObjet(coordonneesBancairesSchema, coordonneesBancairesSchema.shape);

export function validerCoordonnees(input: unknown): Resultat<CoordonneesValeurs> {
  const r = lecteurCoordonnees.safeParse(input);
  if (r.success) return { valeur: r.data, erreurs: [], avertissements: [] };
  return { erreurs: problemesDepuisZod(r.error), avertissements: [] };
}
