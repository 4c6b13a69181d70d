import { CHAMPS_COORDONNEES, DESCRIPTEURS_BLOCS, type ChampCoordonnees } from "@segur/shared";

/** Versioned blocks, their row key and fields (what a version records). */
/** "centimes": an amount in integer cents, read back as a bigint (it may exceed 32 and 53 bits). */
export type TypeChamp = "texte" | "booleen" | "entier" | "centimes" | "date";

export const CHAMPS_VERSIONNES = {
  INFORMATIONS: {
    numero: "texte",
    type: "texte",
    couloir: "texte",
    numeroEditeur: "texte",
    logiciel: "texte",
    dateDepot: "date",
    dateCommande: "date",
    etatPaiement: "texte",
    montantCentimes: "centimes",
    mandataire: "booleen",
    courrielContact: "texte",
    scenarioInstallation: "texte",
    referenceFournisseur: "texte",
  },
  // Every bank field is text: the registry's one list.
  COORDONNEES_BANCAIRES: Object.fromEntries(CHAMPS_COORDONNEES.map((c) => [c, "texte"])) as Record<
    ChampCoordonnees,
    "texte"
  >,
  BENEFICIAIRES: {
    nomResponsable: "texte",
    emailResponsable: "texte",
    telResponsable: "texte",
    finessJuridique: "texte",
    finessGeographique: "texte",
    presentSolde: "booleen",
    ancienneVersion: "texte",
    maitreIdentite: "texte",
    stockageIdentite: "texte",
    operateurMessagerie: "texte",
  },
  ADMINISTRATEURS: {
    finessJuridique: "texte",
    contractualisationOG: "booleen",
    statutAdminTechnique: "texte",
    contractualisationEditeur: "booleen",
    numeroCarteCPX: "texte",
    nomAdminTechnique: "texte",
    telAdminTechnique: "texte",
    emailAdminTechnique: "texte",
    utiliteCertificat: "texte",
  },
  PIECES: { nomFichier: "texte", type: "texte", taille: "entier", sha256: "texte" },
} as const satisfies Record<string, Record<string, TypeChamp>>;

export type BlocVersionne = keyof typeof CHAMPS_VERSIONNES;
export const BLOCS_VERSIONNES = Object.keys(CHAMPS_VERSIONNES) as BlocVersionne[];
/**
 * Blocks a draft can change. Of the informations block, only CHAMPS_INFORMATIONS_MODIFIABLES
 * (shared), by modification: the rest comes from the deposit.
 */
export type BlocEditable = BlocVersionne;
export { CLE_COORDONNEES, CLE_INFORMATIONS } from "@segur/shared";

/** Field values are kept as text in history ("true"/"false", digits, yyyy-mm-dd), null as null. */
export type Valeur = string | null;
export type Ligne = Record<string, Valeur>;
/**
 * Rows by key in a Map: keys come from clients (`__proto__`, `constructor`… are ordinary keys
 * here, never a plain object's inherited members).
 */
export type Etat = Record<BlocVersionne, Map<string, Ligne>>;

/** One empty map per versioned block, in the registry's screen order. */
export const etatVide = (): Etat =>
  Object.fromEntries(
    DESCRIPTEURS_BLOCS.filter((d) => d.bloc in CHAMPS_VERSIONNES).map((d) => [d.bloc, new Map()]),
  ) as Etat;

/** A copy whose rows can be changed without touching the original. */
export const copierEtat = (etat: Etat): Etat =>
  Object.fromEntries(
    BLOCS_VERSIONNES.map((b) => [b, new Map([...etat[b]].map(([cle, l]) => [cle, { ...l }]))]),
  ) as Etat;

export function enTexte(v: unknown): Valeur {
  if (v === null || v === undefined || v === "") return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/** Typed value of a history text, for writing back to a row. */
export function depuisTexte(type: TypeChamp, v: Valeur): string | number | bigint | boolean | Date | null {
  if (v === null) return null;
  if (type === "booleen") return v === "true";
  if (type === "entier") return Number(v);
  if (type === "centimes") return /^-?\d+$/.test(v) ? BigInt(v) : null;
  if (type === "date") return new Date(`${v}T00:00:00.000Z`);
  return v;
}

/** A row's text values typed back per field (for validators and database writes). */
export function ligneTypee(
  bloc: BlocVersionne,
  l: Ligne,
): Record<string, string | number | bigint | boolean | Date | null> {
  return Object.fromEntries(Object.entries(CHAMPS_VERSIONNES[bloc]).map(([c, t]) => [c, depuisTexte(t, l[c] ?? null)]));
}

/** Projects a database row onto a block's versioned fields, as text. */
export function ligneDepuis(bloc: BlocVersionne, row: Record<string, unknown>): Ligne {
  const out: Ligne = {};
  for (const champ of Object.keys(CHAMPS_VERSIONNES[bloc])) out[champ] = enTexte(row[champ]);
  return out;
}
