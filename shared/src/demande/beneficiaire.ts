import { z } from "zod";
import type { Probleme } from "../probleme.js";
import { booleenDefaut, finessRequis, texte, texteRequis, verifierEmail } from "../validation/champs.js";
import { avertissementCleFiness, avertissementTelephone, champDe } from "../validation/avertissements.js";
import { problemesDepuisZod, type Resultat } from "../validation/problemes-zod.js";
import { lecteurObjet } from "../validation/objet.js";

/** One établissement of the demande (bloc « Bénéficiaire(s) et scénario d'installation »). */
export interface BeneficiaireValeurs {
  nomResponsable: string;
  emailResponsable: string;
  telResponsable: string;
  finessJuridique: string;
  finessGeographique: string;
  presentSolde: boolean;
  ancienneVersion: string | null;
  maitreIdentite: string | null;
  stockageIdentite: string | null;
  operateurMessagerie: string | null;
}

export const CHAMPS_BENEFICIAIRE = [
  "nomResponsable",
  "emailResponsable",
  "telResponsable",
  "finessJuridique",
  "finessGeographique",
  "presentSolde",
  "ancienneVersion",
  "maitreIdentite",
  "stockageIdentite",
  "operateurMessagerie",
] as const satisfies readonly (keyof BeneficiaireValeurs)[];

const champsBeneficiaire = {
  nomResponsable: texteRequis("nomResponsable"),
  emailResponsable: texteRequis("emailResponsable", {
    requis: "obligatoire, saisissez une adresse email",
    verifier: verifierEmail,
  }),
  telResponsable: texteRequis("telResponsable", { requis: "obligatoire, saisissez un numéro de téléphone" }),
  finessJuridique: finessRequis("finessJuridique"),
  finessGeographique: finessRequis("finessGeographique"),
  // Absent means "not present at the solde" (our rule).
  presentSolde: booleenDefaut("presentSolde", false),
  ancienneVersion: texte("ancienneVersion"),
  maitreIdentite: texte("maitreIdentite"),
  stockageIdentite: texte("stockageIdentite"),
  operateurMessagerie: texte("operateurMessagerie"),
};
export const beneficiaireSchema = z.object(champsBeneficiaire);
// Same result as beneficiaireSchema.safeParse, faster (an import checks thousands).
const lecteurBeneficiaire = lecteurObjet(beneficiaireSchema, champsBeneficiaire);

type Egal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sortieConforme: Egal<z.output<typeof beneficiaireSchema>, BeneficiaireValeurs> = true;
void _sortieConforme;

/** FINESS keys and non-French phone: warnings only. */
export function avertissementsBeneficiaire(v: Partial<Record<keyof BeneficiaireValeurs, unknown>>): Probleme[] {
  return [
    ...avertissementCleFiness("finessJuridique", v.finessJuridique),
    ...avertissementCleFiness("finessGeographique", v.finessGeographique),
    ...avertissementTelephone("telResponsable", v.telResponsable),
  ];
}

export function validerBeneficiaire(input: unknown): Resultat<BeneficiaireValeurs> {
  const avertissements = avertissementsBeneficiaire({
    finessJuridique: champDe(input, "finessJuridique"),
    finessGeographique: champDe(input, "finessGeographique"),
    telResponsable: champDe(input, "telResponsable"),
  });
  const r = lecteurBeneficiaire.safeParse(input);
  if (r.success) return { valeur: r.data, erreurs: [], avertissements };
  return { erreurs: problemesDepuisZod(r.error), avertissements };
}
