import type { ChampCoordonnees } from "../blocs/coordonnees.js";

/** Shape of the import JSON (see docs/import-format.md); input is validated, not trusted. */
export interface CertificatServeurJson {
  numeroCarteCPX?: string | null;
  nomAdminTechnique?: string | null;
  telAdminTechnique?: string | null;
  emailAdminTechnique?: string | null;
  utiliteCertificat?: "DMP" | "INS" | "DMP,INS" | "DMP, INS" | null;
}

export interface BeneficiaireJson {
  nomResponsable: string;
  emailResponsable: string;
  telResponsable: string;
  finessJuridique: string;
  finessGeographique: string;
  presentSolde?: boolean;
  ancienneVersion?: string | null;
  maitreIdentite?: string | null;
  stockageIdentite?: string | null;
  operateurMessagerie?: string | null;
  demandeCertificatServeur?: boolean;
  /** Spelling of the supplier guide; `contractualisationOG` is accepted too. */
  contracutualisationOG?: boolean | null;
  contractualisationOG?: boolean | null;
  StatutAdminTechnique?: "E" | "S" | null;
  contractualisationEditeur?: boolean | null;
  certificatServeur?: CertificatServeurJson | null;
}

export interface PieceJson {
  nomFichier: string;
  type: "VA" | "FACTURE";
  contenuBase64: string;
}

export interface DemandeJson {
  type: "AVANCE" | "SOLDE";
  couloir: string;
  numeroEditeur: string;
  logiciel: string;
  dateCommande?: string | null;
  montantSegurDeclare: string | number;
  mandataire?: boolean;
  courrielContact?: string | null;
  scenarioInstallation?: string | null;
  /** Your own unique reference for this demande (≤ 64): a second import with it is refused. */
  referenceFournisseur?: string | null;
  coordonneesBancaires?: Record<ChampCoordonnees, string> | null;
  beneficiaires: BeneficiaireJson[];
  piecesJustificatives?: PieceJson[];
}

export interface DocumentImportJson {
  demandes: DemandeJson[];
}
