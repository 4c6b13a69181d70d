import { z } from "zod";
import { STATUTS_ADMIN_TECHNIQUE, parseUtilite, type StatutAdminTechnique, type UtiliteCertificat } from "../enums.js";
import { avertissement, type Probleme } from "../probleme.js";
import { finessFormatValide, normaliserFiness } from "../finess.js";
import { libelleChamp } from "../limites.js";
import { booleen, choix, finessRequis, texte, verifierEmail } from "../validation/champs.js";
import { avertissementCleFiness, avertissementTelephone, champDe } from "../validation/avertissements.js";
import { problemesDepuisZod, type Resultat } from "../validation/problemes-zod.js";
import { lecteurObjet } from "../validation/objet.js";
import { exigenceCpx, messageCpxRequis } from "./regles.js";

/** A technical administrator, i.e. one server-certificate request (demandeCertificatServeur = true). */
export interface AdministrateurValeurs {
  finessJuridique: string;
  contractualisationOG: boolean | null;
  statutAdminTechnique: StatutAdminTechnique | null;
  contractualisationEditeur: boolean | null;
  numeroCarteCPX: string | null;
  nomAdminTechnique: string | null;
  telAdminTechnique: string | null;
  emailAdminTechnique: string | null;
  utiliteCertificat: UtiliteCertificat | null;
}

export const CHAMPS_ADMINISTRATEUR = [
  "finessJuridique",
  "contractualisationOG",
  "statutAdminTechnique",
  "contractualisationEditeur",
  "numeroCarteCPX",
  "nomAdminTechnique",
  "telAdminTechnique",
  "emailAdminTechnique",
  "utiliteCertificat",
] as const satisfies readonly (keyof AdministrateurValeurs)[];

/** Letters (accents allowed); space, hyphen and apostrophes only between letters. */
const NOM_ADMIN = /^\p{L}(?:[\p{L}\p{M} '’-]*[\p{L}\p{M}])?$/u;
const ATTENDU_NOM =
  "lettres uniquement (accents permis), avec espace, tiret ou apostrophe seulement à l'intérieur du nom";
const CHOISIR_OUI_NON = "choisissez Oui ou Non";

const champsAdministrateur = {
  finessJuridique: finessRequis("finessJuridique"),
  contractualisationOG: booleen("contractualisationOG", { requis: CHOISIR_OUI_NON }),
  statutAdminTechnique: choix<StatutAdminTechnique>("statutAdminTechnique", {
    lire: (v) => ((STATUTS_ADMIN_TECHNIQUE as readonly string[]).includes(v) ? (v as StatutAdminTechnique) : null),
    requis: "choisissez Editeur ou Structure",
    attendu: "valeur attendue E (Editeur) ou S (Structure)",
  }),
  contractualisationEditeur: booleen("contractualisationEditeur", { requis: CHOISIR_OUI_NON }),
  numeroCarteCPX: texte("numeroCarteCPX"),
  nomAdminTechnique: texte("nomAdminTechnique", {
    requis: `obligatoire, ${ATTENDU_NOM}`,
    verifier: (v) => (NOM_ADMIN.test(v) ? null : ATTENDU_NOM),
  }),
  telAdminTechnique: texte("telAdminTechnique", { requis: "obligatoire, saisissez un numéro de téléphone" }),
  emailAdminTechnique: texte("emailAdminTechnique", {
    requis: "obligatoire, saisissez une adresse email",
    verifier: verifierEmail,
  }),
  utiliteCertificat: choix<UtiliteCertificat>("utiliteCertificat", {
    lire: parseUtilite,
    requis: "choisissez DMP, INS ou « DMP, INS »",
    attendu: "valeur attendue DMP, INS ou « DMP, INS »",
  }),
};

/** The CPx card number requirement of SPEC §3.3, read from REGLES_CPX. */
function regleCpx(v: AdministrateurValeurs, ctx: z.RefinementCtx): void {
  const { contractualisationOG: og, statutAdminTechnique: statut, contractualisationEditeur: editeur } = v;
  if (v.numeroCarteCPX !== null || og === null || statut === null || editeur === null) return;
  if (exigenceCpx(og, statut, editeur) === "REQUIS") {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: messageCpxRequis(og, statut, editeur),
      params: { code: "REQUIS" },
      path: ["numeroCarteCPX"],
    });
  }
}

/**
 * Rules of a row that requests a server certificate. Accepts loose input (strings trimmed,
 * blank → null, utilité also as 'DMP,INS' / 'DMP, INS'); outputs normalised values.
 */
export const administrateurSchema = z.object(champsAdministrateur).superRefine(regleCpx);
// Same result as administrateurSchema.safeParse, faster (an import checks thousands).
const lecteurAdministrateur = lecteurObjet(administrateurSchema, champsAdministrateur, regleCpx);

// Compile-time check that the schema produces exactly AdministrateurValeurs.
type Egal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sortieConforme: Egal<z.output<typeof administrateurSchema>, AdministrateurValeurs> = true;
void _sortieConforme;

export interface ContexteAdministrateur {
  /** FINESS juridiques of the demande's bénéficiaires. */
  finessBeneficiaires: readonly string[];
}

/** Warnings (never blocking): FINESS key, FINESS unknown to the demande, non-French phone. */
export function avertissementsAdministrateur(
  v: Partial<Record<keyof AdministrateurValeurs, unknown>>,
  ctx: ContexteAdministrateur,
): Probleme[] {
  const problemes = avertissementCleFiness("finessJuridique", v.finessJuridique);
  if (typeof v.finessJuridique === "string") {
    const finess = normaliserFiness(v.finessJuridique);
    const connus = new Set(ctx.finessBeneficiaires.map(normaliserFiness));
    if (finessFormatValide(finess) && !connus.has(finess)) {
      problemes.push(
        avertissement(
          "FINESS_INCONNU",
          "finessJuridique",
          `${libelleChamp("finessJuridique")} : ${finess} ne correspond à aucun bénéficiaire de la demande.`,
        ),
      );
    }
  }
  return [...problemes, ...avertissementTelephone("telAdminTechnique", v.telAdminTechnique)];
}

/** Errors and warnings of one administrateur; FINESS_INCONNU only when the bénéficiaires are known. */
export function validerAdministrateur(
  input: unknown,
  ctx: Partial<ContexteAdministrateur> = {},
): Resultat<AdministrateurValeurs> {
  const r = lecteurAdministrateur.safeParse(input);
  const lu = {
    finessJuridique: champDe(input, "finessJuridique"),
    telAdminTechnique: champDe(input, "telAdminTechnique"),
  };
  const avertissements = ctx.finessBeneficiaires
    ? avertissementsAdministrateur(lu, { finessBeneficiaires: ctx.finessBeneficiaires })
    : [
        ...avertissementCleFiness("finessJuridique", lu.finessJuridique),
        ...avertissementTelephone("telAdminTechnique", lu.telAdminTechnique),
      ];
  if (r.success) return { valeur: r.data, erreurs: [], avertissements };
  return { erreurs: problemesDepuisZod(r.error), avertissements };
}

/** Names of the fields whose values differ (shown in green in the pop-in, recorded in history). */
export function champsAdministrateurModifies(
  avant: AdministrateurValeurs,
  apres: AdministrateurValeurs,
): (keyof AdministrateurValeurs)[] {
  return CHAMPS_ADMINISTRATEUR.filter((c) => avant[c] !== apres[c]);
}
