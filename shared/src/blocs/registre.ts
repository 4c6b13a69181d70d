import { BLOCS, BLOCS_VALIDABLES, type Bloc, type BlocValidable } from "../enums.js";
import { BLOC_ADMINISTRATEURS } from "./administrateurs.js";
import { BLOC_BENEFICIAIRES } from "./beneficiaires.js";
import { BLOC_COORDONNEES } from "./coordonnees.js";
import { BLOC_COURRIELS } from "./courriels.js";
import type { DefinitionBloc, DescripteurBloc, ValeursLigne } from "./descripteur.js";
import { BLOC_INFORMATIONS } from "./informations.js";
import { BLOC_PIECES } from "./pieces.js";

/** Every block of a demande: a block missing here does not compile. */
const DEFINITIONS = {
  INFORMATIONS: BLOC_INFORMATIONS,
  COORDONNEES_BANCAIRES: BLOC_COORDONNEES,
  BENEFICIAIRES: BLOC_BENEFICIAIRES,
  ADMINISTRATEURS: BLOC_ADMINISTRATEURS,
  PIECES: BLOC_PIECES,
  COURRIELS: BLOC_COURRIELS,
} as const satisfies { [B in Bloc]: DefinitionBloc & { bloc: B } };

type Verrou<B extends Bloc> = B extends BlocValidable ? B : null;

const estValidable = (bloc: Bloc): bloc is BlocValidable => (BLOCS_VALIDABLES as readonly Bloc[]).includes(bloc);

// BLOCS_VALIDABLES (enums.ts, read by the SPA's first screen without zod) is the one list of
// validated blocks: each descriptor's `validable` and own lock are read from it.
function decrire<B extends Bloc>(d: (typeof DEFINITIONS)[B] & { bloc: B }) {
  const validable = estValidable(d.bloc);
  const champsVersionnes: readonly string[] = "champsVersionnes" in d ? d.champsVersionnes : d.champs;
  return {
    ...d,
    validable,
    verrou: (validable ? d.bloc : null) as Verrou<B>,
    champsVersionnes,
    versionne: champsVersionnes.length > 0,
  };
}

/** A block's versioned fields: its own list, else its `champs`. */
type ChampsVersionnes<D> = D extends { champsVersionnes: infer C } ? C : D extends { champs: infer C } ? C : never;

export const REGISTRE_BLOCS = Object.fromEntries(BLOCS.map((b) => [b, decrire(DEFINITIONS[b])])) as {
  readonly [B in Bloc]: (typeof DEFINITIONS)[B] & {
    validable: boolean;
    verrou: Verrou<B>;
    champsVersionnes: ChampsVersionnes<(typeof DEFINITIONS)[B]>;
    versionne: boolean;
  };
};

/** Blocks a version records: those with fields (the emails have none). */
export type BlocVersionne = {
  [B in Bloc]: ChampsVersionnes<(typeof DEFINITIONS)[B]> extends readonly [] ? never : B;
}[Bloc];

/**
 * Row blocks keyed by a generated `cle` column (bénéficiaires, pièces): the server's generic
 * adapters read and write them from the descriptor alone.
 */
export type BlocACle = {
  [B in BlocVersionne]: (typeof DEFINITIONS)[B] extends { lignes: true; champCle: null } ? B : never;
}[BlocVersionne];

export const BLOCS_VERSIONNES = BLOCS.filter((b): b is BlocVersionne => REGISTRE_BLOCS[b].versionne);
export const BLOCS_A_CLE = BLOCS_VERSIONNES.filter(
  (b): b is BlocACle => REGISTRE_BLOCS[b].lignes && REGISTRE_BLOCS[b].champCle === null,
);

/** The descriptors in screen order. */
export const DESCRIPTEURS_BLOCS: readonly DescripteurBloc[] = BLOCS.map((b) => REGISTRE_BLOCS[b]);

export function descripteurBloc(bloc: Bloc): DescripteurBloc {
  return REGISTRE_BLOCS[bloc];
}

/** Row key of the bank details (one row at most). */
export const CLE_COORDONNEES = BLOC_COORDONNEES.cleUnique;
/** Row key of the demande's own fields in history and drafts. */
export const CLE_INFORMATIONS = BLOC_INFORMATIONS.cleUnique;

/**
 * The lock a change of these fields of the block falls under: the block's own, else the lock
 * of the first field covered by another block's (the scénario follows the bénéficiaires), else none.
 */
export function blocDuVerrou(bloc: Bloc, champs: readonly string[]): BlocValidable | null {
  const d = descripteurBloc(bloc);
  if (d.verrou) return d.verrou;
  for (const c of champs) {
    const v = Object.prototype.hasOwnProperty.call(d.verrousParChamp, c) ? d.verrousParChamp[c] : undefined;
    if (v) return v;
  }
  return null;
}

/** How a person names a row of the block (empty when the block's label says it all). */
export function nommerLigne(bloc: Bloc, valeurs: ValeursLigne): string {
  return descripteurBloc(bloc).nommerLigne(valeurs);
}
