import type {
  EtatPaiement,
  EtatValidation,
  StatutAdminTechnique,
  StatutDemande,
  TypeDemande,
  TypePiece,
  UtiliteCertificat,
} from '@segur/shared'
import type { CourrielRemise } from '~/composables/courriels'

/*
 * Props of the read-only block tables. They accept the current demande (with validation
 * states and warnings) as well as a past version or a draft preview (values only), so the
 * consultation, history and modification screens share the same tables.
 */

/** Validation state of a row, when known (current version only). */
export interface ValidationVue {
  etat: EtatValidation
  motif?: string | null
}

export interface ValeursInformationsVue {
  numero?: string | null
  type?: TypeDemande | string | null
  couloir?: string | null
  numeroEditeur?: string | null
  logiciel?: string | null
  /** ISO timestamp or yyyy-mm-dd. */
  dateDepot?: string | null
  /** yyyy-mm-dd. */
  dateCommande?: string | null
  /** Not versioned: absent from a past version. */
  statut?: StatutDemande | null
  etatPaiement?: EtatPaiement | string | null
  /** Decimal text of the API, e.g. "2920.00" (exact at any size). */
  montant?: string | null
  mandataire?: boolean | null
  courrielContact?: string | null
}

export interface ValeursCoordonnees {
  iban?: string | null
  /** Display form given by the server; computed from `iban` when absent. */
  ibanFormate?: string | null
  bic?: string | null
  titulaire?: string | null
  domiciliation?: string | null
}

export interface ValeursBeneficiaireVue {
  nomResponsable?: string | null
  emailResponsable?: string | null
  telResponsable?: string | null
  finessJuridique?: string | null
  finessGeographique?: string | null
  presentSolde?: boolean | null
  ancienneVersion?: string | null
  maitreIdentite?: string | null
  stockageIdentite?: string | null
  operateurMessagerie?: string | null
}

export interface ValeursAdministrateurVue {
  finessJuridique?: string | null
  contractualisationOG?: boolean | null
  statutAdminTechnique?: StatutAdminTechnique | null
  contractualisationEditeur?: boolean | null
  numeroCarteCPX?: string | null
  nomAdminTechnique?: string | null
  telAdminTechnique?: string | null
  emailAdminTechnique?: string | null
  utiliteCertificat?: UtiliteCertificat | null
}

export interface ValeursPieceVue {
  nomFichier?: string | null
  type?: TypePiece | null
  taille?: number | null
  /** Download link; absent for a past version. */
  url?: string | null
}

/** A non-blocking warning: its code (short label in the table) and full message. */
export interface AvertissementVue {
  code?: string | null
  message: string
}

/** One row of a block table: its key, values and, when known, state and warnings. */
export interface Ligne<V> {
  cle: string
  valeurs: V
  validation?: ValidationVue | null
  /** Non-blocking warnings, shown as « Clé FINESS incorrecte »… */
  avertissements?: readonly AvertissementVue[]
}

export type LigneBeneficiaire = Ligne<ValeursBeneficiaireVue>
export type LignePiece = Ligne<ValeursPieceVue>
export interface LigneAdministrateur extends Ligne<ValeursAdministrateurVue> {
  /** Other demandes with an active request for this FINESS (gestionnaires only). */
  doublonsPossibles?: readonly string[]
}

export interface CourrielVue extends CourrielRemise {
  id: number
  /** When it was recorded (the statut change). */
  creeLe: string
  /** When the transport accepted it; null until then. */
  dateEnvoi?: string | null
  destinataire: string
  sujet: string
}
