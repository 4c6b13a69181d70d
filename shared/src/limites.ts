/**
 * Maximum lengths, in characters (Unicode code points), of free-text fields.
 * CPX, nom, téléphone and email of the administrateur come from the supplier guide;
 * the others are our rule.
 */
export const LIMITES = {
  numeroCarteCPX: { max: 10 },
  nomAdminTechnique: { max: 25 },
  telAdminTechnique: { max: 50 },
  emailAdminTechnique: { max: 150 },
  nomResponsable: { max: 100 },
  emailResponsable: { max: 150 },
  telResponsable: { max: 50 },
  ancienneVersion: { max: 100 },
  maitreIdentite: { max: 100 },
  stockageIdentite: { max: 100 },
  operateurMessagerie: { max: 100 },
  scenarioInstallation: { max: 2000 },
  titulaire: { max: 100 },
  domiciliation: { max: 100 },
  logiciel: { max: 50 },
  courrielContact: { max: 150 },
  referenceFournisseur: { max: 64 },
  nomFichier: { max: 255 },
  motif: { max: 1000 },
  messageFournisseur: { max: 2000 },
  commentaire: { max: 500 },
} as const satisfies Record<string, { max: number }>;

export type ChampLimite = keyof typeof LIMITES;

/** Largest accepted pièce justificative, in bytes (10 MiB). */
export const PIECE_TAILLE_MAX = 10 * 1024 * 1024;

/** French label of every field name used in messages and screens. */
export const CHAMPS_LABELS = {
  // demande
  numeroDossier: 'Numéro de dossier',
  type: 'Type',
  couloir: 'Couloir',
  numeroEditeur: 'Numéro éditeur',
  logiciel: 'Logiciel',
  dateDepot: 'Date de dépôt',
  dateCommande: 'Date de la commande',
  statut: 'Statut',
  etatPaiement: 'État de paiement',
  montantSegurDeclare: 'Montant Ségur déclaré',
  mandataire: 'La commande est portée par un mandataire pour plusieurs établissements',
  courrielContact: 'Courriel de contact',
  referenceFournisseur: 'Référence fournisseur',
  scenarioInstallation: "Scénario d'installation",
  coordonneesBancaires: 'Coordonnées bancaires',
  beneficiaires: 'Bénéficiaires',
  piecesJustificatives: 'Pièces justificatives',
  demandes: 'Demandes',
  // coordonnées bancaires
  iban: 'IBAN',
  bic: 'BIC',
  titulaire: 'Titulaire',
  domiciliation: 'Domiciliation',
  // bénéficiaire
  nomResponsable: 'Nom du responsable',
  emailResponsable: 'E-mail du responsable',
  telResponsable: 'Téléphone du responsable',
  finessJuridique: 'FINESS juridique',
  finessGeographique: 'FINESS géographique',
  presentSolde: 'Présent solde',
  ancienneVersion: 'Ancienne version',
  maitreIdentite: 'Maître identité',
  stockageIdentite: 'Stockage identité',
  operateurMessagerie: 'Opérateur messagerie',
  // administrateur technique / certificat serveur
  demandeCertificatServeur: 'Demande de certificat serveur',
  certificatServeur: 'Certificat serveur',
  contractualisationOG: 'Contractualisation organisme de gestion',
  statutAdminTechnique: 'Statut administrateur',
  contractualisationEditeur: 'Contractualisation éditeur',
  numeroCarteCPX: 'Numéro de carte CPX',
  nomAdminTechnique: 'Nom',
  telAdminTechnique: 'Téléphone',
  emailAdminTechnique: 'Email',
  utiliteCertificat: 'Utilité certificat',
  // pièce justificative
  nomFichier: 'Nom du fichier',
  contenuBase64: 'Contenu du fichier',
  contenu: 'Contenu du fichier',
  // free texts of the workflow
  motif: 'Motif',
  messageFournisseur: 'Message au fournisseur',
  commentaire: 'Commentaire',
} as const satisfies Record<string, string>;

export type Champ = keyof typeof CHAMPS_LABELS;

/** Label of a field, or the field name itself when it has none. */
export function libelleChamp(champ: string): string {
  return (CHAMPS_LABELS as Record<string, string>)[champ] ?? champ;
}

/** Length as a person counts it: code points, not UTF-16 units. */
export function longueur(s: string): number {
  return [...s].length;
}
