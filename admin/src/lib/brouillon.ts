import {
  compte,
  BLOCS_LABELS,
  type Bloc,
  CHAMPS_ADMINISTRATEUR,
  CLE_COORDONNEES,
  CLE_INFORMATIONS,
  formatIban,
  libelleChamp,
  nommerLigne,
  ouiNon,
  STATUTS_ADMIN_TECHNIQUE_LABELS,
  TYPES_PIECE_LABELS,
  UTILITES_CERTIFICAT_LABELS,
} from "@segur/shared";
import type { ModificationApercuFragment, ModificationDemandeQuery } from "~/gql/graphql";
import type { ProblemeServeur } from "~/lib/resultat";

/*
 * The modification screen's data (documents in graphql/brouillon.ts): pure functions that turn
 * the draft preview (rows with their state) into what the tables show.
 */

export type Apercu = ModificationApercuFragment;
export type Demande = NonNullable<ModificationDemandeQuery["demande"]>;
export type EtatLigne = Apercu["administrateurs"][number]["etat"];
export type LigneAdministrateur = Apercu["administrateurs"][number];
export type LigneBeneficiaire = Apercu["beneficiaires"][number];
export type LignePiece = Apercu["pieces"][number];
export type LigneCoordonnees = NonNullable<Apercu["coordonneesBancaires"]>;
export type LigneInformations = Apercu["informations"];
export type ValeursAdministrateur = LigneAdministrateur["valeurs"];
export type ValeursBeneficiaire = LigneBeneficiaire["valeurs"];

/** Blocks the modification screen edits. */
export type BlocModifiable = "INFORMATIONS" | "COORDONNEES_BANCAIRES" | "BENEFICIAIRES" | "ADMINISTRATEURS" | "PIECES";

/** Common shape of a preview row, whatever the block. */
export interface LigneApercu {
  cle: string;
  etat: EtatLigne;
  champsModifies: readonly string[];
}

/** A preview row as a table shows it, with its non-blocking warnings if the block has any. */
export interface LigneTableau extends LigneApercu {
  avertissements?: readonly { code: string; champ: string; message: string }[];
}

function sansTypename<T extends object>(o: T): Omit<T, "__typename"> {
  const { __typename: _t, ...reste } = o as T & { __typename?: string };
  return reste;
}

/**
 * The saved demande in the preview's shape (every row INCHANGEE), for when I have no draft:
 * the screen always renders an Apercu, and the first staged operation opens the draft.
 */
export function apercuDepuisDemande(d: Demande): Apercu {
  const inchangee = { etat: "INCHANGEE" as const, champsModifies: [] };
  const coordonnees = d.coordonneesBancaires ? sansTypename(d.coordonneesBancaires) : null;
  const informations = {
    courrielContact: d.courrielContact ?? null,
    scenarioInstallation: d.scenarioInstallation ?? null,
  };
  return {
    numero: d.numero,
    versionBase: d.versionCourante,
    versionCourante: d.versionCourante,
    aJour: true,
    auteur: "",
    creeLe: "",
    majLe: "",
    nombreModifications: 0,
    informations: { cle: CLE_INFORMATIONS, ...inchangee, valeurs: informations, original: informations },
    coordonneesBancaires: coordonnees
      ? { cle: CLE_COORDONNEES, ...inchangee, valeurs: coordonnees, original: coordonnees }
      : null,
    beneficiaires: d.beneficiaires.map(({ cle, avertissements, ...valeurs }) => {
      const v = sansTypename(valeurs);
      return { cle, ...inchangee, valeurs: v, original: v, avertissements };
    }),
    administrateurs: d.administrateurs.map(({ avertissements, ...valeurs }) => {
      const v = sansTypename(valeurs);
      return { cle: v.finessJuridique, ...inchangee, valeurs: v, original: v, avertissements };
    }),
    pieces: d.pieces.map((p) => ({
      cle: p.cle,
      ...inchangee,
      valeurs: { nomFichier: p.nomFichier, type: p.type, taille: p.taille },
      original: { nomFichier: p.nomFichier, type: p.type, taille: p.taille },
    })),
  };
}

/** Saved rows in the demande's order (as on the consultation screen), then added rows as staged. */
export function ordonnerLignes<L extends LigneApercu>(lignes: readonly L[], ordre: readonly string[]): L[] {
  const rang = new Map(ordre.map((cle, i) => [cle, i]));
  const position = (l: L, i: number) => rang.get(l.cle) ?? ordre.length + i;
  return lignes
    .map((l, i) => ({ l, p: position(l, i) }))
    .sort((a, b) => a.p - b.p)
    .map((x) => x.l);
}

/** My draft's preview with its rows in the demande's order. */
export function ordonnerApercu(a: Apercu, d: Demande): Apercu {
  return {
    ...a,
    beneficiaires: ordonnerLignes(
      a.beneficiaires,
      d.beneficiaires.map((b) => b.cle),
    ),
    administrateurs: ordonnerLignes(
      a.administrateurs,
      d.administrateurs.map((x) => x.finessJuridique),
    ),
    pieces: ordonnerLignes(
      a.pieces,
      d.pieces.map((p) => p.cle),
    ),
  };
}

/** Rows shown in a table (deleted rows disappear) and rows listed apart as « Lignes supprimées ». */
export function repartirLignes<L extends LigneApercu>(lignes: readonly L[]): { visibles: L[]; supprimees: L[] } {
  return {
    visibles: lignes.filter((l) => l.etat !== "SUPPRIMEE"),
    supprimees: lignes.filter((l) => l.etat === "SUPPRIMEE"),
  };
}

/** Does this cell show a pending change (green)? Every cell of an added row does. */
export function celluleModifiee(ligne: LigneApercu, champ: string): boolean {
  return ligne.etat === "AJOUTEE" || (ligne.etat === "MODIFIEE" && ligne.champsModifies.includes(champ));
}

/** Has the row a pending change that « Annuler » can revert? */
export function ligneEnAttente(ligne: LigneApercu): boolean {
  return ligne.etat !== "INCHANGEE";
}

export const ETATS_LIGNE_LABELS: Record<Exclude<EtatLigne, "INCHANGEE">, string> = {
  AJOUTEE: "Ajoutée",
  MODIFIEE: "Modifiée",
  SUPPRIMEE: "Supprimée",
};

/**
 * Pending changes per block, for the block headings. The scénario d'installation is shown (and
 * locked) with the bénéficiaires: its change counts there, the contact email's under informations.
 */
export function modificationsParBloc(a: Apercu): Record<BlocModifiable, number> {
  const n = (lignes: readonly LigneApercu[]) => lignes.filter(ligneEnAttente).length;
  const infos = a.informations.champsModifies;
  return {
    INFORMATIONS: infos.includes("courrielContact") ? 1 : 0,
    COORDONNEES_BANCAIRES: a.coordonneesBancaires && ligneEnAttente(a.coordonneesBancaires) ? 1 : 0,
    BENEFICIAIRES: n(a.beneficiaires) + (infos.includes("scenarioInstallation") ? 1 : 0),
    ADMINISTRATEURS: n(a.administrateurs),
    PIECES: n(a.pieces),
  };
}

/** FINESS juridiques of the bénéficiaires as the draft would leave them (for FINESS warnings). */
export function finessBeneficiaires(a: Apercu): string[] {
  return a.beneficiaires
    .filter((l) => l.etat !== "SUPPRIMEE")
    .map((l) => l.valeurs.finessJuridique ?? "")
    .filter((f) => f !== "");
}

/** Is the block validated and locked by a gestionnaire (read-only)? */
export function blocVerrouille(d: Pick<Demande, "blocs">, bloc: Bloc): boolean {
  return d.blocs.some((b) => b.bloc === bloc && b.verrouille);
}

/** Human name of a row, for messages: FINESS for certificates, FINESS and name for bénéficiaires… */
export function libelleLigne(a: Apercu | null, bloc: string, cle: string): string {
  switch (bloc) {
    case "ADMINISTRATEURS":
      return `ligne ${cle}`;
    case "BENEFICIAIRES": {
      const l = a?.beneficiaires.find((b) => b.cle === cle);
      if (!l) return "une ligne";
      return `ligne ${nommerLigne("BENEFICIAIRES", l.valeurs)}`;
    }
    case "PIECES": {
      const l = a?.pieces.find((p) => p.cle === cle);
      return l?.valeurs.nomFichier ? `pièce ${l.valeurs.nomFichier}` : "une pièce";
    }
    default:
      return "";
  }
}

/** Label of a block code, or the code itself. */
export function libelleBloc(bloc: string): string {
  return (BLOCS_LABELS as Record<string, string>)[bloc] ?? bloc;
}

/** « 1 modification », « 3 modifications ». */
export function nModifications(n: number): string {
  return compte(n, "modification", "modifications");
}

/** « 1 modification non confirmée », « 3 modifications non confirmées ». */
export function nModificationsNonConfirmees(n: number): string {
  return `${nModifications(n)} non confirmée${n > 1 ? "s" : ""}`;
}

/** The abandon dialog: « Votre modification non confirmée sera effacée. », « Vos 3 modifications… seront effacées. » */
export function phraseEffacement(n: number): string {
  return n > 1
    ? `Vos ${nModificationsNonConfirmees(n)} seront effacées.`
    : "Votre modification non confirmée sera effacée.";
}

/** The confirm dialog: one modification « sera enregistrée », several « seront enregistrées en une seule fois ». */
export function phraseEnregistrement(n: number): string {
  return n > 1
    ? `Les ${nModifications(n)} de tous les blocs seront enregistrées en une seule fois et formeront une nouvelle version de la demande.`
    : "La modification sera enregistrée et formera une nouvelle version de la demande.";
}

/** The modification screen's resumed draft, agreeing in number. */
export function phraseBrouillonRepris(n: number, commenceLe: string): string {
  return n > 1
    ? `Vous avez ${nModificationsNonConfirmees(n)} commencées le ${commenceLe}. Elles apparaissent en vert ci-dessous : confirmez-les ou abandonnez-les.`
    : `Vous avez ${nModificationsNonConfirmees(n)} commencée le ${commenceLe}. Elle apparaît en vert ci-dessous : confirmez-la ou abandonnez-la.`;
}

/** « 1 champ à corriger », « 2 champs à corriger ». */
export function nChampsACorriger(n: number): string {
  return `${compte(n, "champ", "champs")} à corriger`;
}

/** Columns of the administrateurs table, in SPEC §4 order. */
export const COLONNES_ADMINISTRATEUR = CHAMPS_ADMINISTRATEUR;

/** A cell as displayed: Oui / Non, Editeur / Structure, « DMP, INS »… ('' when empty). */
export function texteCellule(valeur: string | boolean | number | null | undefined): string {
  if (valeur === null || valeur === undefined) return "";
  if (typeof valeur === "boolean") return ouiNon(valeur);
  return String(valeur);
}

/** A bank field as shown in a table: the IBAN grouped by 4, as on the consultation (one formatter, shared). */
export function texteCoordonnee<V extends { iban?: string | null }>(champ: keyof V & string, v: V): string {
  const valeur = v[champ] as string | boolean | number | null | undefined;
  if (champ === "iban" && typeof valeur === "string" && valeur) return formatIban(valeur);
  return texteCellule(valeur);
}

export function texteAdministrateur(champ: keyof ValeursAdministrateur, v: ValeursAdministrateur): string {
  switch (champ) {
    case "statutAdminTechnique":
      return v.statutAdminTechnique ? STATUTS_ADMIN_TECHNIQUE_LABELS[v.statutAdminTechnique] : "";
    case "utiliteCertificat":
      return v.utiliteCertificat ? UTILITES_CERTIFICAT_LABELS[v.utiliteCertificat] : "";
    default:
      return texteCellule(v[champ]);
  }
}

export function libelleTypePiece(type: string | null | undefined): string {
  return type ? ((TYPES_PIECE_LABELS as Record<string, string>)[type] ?? type) : "";
}

// ——— a refused confirmation

/** A confirmation problem located by block, row and field, e.g. from ["ADMINISTRATEURS","330058066","numeroCarteCPX"]. */
export interface ProblemeLocalise {
  bloc: string;
  ligne: string;
  champ: string;
  message: string;
  /** « Informations sur le(s) administrateur(s) technique(s) — ligne 330058066 » (+ the field when the message lacks it) */
  lieu: string;
}

/** Problems of a refused confirmation, with block / row / field labels (errors only). */
export function problemesLocalises(problemes: readonly ProblemeServeur[], apercu: Apercu | null): ProblemeLocalise[] {
  return problemes
    .filter((p) => p.gravite === "ERREUR")
    .map((p) => {
      const [bloc = "", cle = "", champ = p.champ] = p.path;
      // Messages usually start with the field's label already (« Numéro de carte CPX : … »).
      const label = libelleChamp(champ);
      const morceaux = [
        libelleBloc(bloc),
        libelleLigne(apercu, bloc, cle),
        p.message.startsWith(label) ? "" : label,
      ].filter(Boolean);
      return { bloc, ligne: cle, champ, message: p.message, lieu: morceaux.join(" — ") };
    });
}
