import { dateIsoValide, debutJourParis, EVENEMENTS_LABELS, OPERATIONS_ACCES_LABELS } from "@segur/shared";
import type { LocationQuery, LocationQueryRaw } from "vue-router";
import type { FiltreJournal, JournalEvenementsQuery, JournalVersionsQuery, TracesAccesQuery } from "~/gql/graphql";
import { ecrirePage, type EtatPage, lirePage, premier, variablesPage } from "~/lib/pagination";
import type { FormatExport } from "~/lib/export";

/*
 * The audit journal (SPEC §1, §6, §9): every demande's events and the transmission batches,
 * and, for auditeurs only, the access traces (who opened which demande, export or file).
 * The tab, the filters and the page live in the URL, like the demandes list.
 */

export type EvenementJournal = JournalEvenementsQuery["journalEvenements"]["edges"][number]["node"];
export type TraceAcces = TracesAccesQuery["tracesAcces"]["edges"][number]["node"];
export type VersionJournal = JournalVersionsQuery["journalVersions"]["edges"][number]["node"];

/** The « Type » filter's value that lists confirmed versions (their own query) instead of events. */
export const TYPE_VERSIONS = "VERSION";

export const TAILLE_PAGE_JOURNAL = 50;

export const ONGLETS_JOURNAL = ["evenements", "acces"] as const;
export type OngletJournal = (typeof ONGLETS_JOURNAL)[number];

/** The « Type » filter's choices: event types (and the confirmed versions), or access operations. */
export function typesJournal(onglet: OngletJournal): { value: string; text: string }[] {
  if (onglet === "acces") return Object.entries(OPERATIONS_ACCES_LABELS).map(([value, text]) => ({ value, text }));
  return [
    { value: TYPE_VERSIONS, text: "Versions confirmées" },
    ...Object.entries(EVENEMENTS_LABELS)
      .filter(([t]) => t !== TYPE_VERSIONS)
      .map(([value, text]) => ({ value, text })),
  ];
}

/** The journal shows confirmed versions (not events) for this state. */
export const afficheVersions = (etat: EtatJournal) =>
  etat.onglet === "evenements" && etat.filtres.type === TYPE_VERSIONS;

export interface FiltresJournal {
  numero: string;
  acteur: string;
  type: string;
  /** yyyy-mm-dd, included. */
  du: string;
  /** yyyy-mm-dd, included. */
  au: string;
}

export const FILTRES_JOURNAL_VIDES: Readonly<FiltresJournal> = Object.freeze({
  numero: "",
  acteur: "",
  type: "",
  du: "",
  au: "",
});

export interface EtatJournal extends EtatPage {
  onglet: OngletJournal;
  filtres: FiltresJournal;
}

/** Reads the tab, filters and page from the URL; unknown values are dropped. */
export function lireEtatJournal(query: LocationQuery): EtatJournal {
  const onglet = premier(query.onglet) === "acces" ? "acces" : "evenements";
  const date = (v: string) => (dateIsoValide(v) ? v : "");
  const type = premier(query.type);
  const filtres: FiltresJournal = {
    numero: premier(query.numero).trim(),
    acteur: premier(query.acteur).trim(),
    type: typesJournal(onglet).some((t) => t.value === type) ? type : "",
    du: date(premier(query.du)),
    au: date(premier(query.au)),
  };
  return { onglet, filtres, ...lirePage(query) };
}

/** The URL query: only what differs from the default (first tab, no filter, first page). */
export function ecrireEtatJournal(etat: EtatJournal): LocationQueryRaw {
  const query: LocationQueryRaw = etat.onglet === "acces" ? { onglet: "acces" } : {};
  for (const [cle, valeur] of Object.entries(etat.filtres)) {
    if (valeur) query[cle] = valeur;
  }
  return { ...query, ...ecrirePage(etat) };
}

/** GraphQL variables: the filters (the « au » day included) and the page. */
export function variablesJournal(
  etat: EtatJournal,
  taille = TAILLE_PAGE_JOURNAL,
): { filtre: FiltreJournal } & ReturnType<typeof variablesPage> {
  const f = etat.filtres;
  // Versions have no type, and no author filter (the server says so): neither is sent for them.
  const versions = afficheVersions(etat);
  const filtre: FiltreJournal = {
    ...(f.numero ? { numero: f.numero } : {}),
    ...(f.acteur && !versions ? { acteur: f.acteur } : {}),
    ...(f.type && !versions ? { type: f.type } : {}),
    ...(f.du ? { depuis: debutJourParis(f.du).toISOString() } : {}),
    ...(f.au ? { jusqua: debutJourParis(f.au, 1).toISOString() } : {}),
  };
  return { filtre, ...variablesPage(etat, taille) };
}

/** « 12 événements », « 1 accès », « 2 versions confirmées ». */
export function libelleNombreJournal(onglet: OngletJournal, n: number, versions = false): string {
  const nombre = n.toLocaleString("fr-FR");
  if (onglet === "acces") return `${nombre} accès`;
  if (versions) return `${nombre} version${n > 1 ? "s" : ""} confirmée${n > 1 ? "s" : ""}`;
  return `${nombre} événement${n > 1 ? "s" : ""}`;
}

/** The comparison of a version with the one before, on the demande's Historique tab. */
export function lienComparaison(v: Pick<VersionJournal, "numeroDemande" | "numero">) {
  return {
    name: "demande",
    params: { numero: v.numeroDemande },
    query: { onglet: "historique", de: String(v.numero - 1), a: String(v.numero) },
  } as const;
}

/** The demande a trace points to (« numéro » or « numéro/fichier.pdf »), if any. */
export function numeroDeCible(cible: string | null | undefined): string | null {
  const m = /^(FIN[A-Z0-9]+)(?:\/|$)/.exec(cible ?? "");
  return m ? m[1]! : null;
}

/** The export of the tab and filters shown (all pages), as CSV or XLSX. */
export function urlExportJournal(etat: EtatJournal, format: FormatExport): string {
  const params = new URLSearchParams();
  if (etat.onglet === "acces") params.set("onglet", "acces");
  for (const [cle, valeur] of Object.entries(etat.filtres)) {
    // Versions have no author filter (the page does not send it either).
    if (valeur && !(cle === "acteur" && afficheVersions(etat))) params.set(cle, valeur);
  }
  const query = params.toString();
  return `/export/journal.${format}${query ? `?${query}` : ""}`;
}
