import {
  BLOCS_A_CLE,
  BLOCS_VERSIONNES,
  REGISTRE_BLOCS,
  type Bloc,
  type BlocACle,
  type BlocVersionne,
} from "@segur/shared";
import type { Prisma } from "@segur/prisma";
import { colonnesDe, type Modele } from "../commun/sql-brut.js";

/** Versioned blocks, their row key and fields (what a version records). */
/** "centimes": an amount in integer cents, read back as a bigint (it may exceed 32 and 53 bits). */
export type TypeChamp = "texte" | "booleen" | "entier" | "centimes" | "date";

export { BLOCS_A_CLE, BLOCS_VERSIONNES, type BlocACle, type BlocVersionne };

// Each descriptor's table is a model of prisma/schema.prisma and its relation one of Demande's:
// a misspelt name does not compile.
const TABLES = REGISTRE_BLOCS satisfies {
  readonly [B in Bloc]: { modele: Prisma.ModelName; relation: keyof Prisma.DemandeInclude | null };
};

/** The table of a versioned block's rows (its columns' types and whether they may be NULL: commun/sql-brut.ts). */
export const modeleDuBloc = (bloc: BlocVersionne): Modele => TABLES[bloc].modele;

/** How history writes a column of each Prisma type (dates as yyyy-mm-dd, amounts in cents). */
const TYPES_CHAMPS: Readonly<Record<string, TypeChamp>> = {
  String: "texte",
  Boolean: "booleen",
  Int: "entier",
  BigInt: "centimes",
  DateTime: "date",
};

function typesDesChamps(bloc: BlocVersionne): Readonly<Record<string, TypeChamp>> {
  const modele = modeleDuBloc(bloc);
  return Object.fromEntries(
    REGISTRE_BLOCS[bloc].champsVersionnes.map((c) => {
      const type = TYPES_CHAMPS[colonnesDe(modele).get(c)?.type ?? ""];
      if (!type) throw new Error(`Champ versionné ${bloc}.${c} : colonne absente de ${modele} ou de type inconnu.`);
      return [c, type];
    }),
  );
}

/**
 * Each versioned block's fields in the order a version records them (snapshots store rows as
 * values in this order), typed by their column in prisma/schema.prisma: declared once there and
 * in the block's descriptor.
 */
export const CHAMPS_VERSIONNES = Object.fromEntries(BLOCS_VERSIONNES.map((b) => [b, typesDesChamps(b)])) as Record<
  BlocVersionne,
  Readonly<Record<string, TypeChamp>>
>;

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
export const etatVide = (): Etat => Object.fromEntries(BLOCS_VERSIONNES.map((b) => [b, new Map()])) as Etat;

/**
 * A table row's key in history: a one-row block's fixed key, else its key field (certificates:
 * the FINESS juridique), else its `cle` column.
 */
export function cleDeLigne(bloc: BlocVersionne, row: Record<string, unknown>): string {
  const d = REGISTRE_BLOCS[bloc];
  return d.cleUnique ?? String(row[d.champCle ?? "cle"]);
}

/** Adds a table row to the state, under its key. */
export function poserLigne(etat: Etat, bloc: BlocVersionne, row: Record<string, unknown>): void {
  etat[bloc].set(cleDeLigne(bloc, row), ligneDepuis(bloc, row));
}

/** The state of one demande from its table rows, every versioned block named (none forgotten). */
export function etatDepuisLignes(lignes: Record<BlocVersionne, Iterable<Record<string, unknown>>>): Etat {
  const etat = etatVide();
  for (const b of BLOCS_VERSIONNES) for (const row of lignes[b]) poserLigne(etat, b, row);
  return etat;
}

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

/** One entry per block of `blocs`, built from the block (a dispatch table's generic part). */
export const parBloc = <B extends Bloc, T>(blocs: readonly B[], entree: (bloc: B) => T): Record<B, T> =>
  Object.fromEntries(blocs.map((b) => [b, entree(b)])) as Record<B, T>;

/** One entry per row block keyed by a generated `cle`, built from its descriptor. */
export const pourBlocsACle = <T>(entree: (bloc: BlocACle) => T): Record<BlocACle, T> => parBloc(BLOCS_A_CLE, entree);
