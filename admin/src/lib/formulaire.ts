import {
  administrateurVersFormulaire,
  beneficiaireSchema,
  CHAMPS_ADMINISTRATEUR,
  CHAMPS_COORDONNEES,
  coordonneesBancairesSchema,
  CHAMPS_BENEFICIAIRE,
  champsAdministrateurModifies,
  exigenceCpx,
  formulaireVersAdministrateur,
  ouiNon,
  STATUTS_ADMIN_TECHNIQUE,
  STATUTS_ADMIN_TECHNIQUE_LABELS,
  TYPES_PIECE,
  TYPES_PIECE_LABELS,
  UTILITES_CERTIFICAT,
  UTILITES_CERTIFICAT_LABELS,
  type AdministrateurFormulaire,
  type AdministrateurValeurs,
  type BeneficiaireValeurs,
  type ChampCoordonnees,
  type ChampInformationsModifiable,
  type CoordonneesValeurs,
  informationsModifiablesSchema,
} from "@segur/shared";
import { toTypedSchema } from "@vee-validate/zod";
import { z } from "zod";

/*
 * Glue between the pop-ins' string fields and the shared rules: dropdown options built from
 * the shared labels, « changed since saved » flags, the CPX hint and warnings per field.
 * No rule lives here: every check comes from @segur/shared.
 */

/**
 * toTypedSchema for a pop-in whose schema converts the form's strings (transform / pipe).
 * The zod adapter "casts" initial values by parsing them: valid initial values would become the
 * schema's OUTPUT (booleans, nulls) and the dropdowns would show nothing. Values stay as given.
 */
export function schemaFormulaire<S extends z.ZodTypeAny>(schema: S) {
  const { cast: _cast, ...sansConversion } = toTypedSchema(schema);
  return sansConversion;
}

export interface OptionSelect {
  value: string;
  text: string;
}

/** Text of the empty choice of a dropdown. */
export const CHOIX_VIDE = "Non renseigné";

const vide: OptionSelect = { value: "", text: CHOIX_VIDE };

export const OPTIONS_OUI_NON: OptionSelect[] = [
  vide,
  { value: "true", text: ouiNon(true) },
  { value: "false", text: ouiNon(false) },
];
export const OPTIONS_STATUT: OptionSelect[] = [
  vide,
  ...STATUTS_ADMIN_TECHNIQUE.map((s) => ({ value: s, text: STATUTS_ADMIN_TECHNIQUE_LABELS[s] })),
];
export const OPTIONS_UTILITE: OptionSelect[] = [
  vide,
  ...UTILITES_CERTIFICAT.map((u) => ({ value: u, text: UTILITES_CERTIFICAT_LABELS[u] })),
];
export const OPTIONS_TYPE_PIECE: OptionSelect[] = TYPES_PIECE.map((t) => ({ value: t, text: TYPES_PIECE_LABELS[t] }));
/** presentSolde always has an answer (absent means Non). */
export const OPTIONS_OUI_NON_REQUIS: OptionSelect[] = OPTIONS_OUI_NON.slice(1);

type ChampAdministrateur = keyof AdministrateurValeurs;

/** Row values as the draft preview gives them (every field nullable there). */
export type ValeursAdministrateurApercu = { [K in ChampAdministrateur]?: AdministrateurValeurs[K] | null };

/** Pop-in values of a preview row (initial values of « Modifier »), or empty ones for « Ajouter ». */
export function formulaireAdministrateur(v: ValeursAdministrateurApercu | null | undefined): AdministrateurFormulaire {
  return administrateurVersFormulaire(v ? { ...v, finessJuridique: v.finessJuridique ?? "" } : null);
}

/**
 * Fields of the pop-in whose value differs from the SAVED row (shown in green). None for a
 * row that is not saved yet (added in the draft): the whole row is new.
 */
export function champsAdministrateurChanges(
  formulaire: AdministrateurFormulaire,
  original: ValeursAdministrateurApercu | null | undefined,
): Set<ChampAdministrateur> {
  if (!original) return new Set();
  const sauve = formulaireVersAdministrateur(formulaireAdministrateur(original));
  return new Set(champsAdministrateurModifies(sauve, formulaireVersAdministrateur(formulaire)));
}

/** Hint under the CPX field, read from the shared rule table for the chosen combination. */
export function indicationCpx(
  formulaire: Pick<
    AdministrateurFormulaire,
    "contractualisationOG" | "statutAdminTechnique" | "contractualisationEditeur"
  >,
): string {
  const v = formulaireVersAdministrateur({ ...administrateurVersFormulaire(null), ...formulaire });
  const exigence = exigenceCpx(v.contractualisationOG, v.statutAdminTechnique, v.contractualisationEditeur);
  if (exigence === "REQUIS")
    return "Obligatoire pour cette combinaison (contractualisation OG, statut, contractualisation éditeur).";
  if (exigence === "OPTIONNEL")
    return "Facultatif pour cette combinaison (contractualisation OG, statut, contractualisation éditeur).";
  return "Obligatoire ou facultatif selon la contractualisation OG, le statut et la contractualisation éditeur.";
}

/** Warnings (non-blocking) grouped by field name. */
export function avertissementsParChamp(
  problemes: readonly { champ: string; message: string }[],
): Record<string, string[]> {
  const parChamp: Record<string, string[]> = {};
  for (const p of problemes) (parChamp[p.champ] ??= []).push(p.message);
  return parChamp;
}

export { CHAMPS_ADMINISTRATEUR };

// ---- bénéficiaire ------------------------------------------------------------------------------

/** Values held by the bénéficiaire pop-in (all strings; presentSolde 'true' / 'false'). */
export type BeneficiaireFormulaire = Record<Exclude<keyof BeneficiaireValeurs, "presentSolde">, string> & {
  presentSolde: "true" | "false";
};

export function beneficiaireVersFormulaire(
  v?: Partial<Record<keyof BeneficiaireValeurs, string | boolean | null>> | null,
): BeneficiaireFormulaire {
  const f = Object.fromEntries(
    CHAMPS_BENEFICIAIRE.map((c) => [c, typeof v?.[c] === "string" ? v[c] : ""]),
  ) as BeneficiaireFormulaire;
  f.presentSolde = v?.presentSolde === true ? "true" : "false";
  return f;
}

/** Form strings → the shape beneficiaireSchema reads; the schema then checks everything. */
export const beneficiaireFormSchema = z
  .object(
    Object.fromEntries(CHAMPS_BENEFICIAIRE.map((c) => [c, z.string().default("")])) as Record<
      keyof BeneficiaireValeurs,
      z.ZodDefault<z.ZodString>
    >,
  )
  .transform((f) => ({ ...f, presentSolde: f.presentSolde === "true" }))
  .pipe(beneficiaireSchema);

// ---- coordonnées bancaires ---------------------------------------------------------------------

/** Form strings → coordonneesBancairesSchema (which checks IBAN, BIC…). */
export const coordonneesFormSchema = z
  .object(
    Object.fromEntries(CHAMPS_COORDONNEES.map((c) => [c, z.string().default("")])) as Record<
      ChampCoordonnees,
      z.ZodDefault<z.ZodString>
    >,
  )
  .pipe(coordonneesBancairesSchema);

export function coordonneesVersFormulaire(
  v?: Partial<Record<ChampCoordonnees, string | null>> | null,
): CoordonneesValeurs {
  return Object.fromEntries(CHAMPS_COORDONNEES.map((c) => [c, v?.[c] ?? ""])) as CoordonneesValeurs;
}

// ---- informations de la demande (one field per pop-in) ------------------------------------------

/** The pop-in of one modifiable field of the demande (contact email, or the scénario). */
export function informationsFormSchema(champ: ChampInformationsModifiable) {
  const regle = informationsModifiablesSchema.pick({ [champ]: true } as { courrielContact: true });
  return z
    .object({ [champ]: z.string().default("") })
    .pipe(regle as unknown as z.ZodType<Partial<Record<ChampInformationsModifiable, string | null>>>);
}

// ---- any block ---------------------------------------------------------------------------------

/** Text fields whose trimmed value differs from the saved one (null for a row not saved yet). */
export function champsTexteChanges<K extends string>(
  formulaire: Record<K, string>,
  original: Partial<Record<K, string | boolean | null>> | null | undefined,
  champs: readonly K[],
): Set<K> {
  if (!original) return new Set();
  const texte = (v: string | boolean | null | undefined) => (v === null || v === undefined ? "" : String(v).trim());
  return new Set(champs.filter((c) => texte(formulaire[c]) !== texte(original[c])));
}
