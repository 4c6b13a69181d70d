import { STATUTS_ADMIN_TECHNIQUE_LABELS, ouiNon, type StatutAdminTechnique } from "../enums.js";

export type ExigenceCpx = "REQUIS" | "OPTIONNEL";

export interface RegleCpx {
  contractualisationOG: boolean;
  statutAdminTechnique: StatutAdminTechnique;
  contractualisationEditeur: boolean;
  numeroCarteCPX: ExigenceCpx;
}

/** SPEC §3.3: whether the CPx card number is required, for each of the eight combinations. */
export const REGLES_CPX: ReadonlyArray<Readonly<RegleCpx>> = [
  {
    contractualisationOG: false,
    statutAdminTechnique: "E",
    contractualisationEditeur: false,
    numeroCarteCPX: "OPTIONNEL",
  },
  {
    contractualisationOG: false,
    statutAdminTechnique: "S",
    contractualisationEditeur: false,
    numeroCarteCPX: "OPTIONNEL",
  },
  { contractualisationOG: false, statutAdminTechnique: "E", contractualisationEditeur: true, numeroCarteCPX: "REQUIS" },
  {
    contractualisationOG: false,
    statutAdminTechnique: "S",
    contractualisationEditeur: true,
    numeroCarteCPX: "OPTIONNEL",
  },
  {
    contractualisationOG: true,
    statutAdminTechnique: "E",
    contractualisationEditeur: false,
    numeroCarteCPX: "OPTIONNEL",
  },
  { contractualisationOG: true, statutAdminTechnique: "S", contractualisationEditeur: false, numeroCarteCPX: "REQUIS" },
  { contractualisationOG: true, statutAdminTechnique: "E", contractualisationEditeur: true, numeroCarteCPX: "REQUIS" },
  { contractualisationOG: true, statutAdminTechnique: "S", contractualisationEditeur: true, numeroCarteCPX: "REQUIS" },
];

function regle(og: boolean, statut: StatutAdminTechnique, editeur: boolean): Readonly<RegleCpx> | undefined {
  return REGLES_CPX.find(
    (r) =>
      r.contractualisationOG === og && r.statutAdminTechnique === statut && r.contractualisationEditeur === editeur,
  );
}

/** Looks the combination up in REGLES_CPX; null while any of the three answers is missing. */
export function exigenceCpx(
  og: boolean | null | undefined,
  statut: StatutAdminTechnique | null | undefined,
  editeur: boolean | null | undefined,
): ExigenceCpx | null {
  if (og == null || statut == null || editeur == null) return null;
  return regle(og, statut, editeur)?.numeroCarteCPX ?? null;
}

/** The reason a CPx number is required, worded from the row of the table. */
export function messageCpxRequis(og: boolean, statut: StatutAdminTechnique, editeur: boolean): string {
  return (
    `Numéro de carte CPX : obligatoire lorsque la contractualisation OG est ${ouiNon(og)}, ` +
    `le statut ${STATUTS_ADMIN_TECHNIQUE_LABELS[statut]} et la contractualisation éditeur ${ouiNon(editeur)}.`
  );
}
