import type { StatutDemande } from "@segur/shared";
import type {
  ChampsAdministrateurFragment,
  ChampsBeneficiaireFragment,
  ChampsCoordonneesFragment,
  ChampsCourrielFragment,
  ChampsInformationsFragment,
  ChampsPieceFragment,
  ChampsProblemeFragment,
  DemandeQuery,
} from "~/gql/graphql";

/*
 * What the read-only block tables show, typed from the generated fragments (graphql/fragments.ts):
 * the current demande (with validation states and warnings), a past version or a draft preview
 * (values only) all fit, so the consultation, history and modification screens share the tables.
 */

/** Validation state of a row, when known (current version only). */
export type ValidationVue = Pick<
  NonNullable<DemandeQuery["demande"]>["pieces"][number]["validation"],
  "etat" | "motif"
>;

/** A non-blocking warning: its code (short label in the table) and full message. */
export type AvertissementVue = Pick<ChampsProblemeFragment, "code" | "message">;

/** The « Informations de la demande » block; `statut` is not versioned (absent from a past version). */
export type ValeursInformationsVue = Partial<ChampsInformationsFragment> & { statut?: StatutDemande | null };

/** `ibanFormate`: the server's display form, computed from `iban` when absent. */
export type ValeursCoordonnees = ChampsCoordonneesFragment & { ibanFormate?: string | null };
export type ValeursBeneficiaireVue = ChampsBeneficiaireFragment;
export type ValeursAdministrateurVue = ChampsAdministrateurFragment;
/** `url`: the download link, current version only. */
export type ValeursPieceVue = ChampsPieceFragment & { url?: string | null };
export type CourrielVue = ChampsCourrielFragment;

/** One row of a block table: its key, values and, when known, state and warnings. */
export interface Ligne<V> {
  cle: string;
  valeurs: V;
  validation?: ValidationVue | null;
  /** Non-blocking warnings, shown as « Clé FINESS incorrecte »… */
  avertissements?: readonly AvertissementVue[];
}

export type LigneBeneficiaire = Ligne<ValeursBeneficiaireVue>;
export type LignePiece = Ligne<ValeursPieceVue>;
export interface LigneAdministrateur extends Ligne<ValeursAdministrateurVue> {
  /** Other demandes with an active request for this FINESS (gestionnaires only). */
  doublonsPossibles?: readonly string[];
  /** Its last sending to the health agency (agents only), and whether it changed since. */
  derniereTransmission?: { lot: string; envoyeLe: string } | null;
  modifieeDepuisTransmission?: boolean;
}
