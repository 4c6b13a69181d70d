import {
  ETATS_PAIEMENT_LABELS,
  formatDate,
  OPERATIONS_ACCES_LABELS,
  STATUTS_DEMANDE_LABELS,
  TYPES_DEMANDE_LABELS,
  type OperationAcces,
} from "@segur/shared";

/*
 * What an access trace's target says to a reader of the journal: an export's stored query string
 * (kept as written, so the export can be replayed) read back as its filters in French, so two exports
 * of different filters are told apart (« Export CSV — statut A modifier, déposée depuis le 01/01/2026 »).
 */

const libelle = (labels: Record<string, string>) => (v: string) => labels[v] ?? v;
const jour = (v: string) => formatDate(v) || v;

/** The list's and the journal's export parameters, in the order they are read. */
const PARAMETRES: Record<string, (v: string) => string> = {
  numero: (v) => `numéro contenant « ${v} »`,
  type: (v) => `type ${libelle(TYPES_DEMANDE_LABELS)(v)}`,
  statut: (v) => `statut ${libelle(STATUTS_DEMANDE_LABELS)(v)}`,
  etatPaiement: (v) => `dernier paiement ${libelle(ETATS_PAIEMENT_LABELS)(v)}`,
  logiciel: (v) => `logiciel « ${v} »`,
  numeroEditeur: (v) => `éditeur ${v}`,
  referenceFournisseur: (v) => `référence « ${v} »`,
  deposeeApres: (v) => `déposée depuis le ${jour(v)}`,
  deposeeAvant: (v) => `déposée jusqu’au ${jour(v)}`,
  modifieeDepuis: (v) => `modifiée depuis le ${jour(v)}`,
  acteur: (v) => `auteur « ${v} »`,
  du: (v) => `du ${jour(v)}`,
  au: (v) => `au ${jour(v)}`,
  tri: (v) => `triée par ${v.toLowerCase().replace(/_/g, " ")}`,
  ordre: (v) => (v === "DESC" ? "ordre décroissant" : "ordre croissant"),
};

/** « statut A modifier, déposée depuis le 01/01/2026 » from `statut=A_MODIFIER&deposeeApres=2026-01-01`. */
export function descriptionFiltres(query: string | null): string {
  const p = new URLSearchParams(query ?? "");
  const parties: string[] = [];
  for (const [nom, valeur] of p) {
    if (!valeur.trim() || nom === "onglet") continue;
    parties.push((PARAMETRES[nom] ?? ((v: string) => `${nom} ${v}`))(valeur));
  }
  return parties.join(", ");
}

/** The journal's reading of a trace's target: an export's filters in words, else the target as stored. */
export function descriptionCible(operation: string, cible: string | null): string | null {
  if (operation !== "EXPORT_CSV" && operation !== "EXPORT_XLSX") return cible;
  const journal = cible?.startsWith("journal?") || cible === "journal";
  const filtres = descriptionFiltres(journal ? cible!.slice("journal?".length) : cible);
  const quoi = journal
    ? new URLSearchParams(cible!.slice("journal?".length)).get("onglet") === "acces"
      ? "journal des accès"
      : "journal des événements"
    : "demandes";
  return filtres ? `${quoi} : ${filtres}` : `${quoi}, sans filtre`;
}

/** « Export CSV — demandes : statut A modifier » (the journal's exports, one line per trace). */
export const libelleTrace = (operation: string, cible: string | null) =>
  [OPERATIONS_ACCES_LABELS[operation as OperationAcces] ?? operation, descriptionCible(operation, cible)]
    .filter(Boolean)
    .join(" — ");
