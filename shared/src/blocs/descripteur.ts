import type { Bloc, BlocValidable } from "../enums.js";

/** Field values as a row reads them (history text, preview or typed values). */
export type ValeursLigne = Readonly<Record<string, string | boolean | number | null | undefined>>;

/** What every layer needs to know of one block of a demande. */
export interface DescripteurBloc {
  bloc: Bloc;
  libelle: string;
  /** Fields a draft writes (and a version records for it); empty for a read-only block. */
  champs: readonly string[];
  /** Several rows, each with its own key (false: one row at most, keyed by `cleUnique`). */
  lignes: boolean;
  /** Key of the single row of a one-row block (null for row blocks). */
  cleUnique: string | null;
  /** Field that is the key of a row when it is one of the values (certificates: the FINESS juridique). */
  champCle: string | null;
  /** Prisma model holding the rows (its SQL table too); the informations block is the demande's own row. */
  modele: string;
  /** The demande's relation to the rows (null: the demande itself). */
  relation: string | null;
  /** Columns ordering the rows on screen (and an added row's place). */
  ordre: readonly string[];
  /** Fields a version records: `champs`, or more for a block a draft changes only in part (the demande's own). */
  champsVersionnes: readonly string[];
  /** Recorded by versions (the emails are not: the outbox writes them). */
  versionne: boolean;
  /** A gestionnaire validates its rows one by one and the block locks. */
  validable: boolean;
  /** Lock covering the whole block (itself when validable), or null. */
  verrou: BlocValidable | null;
  /** Fields covered by another block's lock (the scénario follows the bénéficiaires). */
  verrousParChamp: Readonly<Record<string, BlocValidable>>;
  /** How a person names one row (messages, history); empty when nothing better than the block's label. */
  nommerLigne: (valeurs: ValeursLigne) => string;
}

/**
 * What a block's own file writes: whether it is validated (and locks) follows BLOCS_VALIDABLES;
 * its versioned fields are its `champs` unless it lists them, and a block without fields is not versioned.
 */
export type DefinitionBloc = Omit<DescripteurBloc, "validable" | "verrou" | "champsVersionnes" | "versionne"> & {
  champsVersionnes?: readonly string[];
};

/** Non-empty values joined by « — ». */
export const joindre = (...morceaux: unknown[]): string =>
  morceaux.filter((m) => m !== null && m !== undefined && m !== "").join(" — ");
