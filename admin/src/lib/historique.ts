import {
  compte,
  BLOCS,
  BLOCS_LABELS,
  EVENEMENTS_LABELS,
  formatDateHeureParis,
  libelleChamp,
  ROLES_LABELS,
  STATUTS_DEMANDE_LABELS,
  VERSIONS_PAR_PAGE_MAX,
} from "@segur/shared";
import type { LocationQuery, LocationQueryRaw } from "vue-router";
import type { HistoriqueQuery } from "~/gql/graphql";
import { libelle, libelleChampHistorique, valeurHistorique } from "~/lib/format";

/*
 * The « Historique » tab: versions and audit events in one timeline, changes grouped by
 * block and row, a past version, and the comparison of two versions.
 */

/** Versions shown at first, and added by « Afficher les versions plus anciennes », up to the API's page maximum. */
export const PAGE_VERSIONS = 50;
export const VERSIONS_LISTEES_MAX = VERSIONS_PAR_PAGE_MAX;

type DemandeHistorique = NonNullable<HistoriqueQuery["demande"]>;
export type VersionHistorique = DemandeHistorique["versions"][number];
export type EvenementHistorique = DemandeHistorique["evenements"][number];

export interface ChangementVue {
  bloc: string;
  cle: string;
  nature: "AJOUT" | "MODIFICATION" | "SUPPRESSION";
  champ: string;
  ancienneValeur?: string | null;
  nouvelleValeur?: string | null;
}

// ——— URL: ?onglet=historique&version=k or &de=a&a=b

export interface EtatHistorique {
  version: number | null;
  de: number | null;
  a: number | null;
}

function entier(v: LocationQuery[string] | undefined): number | null {
  const x = Array.isArray(v) ? v[0] : v;
  if (typeof x !== "string" || !/^\d+$/.test(x)) return null;
  const n = Number(x);
  return n >= 1 && Number.isSafeInteger(n) ? n : null;
}

export function lireEtatHistorique(query: LocationQuery): EtatHistorique {
  return { version: entier(query.version), de: entier(query.de), a: entier(query.a) };
}

/** The query with the history's parameters replaced (null removes one). */
export function queryHistorique(query: LocationQuery, changement: Partial<EtatHistorique>): LocationQueryRaw {
  const out: LocationQueryRaw = { ...query, onglet: "historique" };
  for (const [cle, valeur] of Object.entries(changement)) {
    if (valeur === null || valeur === undefined) delete out[cle];
    else out[cle] = String(valeur);
  }
  return out;
}

// ——— events

export function libelleEvenement(type: string): string {
  return EVENEMENTS_LABELS[type] ?? type;
}

/** Role of an author; the import and other automatic writes are done by the system. */
export function libelleRole(role: string | null | undefined): string {
  if (role === "SYSTEME") return "système";
  return libelle(ROLES_LABELS, role);
}

function details(e: Pick<EvenementHistorique, "details">): Record<string, unknown> {
  return e.details && typeof e.details === "object" && !Array.isArray(e.details)
    ? (e.details as Record<string, unknown>)
    : {};
}

function texte(v: unknown): string | null {
  return typeof v === "string" && v.trim() !== "" ? v : null;
}

/** The lines of text describing an event, beyond its title (French, labels from shared). */
export function descriptionEvenement(
  e: Pick<EvenementHistorique, "type" | "bloc" | "cle" | "motif" | "details">,
  noms: NomsLignes = new Map(),
): string[] {
  const d = details(e);
  const lignes: string[] = [];
  if (e.type === "STATUT_MODIFIE") {
    const de = texte(d.de);
    const vers = texte(d.vers);
    if (de || vers)
      lignes.push(`${libelle(STATUTS_DEMANDE_LABELS, de) || "?"} → ${libelle(STATUTS_DEMANDE_LABELS, vers) || "?"}`);
    const message = texte(d.message);
    if (message) lignes.push(`${libelleChamp("messageFournisseur")} : ${message}`);
    const raison = texte(d.raison) ?? texte(d.courriel);
    if (raison) lignes.push(raison);
  }
  if (e.type === "SUIVI_MODIFIE") lignes.push(`Suivi : ${texte(d.de) ?? "personne"} → ${texte(d.vers) ?? "personne"}`);
  if (e.bloc) {
    // The coordonnées bancaires block has a single row: naming it adds nothing.
    const ligne = e.cle && e.bloc !== "COORDONNEES_BANCAIRES" ? ` — ${libelleLigne(e.bloc, e.cle, [], noms)}` : "";
    lignes.push(`Bloc : ${libelle(BLOCS_LABELS, e.bloc)}${ligne}`);
  }
  if (e.type === "BLOC_VALIDE" && typeof d.lignes === "number") lignes.push(compteBlocValide(d.lignes, d));
  if (e.type === "IMPORT" && typeof d.avertissements === "number" && d.avertissements > 0)
    lignes.push(`${compte(d.avertissements, "avertissement", "avertissements")} à l'import`);
  if (e.type === "COURRIEL_ENVOYE" && d.envoye === false)
    lignes.push(`Échec de l'envoi${texte(d.erreur) ? ` : ${texte(d.erreur)}` : ""}`);
  if (e.type === "COURRIEL_ECHEC") {
    const essai = typeof d.tentative === "number" ? `Essai ${d.tentative}` : "Essai";
    lignes.push(`${essai} sans succès${texte(d.erreur) ? ` : ${texte(d.erreur)}` : ""}`);
    lignes.push(
      d.abandon === true
        ? "Abandonné : à relancer (courriels:relancer)."
        : `Nouvel essai le ${formatDateHeureParis(texte(d.prochainEssaiLe))}`,
    );
  }
  if (e.type === "COURRIEL_RELANCE" && typeof d.tentativesPrecedentes === "number")
    lignes.push(`Remis en attente d'envoi après ${compte(d.tentativesPrecedentes, "essai", "essais")}`);
  if (e.type === "CONNEXION_LIMITEE") {
    const cible = texte(d.compte)
      ? `Compte ${texte(d.compte)}`
      : texte(d.adresse)
        ? `Adresse ${texte(d.adresse)}`
        : null;
    if (cible && typeof d.echecs === "number")
      lignes.push(`${cible} : ${d.echecs} échecs de connexion, tentatives ralenties`);
  }
  if (e.type === "LOT_TRANSMISSION" && texte(d.lot))
    lignes.push(`${d.nature === "CORRECTIF" ? "Lot correctif" : "Lot"} ${texte(d.lot)}`);
  // On the demande's own event: the FINESS juridiques it sent (the batch's event lists objects).
  if (
    e.type === "LOT_TRANSMISSION" &&
    Array.isArray(d.certificats) &&
    d.certificats.every((c) => typeof c === "string")
  )
    lignes.push(`Demandes de certificat transmises : ${d.certificats.join(", ")}`);
  const raisonVerrou = e.type === "BLOC_VERROUILLE" ? texte(d.raison) : null;
  if (raisonVerrou) lignes.push(raisonVerrou);
  if (e.motif) lignes.push(`${e.type === "REJET_LEVE" ? "Motif du rejet levé" : libelleChamp("motif")} : ${e.motif}`);
  return lignes;
}

const nombre = (n: number, un: string, plusieurs: string) => `${n} ${n > 1 ? plusieurs : un}`;

/** « 6 lignes : 5 validées, 1 restée rejetée » (older events only counted the rows). */
function compteBlocValide(total: number, d: Record<string, unknown>): string {
  const texte = nombre(total, "ligne", "lignes");
  if (typeof d.validees !== "number") return texte;
  const parties = [nombre(d.validees, "validée", "validées")];
  if (typeof d.restentRejetees === "number" && d.restentRejetees > 0)
    parties.push(nombre(d.restentRejetees, "restée rejetée", "restées rejetées"));
  if (typeof d.rejetsLeves === "number" && d.rejetsLeves > 0)
    parties.push(nombre(d.rejetsLeves, "rejet levé", "rejets levés"));
  return `${texte} : ${parties.join(", ")}`;
}

// ——— timeline

export type ElementChronologie =
  | { genre: "version"; cle: string; date: string; version: VersionHistorique }
  | { genre: "evenement"; cle: string; date: string; evenement: EvenementHistorique };

/** Whether older versions than those received exist (the list is a page, newest first). */
export const versionsPlusAnciennes = (versions: readonly Pick<VersionHistorique, "numero">[]): boolean =>
  (versions.at(-1)?.numero ?? 1) > 1;

/**
 * Versions and events, newest first. VERSION events duplicate the versions themselves and
 * are left out. On equal times a version comes before its events (it was listed first by
 * the server, which already sorts each list newest first). When only the newest versions are
 * loaded, events older than the oldest of them wait with them (no gap in the timeline).
 */
export function chronologie(
  versions: readonly VersionHistorique[],
  evenements: readonly EvenementHistorique[],
): ElementChronologie[] {
  const temps = (iso: string) => new Date(iso).getTime() || 0;
  const depuis = versionsPlusAnciennes(versions) ? temps(versions.at(-1)!.creeLe) : -Infinity;
  const elements: ElementChronologie[] = [
    ...versions.map((version) => ({
      genre: "version" as const,
      cle: `v${version.numero}`,
      date: version.creeLe,
      version,
    })),
    ...evenements
      .map((evenement, i) => ({ genre: "evenement" as const, cle: `e${i}`, date: evenement.creeLe, evenement }))
      .filter((e) => e.evenement.type !== "VERSION" && temps(e.date) >= depuis),
  ];
  return elements
    .map((element, ordre) => ({ element, ordre }))
    .sort((x, y) => temps(y.element.date) - temps(x.element.date) || x.ordre - y.ordre)
    .map((x) => x.element);
}

// ——— changes grouped by block, then row

export interface ChampChange {
  champ: string;
  libelle: string;
  ancienne: string;
  nouvelle: string;
  /** Whether each side has a value (an added row has no old value…). */
  aAncienne: boolean;
  aNouvelle: boolean;
}

export interface LigneChangee {
  cle: string;
  libelle: string;
  nature: ChangementVue["nature"];
  champs: ChampChange[];
}

export interface BlocChange {
  bloc: string;
  libelle: string;
  lignes: LigneChangee[];
}

export const NATURES_LABELS: Record<ChangementVue["nature"], string> = {
  AJOUT: "Ligne ajoutée",
  MODIFICATION: "Ligne modifiée",
  SUPPRESSION: "Ligne supprimée",
};

/** Names of rows whose key says nothing to a person (bénéficiaires): cle → label. */
export type NomsLignes = ReadonlyMap<string, string>;

/** How a row is named in the history. */
export function libelleLigne(
  bloc: string,
  cle: string,
  changements: readonly ChangementVue[],
  noms: NomsLignes = new Map(),
): string {
  if (bloc === "INFORMATIONS") return "Demande";
  if (bloc === "COORDONNEES_BANCAIRES") return libelle(BLOCS_LABELS, bloc);
  if (bloc === "ADMINISTRATEURS") return `${libelleChamp("finessJuridique")} ${cle}`;
  const valeur = (champ: string) => {
    const c = changements.find((x) => x.champ === champ);
    return c ? (c.nouvelleValeur ?? c.ancienneValeur ?? null) : null;
  };
  if (bloc === "PIECES") {
    const nom = valeur("nomFichier") ?? noms.get(cle);
    return `Pièce ${nom ?? cle}`;
  }
  if (bloc === "BENEFICIAIRES") {
    const finess = valeur("finessJuridique");
    const nom = valeur("nomResponsable");
    const connu = noms.get(cle);
    if (finess || nom) return `Bénéficiaire ${[finess, nom].filter(Boolean).join(" — ")}`;
    return connu ? `Bénéficiaire ${connu}` : `Bénéficiaire ${cle}`;
  }
  return cle;
}

/**
 * Names of rows whose key is opaque (bénéficiaires, pièces), from the current demande and,
 * for rows deleted since, from the values recorded in the versions.
 */
export function nomsLignes(
  versions: readonly { changements: readonly ChangementVue[] }[],
  beneficiaires: readonly { cle: string; finessJuridique: string; nomResponsable: string }[] = [],
  pieces: readonly { cle: string; nomFichier: string }[] = [],
): Map<string, string> {
  const noms = new Map<string, string>();
  const parLigne = new Map<string, Record<string, string>>();
  for (const version of versions) {
    for (const c of version.changements) {
      if (c.bloc !== "BENEFICIAIRES" && c.bloc !== "PIECES") continue;
      const valeur = c.nouvelleValeur ?? c.ancienneValeur;
      if (!valeur) continue;
      const champs = parLigne.get(c.cle) ?? {};
      parLigne.set(c.cle, champs);
      champs[c.champ] ??= valeur;
    }
  }
  for (const [cle, champs] of parLigne) {
    const nom = champs.nomFichier ?? [champs.finessJuridique, champs.nomResponsable].filter(Boolean).join(" — ");
    if (nom) noms.set(cle, nom);
  }
  for (const b of beneficiaires) noms.set(b.cle, `${b.finessJuridique} — ${b.nomResponsable}`);
  for (const p of pieces) noms.set(p.cle, p.nomFichier);
  return noms;
}

/** Blocks in screen order, rows in first-seen order, fields in first-seen order. */
export function grouperChangements(changements: readonly ChangementVue[], noms: NomsLignes = new Map()): BlocChange[] {
  const parBloc = new Map<string, Map<string, ChangementVue[]>>();
  for (const c of changements) {
    const lignes = parBloc.get(c.bloc) ?? new Map<string, ChangementVue[]>();
    parBloc.set(c.bloc, lignes);
    const liste = lignes.get(c.cle) ?? [];
    lignes.set(c.cle, liste);
    liste.push(c);
  }
  const ordreBloc = (b: string) => {
    const i = (BLOCS as readonly string[]).indexOf(b);
    return i === -1 ? BLOCS.length : i;
  };
  return [...parBloc.entries()]
    .sort(([a], [b]) => ordreBloc(a) - ordreBloc(b))
    .map(([bloc, lignes]) => ({
      bloc,
      libelle: libelle(BLOCS_LABELS, bloc),
      lignes: [...lignes.entries()].map(([cle, liste]) => ({
        cle,
        libelle: libelleLigne(bloc, cle, liste, noms),
        nature: liste[0]!.nature,
        champs: liste.map((c) => ({
          champ: c.champ,
          libelle: libelleChampHistorique(c.champ),
          ancienne: valeurHistorique(bloc, c.champ, c.ancienneValeur),
          nouvelle: valeurHistorique(bloc, c.champ, c.nouvelleValeur),
          aAncienne: c.ancienneValeur !== null && c.ancienneValeur !== undefined && c.ancienneValeur !== "",
          aNouvelle: c.nouvelleValeur !== null && c.nouvelleValeur !== undefined && c.nouvelleValeur !== "",
        })),
      })),
    }));
}

/** « 1 changement », « 45 changements », « Aucun changement ». */
export function libelleNombreChangements(n: number): string {
  if (n === 0) return "Aucun changement";
  return compte(n, "changement", "changements");
}
