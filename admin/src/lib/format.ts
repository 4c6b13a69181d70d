import {
  CHAMPS_LABELS,
  ETATS_PAIEMENT_LABELS,
  formatDate,
  formatIban,
  formatMontant,
  libelleChamp,
  ouiNon,
  STATUTS_ADMIN_TECHNIQUE_LABELS,
  STATUTS_DEMANDE_LABELS,
  TYPES_DEMANDE_LABELS,
  TYPES_PIECE_LABELS,
  UTILITES_CERTIFICAT_LABELS,
} from "@segur/shared";

/*
 * Display helpers of the consultation and history screens. Labels come from @segur/shared;
 * this file only knows how a stored value (often history text) becomes French text.
 */

/** Shown for an empty value, so an empty cell still reads as "nothing" to everyone. */
export const VIDE = "—";

/** A label from a shared table, or the code itself when the table doesn't know it. */
export function libelle<T extends string>(labels: Record<T, string>, code: string | null | undefined): string {
  if (code === null || code === undefined || code === "") return "";
  return (labels as Record<string, string>)[code] ?? code;
}

/** '—' for null / empty, the text otherwise. */
export function ouVide(v: string | number | null | undefined): string {
  return v === null || v === undefined || v === "" ? VIDE : String(v);
}

const FRANCAIS = "fr-FR";

/**
 * A file size as every screen shows it: '0,3 Ko', '12,5 Ko', '1,2 Mo' (binary multiples, one
 * decimal; a non-empty file never reads '0 Ko').
 */
export function formatTaille(octets: number | null | undefined): string {
  if (octets === null || octets === undefined || !Number.isFinite(octets)) return "";
  const nombre = (n: number) => n.toLocaleString(FRANCAIS, { maximumFractionDigits: 1 });
  if (octets < 1024 * 1024) return `${nombre(octets > 0 ? Math.max(octets / 1024, 0.1) : 0)} Ko`;
  return `${nombre(octets / (1024 * 1024))} Mo`;
}

/** The list's label of the payment state (SPEC §7 « statut du dernier paiement »), on every screen. */
export const LIBELLE_ETAT_PAIEMENT = "Statut du dernier paiement";

/*
 * History fields: names as the server versions them (server/src/historique/champs.ts).
 * A few of them are stored under another name than their shared label key.
 */
const ALIAS_CHAMPS: Record<string, keyof typeof CHAMPS_LABELS> = {
  numero: "numeroDossier",
  montantCentimes: "montantSegurDeclare",
};
/** Technical fields of a pièce that have no shared label (they are not typed by anyone). */
const CHAMPS_TECHNIQUES: Record<string, string> = {
  taille: "Taille",
  sha256: "Empreinte SHA-256",
};

/** French label of a versioned field. */
export function libelleChampHistorique(champ: string): string {
  if (champ === "etatPaiement") return LIBELLE_ETAT_PAIEMENT;
  const alias = ALIAS_CHAMPS[champ];
  if (alias) return CHAMPS_LABELS[alias];
  return CHAMPS_TECHNIQUES[champ] ?? libelleChamp(champ);
}

/**
 * A history value (text: "true"/"false", codes, digits, yyyy-mm-dd) as the screens show it.
 * `bloc` disambiguates `type` (type de demande vs type de pièce).
 */
export function valeurHistorique(bloc: string, champ: string, valeur: string | null | undefined): string {
  if (valeur === null || valeur === undefined || valeur === "") return VIDE;
  switch (champ) {
    case "mandataire":
    case "presentSolde":
    case "contractualisationOG":
    case "contractualisationEditeur":
    case "demandeCertificatServeur":
      return valeur === "true" || valeur === "false" ? ouiNon(valeur === "true") : valeur;
    case "statutAdminTechnique":
      return libelle(STATUTS_ADMIN_TECHNIQUE_LABELS, valeur);
    case "utiliteCertificat":
      return libelle(UTILITES_CERTIFICAT_LABELS, valeur);
    case "etatPaiement":
      return libelle(ETATS_PAIEMENT_LABELS, valeur);
    case "statut":
      return libelle(STATUTS_DEMANDE_LABELS, valeur);
    case "type":
      return bloc === "PIECES" ? libelle(TYPES_PIECE_LABELS, valeur) : libelle(TYPES_DEMANDE_LABELS, valeur);
    case "montantCentimes":
      // Cents as text, read as a bigint: exact beyond 32 and 53 bits.
      return /^-?\d+$/.test(valeur) ? formatMontant(BigInt(valeur)) : valeur;
    case "dateDepot":
    case "dateCommande":
      return formatDate(valeur) || valeur;
    case "taille":
      return /^\d+$/.test(valeur) ? formatTaille(Number(valeur)) : valeur;
    case "iban":
      return formatIban(valeur);
    default:
      return valeur;
  }
}

/** The French message of a failed query (network or GraphQL error). */
export function messageErreurRequete(
  erreur: { networkError?: unknown; graphQLErrors?: readonly { message: string }[] } | null | undefined,
): string {
  if (!erreur) return "";
  if (erreur.networkError) return "Le serveur ne répond pas. Veuillez réessayer dans quelques instants.";
  const message = erreur.graphQLErrors?.[0]?.message;
  return message ? `Erreur du serveur : ${message}` : "Une erreur est survenue. Veuillez réessayer.";
}

/** Short text of a row warning in a table (the full message goes to screen readers and the tooltip). */
const AVERTISSEMENTS_COURTS: Record<string, string> = {
  CLE_FINESS: "Clé FINESS incorrecte",
  FINESS_INCONNU: "FINESS absent des bénéficiaires",
  TELEPHONE: "Téléphone à vérifier",
};

export function texteCourtAvertissement(a: { code?: string | null; message: string }): string {
  return (a.code && AVERTISSEMENTS_COURTS[a.code]) || a.message;
}
