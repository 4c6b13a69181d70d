import { z } from "zod";
import type { StatutAdminTechnique, UtiliteCertificat } from "../enums.js";
import { administrateurSchema, type AdministrateurValeurs } from "./administrateur.js";

/** Values held by the SPA pop-in: dropdowns and text inputs all hold strings. */
export interface AdministrateurFormulaire {
  finessJuridique: string;
  contractualisationOG: "" | "true" | "false";
  statutAdminTechnique: "" | StatutAdminTechnique;
  contractualisationEditeur: "" | "true" | "false";
  numeroCarteCPX: string;
  nomAdminTechnique: string;
  telAdminTechnique: string;
  emailAdminTechnique: string;
  utiliteCertificat: "" | UtiliteCertificat;
}

function versBooleen(s: string): boolean | null {
  return s === "true" ? true : s === "false" ? false : null;
}

function versTexte(s: string): string | null {
  const t = s.trim();
  return t === "" ? null : t;
}

/** Pop-in values → typed values (unknown dropdown strings read as "no answer"). */
export function formulaireVersAdministrateur(f: AdministrateurFormulaire): AdministrateurValeurs {
  return {
    finessJuridique: f.finessJuridique.trim().toUpperCase(),
    contractualisationOG: versBooleen(f.contractualisationOG),
    statutAdminTechnique:
      f.statutAdminTechnique === "E" || f.statutAdminTechnique === "S" ? f.statutAdminTechnique : null,
    contractualisationEditeur: versBooleen(f.contractualisationEditeur),
    numeroCarteCPX: versTexte(f.numeroCarteCPX),
    nomAdminTechnique: versTexte(f.nomAdminTechnique),
    telAdminTechnique: versTexte(f.telAdminTechnique),
    emailAdminTechnique: versTexte(f.emailAdminTechnique),
    utiliteCertificat:
      f.utiliteCertificat === "DMP" || f.utiliteCertificat === "INS" || f.utiliteCertificat === "DMP_INS"
        ? f.utiliteCertificat
        : null,
  };
}

/** Typed values (or nothing, for « Ajouter ») → pop-in values. */
export function administrateurVersFormulaire(v?: Partial<AdministrateurValeurs> | null): AdministrateurFormulaire {
  const b = (x: boolean | null | undefined) =>
    (x === true ? "true" : x === false ? "false" : "") as "" | "true" | "false";
  return {
    finessJuridique: v?.finessJuridique ?? "",
    contractualisationOG: b(v?.contractualisationOG),
    statutAdminTechnique: v?.statutAdminTechnique ?? "",
    contractualisationEditeur: b(v?.contractualisationEditeur),
    numeroCarteCPX: v?.numeroCarteCPX ?? "",
    nomAdminTechnique: v?.nomAdminTechnique ?? "",
    telAdminTechnique: v?.telAdminTechnique ?? "",
    emailAdminTechnique: v?.emailAdminTechnique ?? "",
    utiliteCertificat: v?.utiliteCertificat ?? "",
  };
}

const texteFormulaire = z.string().default("");

/**
 * Schema of the pop-in (for vee-validate's toTypedSchema): converts the form strings, then
 * applies administrateurSchema itself, so issue paths are the field names and rules exist once.
 */
export const administrateurFormSchema = z
  .object({
    finessJuridique: texteFormulaire,
    contractualisationOG: texteFormulaire,
    statutAdminTechnique: texteFormulaire,
    contractualisationEditeur: texteFormulaire,
    numeroCarteCPX: texteFormulaire,
    nomAdminTechnique: texteFormulaire,
    telAdminTechnique: texteFormulaire,
    emailAdminTechnique: texteFormulaire,
    utiliteCertificat: texteFormulaire,
  })
  .transform((f) => formulaireVersAdministrateur(f as AdministrateurFormulaire))
  .pipe(administrateurSchema);
