export const TYPES_DEMANDE = ["AVANCE", "SOLDE"] as const;
export type TypeDemande = (typeof TYPES_DEMANDE)[number];
export const TYPES_DEMANDE_LABELS: Record<TypeDemande, string> = { AVANCE: "Avance", SOLDE: "Solde" };

/** Couloirs known here; other couloirs are accepted as plain strings by lists and search. */
export const COULOIRS = ["MS1", "MS2"] as const;
export type Couloir = (typeof COULOIRS)[number];
export const COULOIRS_LABELS: Record<Couloir, string> = { MS1: "MS1", MS2: "MS2" };
/** Couloirs whose avances carry the server-certificate block. */
export const COULOIRS_CERTIFICAT: readonly string[] = ["MS1", "MS2"];

export const STATUTS_DEMANDE = [
  "EN_COURS",
  "DECIDEE",
  "EN_ATTENTE_PIECE",
  "A_MODIFIER",
  "REGULARISATION_EN_COURS",
] as const;
export type StatutDemande = (typeof STATUTS_DEMANDE)[number];
export const STATUTS_DEMANDE_LABELS: Record<StatutDemande, string> = {
  EN_COURS: "En cours",
  DECIDEE: "Décidée",
  EN_ATTENTE_PIECE: "En attente de pièce jointe complémentaire",
  A_MODIFIER: "A modifier",
  REGULARISATION_EN_COURS: "Régularisation en cours",
};

export const ETATS_PAIEMENT = ["AUCUN", "EN_COURS", "PAYE"] as const;
export type EtatPaiement = (typeof ETATS_PAIEMENT)[number];
export const ETATS_PAIEMENT_LABELS: Record<EtatPaiement, string> = {
  AUCUN: "Aucun paiement en cours",
  EN_COURS: "Paiement en cours",
  PAYE: "Payé",
};

export const STATUTS_ADMIN_TECHNIQUE = ["E", "S"] as const;
export type StatutAdminTechnique = (typeof STATUTS_ADMIN_TECHNIQUE)[number];
export const STATUTS_ADMIN_TECHNIQUE_LABELS: Record<StatutAdminTechnique, string> = { E: "Editeur", S: "Structure" };

export const UTILITES_CERTIFICAT = ["DMP", "INS", "DMP_INS"] as const;
export type UtiliteCertificat = (typeof UTILITES_CERTIFICAT)[number];
export const UTILITES_CERTIFICAT_LABELS: Record<UtiliteCertificat, string> = {
  DMP: "DMP",
  INS: "INS",
  DMP_INS: "DMP, INS",
};

export const TYPES_PIECE = ["VA", "FACTURE"] as const;
export type TypePiece = (typeof TYPES_PIECE)[number];
export const TYPES_PIECE_LABELS: Record<TypePiece, string> = { VA: "VA", FACTURE: "Facture" };

/** Blocks of a demande, in screen order. */
export const BLOCS = [
  "INFORMATIONS",
  "COORDONNEES_BANCAIRES",
  "BENEFICIAIRES",
  "ADMINISTRATEURS",
  "PIECES",
  "COURRIELS",
] as const;
export type Bloc = (typeof BLOCS)[number];
export const BLOCS_LABELS: Record<Bloc, string> = {
  INFORMATIONS: "Informations de la demande",
  COORDONNEES_BANCAIRES: "Coordonnées bancaires",
  BENEFICIAIRES: "Bénéficiaire(s) et scénario d'installation",
  ADMINISTRATEURS: "Informations sur le(s) administrateur(s) technique(s)",
  PIECES: "Pièces justificatives",
  COURRIELS: "Courriels automatiques envoyés",
};
/** Blocks a gestionnaire validates row by row (and locks). */
export const BLOCS_VALIDABLES = ["COORDONNEES_BANCAIRES", "BENEFICIAIRES", "ADMINISTRATEURS", "PIECES"] as const;
export type BlocValidable = (typeof BLOCS_VALIDABLES)[number];

export const ETATS_VALIDATION = ["A_VALIDER", "VALIDEE", "REJETEE"] as const;
export type EtatValidation = (typeof ETATS_VALIDATION)[number];
export const ETATS_VALIDATION_LABELS: Record<EtatValidation, string> = {
  A_VALIDER: "À valider",
  VALIDEE: "Validée",
  REJETEE: "Rejetée",
};

export const ROLES = ["GESTIONNAIRE", "AUDITEUR", "FOURNISSEUR"] as const;
export type Role = (typeof ROLES)[number];
export const ROLES_LABELS: Record<Role, string> = {
  GESTIONNAIRE: "Gestionnaire",
  AUDITEUR: "Auditeur",
  FOURNISSEUR: "Fournisseur",
};

export function ouiNon(b: boolean | null | undefined): string {
  if (b === true) return "Oui";
  if (b === false) return "Non";
  return "";
}

/** Reads the JSON spellings of the utilité ('DMP,INS' and 'DMP, INS' both mean DMP_INS). */
export function parseUtilite(s: string | null | undefined): UtiliteCertificat | null {
  if (typeof s !== "string") return null;
  const v = s.trim().replace(/\s*,\s*/g, ",");
  if (v === "DMP" || v === "INS") return v;
  if (v === "DMP,INS" || v === "DMP_INS") return "DMP_INS";
  return null;
}

/** Audit events (history and journal). */
export const EVENEMENTS_LABELS: Record<string, string> = {
  IMPORT: "Import",
  VERSION: "Nouvelle version",
  LIGNE_VALIDEE: "Ligne validée",
  LIGNE_REJETEE: "Ligne rejetée",
  BLOC_VALIDE: "Bloc validé",
  REJET_LEVE: "Rejet levé à la validation du bloc",
  BLOC_VERROUILLE: "Bloc verrouillé",
  BLOC_DEVERROUILLE: "Bloc déverrouillé",
  STATUT_MODIFIE: "Statut modifié",
  SUIVI_MODIFIE: "Suivi de la demande modifié",
  COURRIEL_ENVOYE: "Courriel envoyé",
  COURRIEL_ECHEC: "Échec d’envoi d’un courriel",
  COURRIEL_RELANCE: "Courriel relancé",
  CONNEXION_LIMITEE: "Connexion ralentie (trop d’échecs)",
  LOT_TRANSMISSION: "Transmission des certificats",
};

/** Access traces (SPEC §9). */
export const OPERATIONS_ACCES = [
  "CONSULTATION",
  "EXPORT_CSV",
  "EXPORT_XLSX",
  "TELECHARGEMENT_PIECE",
  "TELECHARGEMENT_LOT",
] as const;
export type OperationAcces = (typeof OPERATIONS_ACCES)[number];
export const OPERATIONS_ACCES_LABELS: Record<OperationAcces, string> = {
  CONSULTATION: "Consultation d’une demande",
  EXPORT_CSV: "Export CSV",
  EXPORT_XLSX: "Export XLSX",
  TELECHARGEMENT_PIECE: "Téléchargement d’une pièce",
  TELECHARGEMENT_LOT: "Téléchargement d’un lot de transmission",
};
