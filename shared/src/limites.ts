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
  numeroDossier: "Numéro de dossier",
  type: "Type",
  couloir: "Couloir",
  numeroEditeur: "Numéro éditeur",
  logiciel: "Logiciel",
  dateDepot: "Date de dépôt",
  dateCommande: "Date de la commande",
  statut: "Statut",
  etatPaiement: "État de paiement",
  montantSegurDeclare: "Montant Ségur déclaré",
  mandataire: "La commande est portée par un mandataire pour plusieurs établissements",
  courrielContact: "Courriel de contact",
  referenceFournisseur: "Référence fournisseur",
  scenarioInstallation: "Scénario d'installation",
  coordonneesBancaires: "Coordonnées bancaires",
  beneficiaires: "Bénéficiaires",
  piecesJustificatives: "Pièces justificatives",
  demandes: "Demandes",
  // coordonnées bancaires
  iban: "IBAN",
  bic: "BIC",
  titulaire: "Titulaire",
  domiciliation: "Domiciliation",
  // bénéficiaire
  nomResponsable: "Nom du responsable",
  emailResponsable: "E-mail du responsable",
  telResponsable: "Téléphone du responsable",
  finessJuridique: "FINESS juridique",
  finessGeographique: "FINESS géographique",
  presentSolde: "Présent solde",
  ancienneVersion: "Ancienne version",
  maitreIdentite: "Maître identité",
  stockageIdentite: "Stockage identité",
  operateurMessagerie: "Opérateur messagerie",
  // administrateur technique / certificat serveur
  demandeCertificatServeur: "Demande de certificat serveur",
  certificatServeur: "Certificat serveur",
  contractualisationOG: "Contractualisation organisme de gestion",
  statutAdminTechnique: "Statut administrateur",
  contractualisationEditeur: "Contractualisation éditeur",
  numeroCarteCPX: "Numéro de carte CPX",
  nomAdminTechnique: "Nom",
  telAdminTechnique: "Téléphone",
  emailAdminTechnique: "Email",
  utiliteCertificat: "Utilité certificat",
  // pièce justificative
  nomFichier: "Nom du fichier",
  contenuBase64: "Contenu du fichier",
  contenu: "Contenu du fichier",
  // free texts of the workflow
  motif: "Motif",
  messageFournisseur: "Message au fournisseur",
  commentaire: "Commentaire",
} as const satisfies Record<string, string>;

export type Champ = keyof typeof CHAMPS_LABELS;

/** Label of a field, or the field name itself when it has none. */
export function libelleChamp(champ: string): string {
  // Object.hasOwn: a field name may come from a client document (`constructor`, `__proto__`…).
  return Object.hasOwn(CHAMPS_LABELS, champ) ? (CHAMPS_LABELS as Record<string, string>)[champ]! : champ;
}

/** Length as a person counts it: code points, not UTF-16 units. */
export function longueur(s: string): number {
  return [...s].length;
}

/**
 * Longest text an API argument or input field (GraphQL, export URL parameters) may carry,
 * checked before anything runs. Above each field's own rule (LIMITES), which still answers
 * its precise French error; far below what could strain a query (a LIKE pattern, an index).
 */
export const LONGUEUR_ARGUMENT_DEFAUT = 200;

/** The free texts allowed beyond the default, by argument or input field name. */
export const LONGUEURS_ARGUMENTS: Readonly<Record<string, number>> = {
  scenarioInstallation: 5000,
  motif: 5000,
  /** a statut change's message to the supplier (LIMITES.messageFournisseur) */
  message: 5000,
  commentaire: 5000,
};

export function longueurMaxArgument(nom: string): number {
  return Object.hasOwn(LONGUEURS_ARGUMENTS, nom) ? LONGUEURS_ARGUMENTS[nom]! : LONGUEUR_ARGUMENT_DEFAUT;
}

/** The length beyond the maximum, or null when the text fits (code points, as `longueur`). */
export function depassementLongueur(nom: string, texte: string): { max: number; recu: number } | null {
  const max = longueurMaxArgument(nom);
  // UTF-16 units are never fewer than code points: count those only when it may matter.
  if (texte.length <= max) return null;
  const recu = longueur(texte);
  return recu > max ? { max, recu } : null;
}

/** « Argument filtre.numero : 200 caractères au plus (reçu 1 048 576). » */
export function messageTropLong(
  nature: "Argument" | "Paramètre",
  chemin: string,
  d: { max: number; recu: number },
): string {
  const n = (x: number) => x.toLocaleString("fr-FR");
  return `${nature} ${chemin} : ${n(d.max)} caractères au plus (reçu ${n(d.recu)}).`;
}

/** Most versions one page of a demande's Historique may list (API `versions(premieres:)`, SPA). */
export const VERSIONS_PAR_PAGE_MAX = 1000;
