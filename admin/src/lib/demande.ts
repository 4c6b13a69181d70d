import {
  compte,
  BLOCS_VALIDABLES,
  type BlocValidable,
  CHAMPS_COORDONNEES,
  type ChampCoordonnees,
  ETATS_VALIDATION_LABELS,
  type EtatValidation,
  type StatutDemande,
} from "@segur/shared";
import type { LocationQuery } from "vue-router";
import type {
  AvertissementVue,
  Ligne,
  LigneAdministrateur,
  LigneBeneficiaire,
  LignePiece,
  ValeursCoordonnees,
  ValeursInformationsVue,
  ValidationVue,
} from "~/lib/lignes";
import type { DemandeQuery } from "~/gql/graphql";

/*
 * The consultation screen: the demande's current version and how its parts are shown.
 * Pure helpers (tested in demande.test.ts); the document is graphql/demande.ts.
 */

export type DemandeConsultee = NonNullable<DemandeQuery["demande"]>;
export type EtatBlocConsulte = DemandeConsultee["blocs"][number];

/** Row key of the coordonnées bancaires (one row per demande). */
export { CLE_COORDONNEES } from "@segur/shared";

/** The `Date` scalar is not mapped by codegen: values are yyyy-mm-dd strings. */
export function texteDate(v: unknown): string | null {
  return typeof v === "string" && v !== "" ? v : null;
}

// ——— tabs

export type Onglet = "actuelle" | "historique";
export const ONGLETS: readonly Onglet[] = ["actuelle", "historique"];

export function lireOnglet(query: LocationQuery): Onglet {
  const v = Array.isArray(query.onglet) ? query.onglet[0] : query.onglet;
  return v === "historique" ? "historique" : "actuelle";
}

/** The query of another tab: the history's own parameters are dropped when leaving it. */
export function queryOnglet(query: LocationQuery, onglet: Onglet): LocationQuery {
  if (onglet === "historique") return { ...query, onglet: "historique" };
  const { onglet: _o, version: _v, de: _de, a: _a, ...reste } = query;
  return reste;
}

// ——— validation states

export type TypeBadge = "success" | "error" | "info" | "warning" | "new";

export interface BadgeValidation {
  label: string;
  type: TypeBadge;
}

/** Validée → green « Validée », Rejetée → red « Rejetée », À valider → blue « À valider » (text always). */
export function badgeValidation(etat: EtatValidation): BadgeValidation {
  const type: TypeBadge = etat === "VALIDEE" ? "success" : etat === "REJETEE" ? "error" : "info";
  return { label: ETATS_VALIDATION_LABELS[etat], type };
}

export function estBlocValidable(bloc: string): bloc is BlocValidable {
  return (BLOCS_VALIDABLES as readonly string[]).includes(bloc);
}

export interface ResumeBloc {
  texte: string;
  type: TypeBadge;
  verrouille: boolean;
}

/** « Bloc validé — verrouillé », « 2 / 5 lignes validées (1 rejetée) », « Aucune ligne ». */
export function resumeBloc(
  etat: Pick<EtatBlocConsulte, "verrouille" | "nombreLignes" | "nombreValidees" | "nombreRejetees">,
): ResumeBloc {
  if (etat.verrouille) return { texte: "Bloc validé — verrouillé", type: "success", verrouille: true };
  if (etat.nombreLignes === 0) return { texte: "Aucune ligne à valider", type: "info", verrouille: false };
  const lignes = etat.nombreLignes > 1 ? "lignes validées" : "ligne validée";
  let texte = `${etat.nombreValidees} / ${etat.nombreLignes} ${lignes}`;
  if (etat.nombreRejetees > 0) texte += ` (${compte(etat.nombreRejetees, "rejetée", "rejetées")})`;
  const type: TypeBadge =
    etat.nombreRejetees > 0 ? "error" : etat.nombreValidees === etat.nombreLignes ? "success" : "info";
  return { texte, type, verrouille: false };
}

/** Statut badge colour (DSFR badge types); the label always says the statut. */
export function typeBadgeStatut(statut: StatutDemande): TypeBadge {
  switch (statut) {
    case "DECIDEE":
      return "success";
    case "A_MODIFIER":
      return "warning";
    case "EN_ATTENTE_PIECE":
      return "warning";
    case "REGULARISATION_EN_COURS":
      return "new";
    default:
      return "info";
  }
}

// ——— client-side pagination of a block table

export function pagesDe<T>(lignes: readonly T[], parPage: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < lignes.length; i += parPage) pages.push(lignes.slice(i, i + parPage));
  return pages;
}

// ——— rows of the block tables (lib/lignes.ts)

/** The fields of the « Informations de la demande » block (consultation and modification queries). */
type SourceInformations = Pick<
  DemandeConsultee,
  | "numero"
  | "type"
  | "couloir"
  | "numeroEditeur"
  | "logiciel"
  | "dateDepot"
  | "dateCommande"
  | "statut"
  | "etatPaiement"
  | "montant"
  | "mandataire"
  | "courrielContact"
>;

export function informationsVue(d: SourceInformations): ValeursInformationsVue {
  return {
    numero: d.numero,
    type: d.type,
    couloir: d.couloir,
    numeroEditeur: d.numeroEditeur,
    logiciel: d.logiciel,
    dateDepot: d.dateDepot,
    dateCommande: texteDate(d.dateCommande),
    statut: d.statut,
    etatPaiement: d.etatPaiement,
    montant: d.montant,
    mandataire: d.mandataire,
    courrielContact: d.courrielContact,
  };
}

export function coordonneesVue(d: DemandeConsultee): ValeursCoordonnees | null {
  const c = d.coordonneesBancaires;
  if (!c) return null;
  const champs = Object.fromEntries(CHAMPS_COORDONNEES.map((k) => [k, c[k]])) as Record<ChampCoordonnees, string>;
  return { ...champs, ibanFormate: c.ibanFormate };
}

/** What a row of the demande carries besides its values. */
type HorsValeurs = { cle: string; validation?: ValidationVue | null; avertissements?: readonly AvertissementVue[] };

/**
 * A row as the demande query answers it, split as the block tables read it: key, state and
 * warnings apart from the values. Any row block keyed by `cle` needs nothing more.
 */
export function ligneVue<R extends HorsValeurs>(ligne: R): Ligne<Omit<R, keyof HorsValeurs>> {
  const { cle, validation, avertissements, ...valeurs } = ligne;
  return { cle, valeurs, validation, ...(avertissements ? { avertissements } : {}) };
}

export function beneficiairesVue(d: DemandeConsultee): LigneBeneficiaire[] {
  return d.beneficiaires.map(ligneVue);
}

export function administrateursVue(d: DemandeConsultee): LigneAdministrateur[] {
  return d.administrateurs.map(
    ({
      validation,
      avertissements,
      doublonsPossibles,
      derniereTransmission,
      modifieeDepuisTransmission,
      ...valeurs
    }) => ({
      cle: valeurs.finessJuridique,
      valeurs,
      validation,
      avertissements,
      doublonsPossibles,
      derniereTransmission,
      modifieeDepuisTransmission,
    }),
  );
}

export function piecesVue(d: DemandeConsultee): LignePiece[] {
  return d.pieces.map(ligneVue);
}
