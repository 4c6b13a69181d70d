import {
  dateIsoValide,
  ETATS_PAIEMENT,
  type EtatPaiement,
  STATUTS_DEMANDE,
  type StatutDemande,
  TYPES_DEMANDE,
  type TypeDemande,
} from "@segur/shared";
import type { LocationQuery, LocationQueryRaw } from "vue-router";
import type { DemandesQueryVariables, FiltreDemandes, Ordre, TriDemandes } from "~/gql/graphql";
import { ecrirePage, type EtatPage, lirePage, premier, premierePage, variablesPage } from "~/lib/pagination";
import type { FormatExport } from "~/lib/export";

/*
 * The demandes list: its state lives in the URL query (filters, sort, page size, cursor),
 * so a view can be shared and reloaded (document: graphql/demandes.ts).
 */

export const TAILLES_PAGE = [20, 50, 100] as const;
export const TAILLE_PAGE_DEFAUT = 20;

export const TRIS: readonly TriDemandes[] = [
  "NUMERO",
  "TYPE",
  "NUMERO_EDITEUR",
  "LOGICIEL",
  "DATE_DEPOT",
  "DATE_COMMANDE",
  "STATUT",
  "ETAT_PAIEMENT",
  "MONTANT",
];
/** The server's default order (see Query.demandes). */
export const TRI_DEFAUT: TriDemandes = "DATE_DEPOT";
export const ORDRE_DEFAUT: Ordre = "DESC";

/** What the filter form edits: text fields, '' meaning "no filter". */
export interface Filtres {
  numero: string;
  type: TypeDemande | "";
  statut: StatutDemande | "";
  etatPaiement: EtatPaiement | "";
  logiciel: string;
  deposeeApres: string;
  deposeeAvant: string;
  /** « true »: a certificate request changed since its transmission; « false »: none. */
  modifieeDepuisTransmission: "" | "true" | "false";
  /** « MOI » (Mes demandes), « PERSONNE » (Non suivies) or a gestionnaire's id. */
  suiviPar: string;
  /** The work queue's filters (À traiter), each « true », « false » or unset. */
  aRevalider: "" | "true" | "false";
  lignesRejetees: "" | "true" | "false";
  preteADecider: "" | "true" | "false";
  aTransmettre: "" | "true" | "false";
  courrielEnEchec: "" | "true" | "false";
}

/** The list's state: filters, sort, page size, and the page (its cursor). */
export interface EtatListe extends EtatPage {
  filtres: Filtres;
  tri: TriDemandes;
  ordre: Ordre;
  taille: number;
}

export const FILTRES_VIDES: Readonly<Filtres> = Object.freeze({
  numero: "",
  type: "",
  statut: "",
  etatPaiement: "",
  logiciel: "",
  deposeeApres: "",
  deposeeAvant: "",
  modifieeDepuisTransmission: "",
  suiviPar: "",
  aRevalider: "",
  lignesRejetees: "",
  preteADecider: "",
  aTransmettre: "",
  courrielEnEchec: "",
});

/** The boolean filters of the work queue (« true » / « false » in the URL). */
export const FILTRES_A_TRAITER = [
  "aRevalider",
  "lignesRejetees",
  "preteADecider",
  "aTransmettre",
  "courrielEnEchec",
] as const satisfies readonly (keyof Filtres)[];

/** `suiviPar` as the server takes it: MOI, PERSONNE or a positive id; anything else is no filter. */
function suivi(v: string): string {
  const s = v.trim().toUpperCase();
  return s === "MOI" || s === "PERSONNE" || /^[1-9][0-9]{0,9}$/.test(s) ? s : "";
}

const CLES_FILTRES = Object.keys(FILTRES_VIDES) as (keyof Filtres)[];

function parmi<T extends string>(valeurs: readonly T[], v: string): T | "" {
  return (valeurs as readonly string[]).includes(v) ? (v as T) : "";
}

function date(v: string): string {
  return dateIsoValide(v) ? v : "";
}

/** Reads the list state from the URL query; unknown or malformed values are ignored. */
export function lireEtat(query: LocationQuery): EtatListe {
  const filtres: Filtres = {
    numero: premier(query.numero).trim(),
    type: parmi(TYPES_DEMANDE, premier(query.type)),
    statut: parmi(STATUTS_DEMANDE, premier(query.statut)),
    etatPaiement: parmi(ETATS_PAIEMENT, premier(query.etatPaiement)),
    logiciel: premier(query.logiciel).trim(),
    deposeeApres: date(premier(query.deposeeApres)),
    deposeeAvant: date(premier(query.deposeeAvant)),
    modifieeDepuisTransmission: parmi(["true", "false"] as const, premier(query.modifieeDepuisTransmission)),
    suiviPar: suivi(premier(query.suiviPar)),
    ...(Object.fromEntries(
      FILTRES_A_TRAITER.map((c) => [c, parmi(["true", "false"] as const, premier(query[c]))]),
    ) as Pick<Filtres, (typeof FILTRES_A_TRAITER)[number]>),
  };
  const tri = parmi(TRIS, premier(query.tri)) || TRI_DEFAUT;
  const ordre = parmi(["ASC", "DESC"] as const, premier(query.ordre)) || ORDRE_DEFAUT;
  const tailleLue = Number(premier(query.taille));
  const taille = (TAILLES_PAGE as readonly number[]).includes(tailleLue) ? tailleLue : TAILLE_PAGE_DEFAUT;
  return { filtres, tri, ordre, taille, ...lirePage(query) };
}

/** Filters that are set, as URL / CSV parameters (same names as the GraphQL filter). */
export function parametresFiltres(filtres: Filtres): Record<string, string> {
  const out: Record<string, string> = {};
  for (const cle of CLES_FILTRES) {
    const v = filtres[cle].trim();
    if (v) out[cle] = v;
  }
  return out;
}

/** The URL query of a state; defaults are left out so URLs stay short. */
export function ecrireEtat(etat: EtatListe): LocationQueryRaw {
  const query: LocationQueryRaw = { ...parametresFiltres(etat.filtres) };
  if (etat.tri !== TRI_DEFAUT || etat.ordre !== ORDRE_DEFAUT) {
    query.tri = etat.tri;
    query.ordre = etat.ordre;
  }
  if (etat.taille !== TAILLE_PAGE_DEFAUT) query.taille = String(etat.taille);
  return { ...query, ...ecrirePage(etat) };
}

/** GraphQL variables of a state: `first/after` forwards, `last/before` backwards. */
export function variables(etat: EtatListe): DemandesQueryVariables {
  const filtre: FiltreDemandes = {};
  const f = etat.filtres;
  if (f.numero.trim()) filtre.numero = f.numero.trim();
  if (f.type) filtre.type = f.type;
  if (f.statut) filtre.statut = f.statut;
  if (f.etatPaiement) filtre.etatPaiement = f.etatPaiement;
  if (f.logiciel.trim()) filtre.logiciel = f.logiciel.trim();
  if (f.deposeeApres) filtre.deposeeApres = f.deposeeApres;
  if (f.deposeeAvant) filtre.deposeeAvant = f.deposeeAvant;
  if (f.modifieeDepuisTransmission) filtre.modifieeDepuisTransmission = f.modifieeDepuisTransmission === "true";
  if (f.suiviPar) filtre.suiviPar = f.suiviPar;
  for (const c of FILTRES_A_TRAITER) if (f[c]) filtre[c] = f[c] === "true";
  return { filtre, tri: etat.tri, ordre: etat.ordre, ...variablesPage(etat, etat.taille) };
}

// Any change of filters, sort or page size goes back to the first page.
export function avecFiltres(etat: EtatListe, filtres: Filtres): EtatListe {
  return premierePage({ ...etat, filtres: { ...filtres } });
}

export function avecTaille(etat: EtatListe, taille: number): EtatListe {
  return premierePage({ ...etat, taille });
}

/** Clicking a column header: same column flips the order, another column sorts ascending. */
export function avecTri(etat: EtatListe, tri: TriDemandes): EtatListe {
  const ordre: Ordre = etat.tri === tri ? (etat.ordre === "ASC" ? "DESC" : "ASC") : "ASC";
  return premierePage({ ...etat, tri, ordre });
}

/** « 1 demande », « 62 demandes », « Aucune demande ». */
export function libelleNombre(total: number): string {
  if (total === 0) return "Aucune demande";
  return `${total.toLocaleString("fr-FR")} demande${total > 1 ? "s" : ""}`;
}

/** aria-sort of a column header. */
export function ariaSort(
  etat: Pick<EtatListe, "tri" | "ordre">,
  tri: TriDemandes,
): "ascending" | "descending" | "none" {
  if (etat.tri !== tri) return "none";
  return etat.ordre === "ASC" ? "ascending" : "descending";
}

/** The export of the filtered list, in the list's order, as CSV or XLSX (the server checks the session cookie). */
export function urlExportDemandes(etat: EtatListe, format: FormatExport): string {
  const params = new URLSearchParams({ ...parametresFiltres(etat.filtres), tri: etat.tri, ordre: etat.ordre });
  return `/export/demandes.${format}?${params.toString()}`;
}
