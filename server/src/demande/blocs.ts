import { BLOCS_A_CLE, BLOCS_VALIDABLES, REGISTRE_BLOCS, type BlocACle, type BlocValidable } from "@segur/shared";
import { parBloc } from "../historique/champs.js";

export interface EtatBlocVue {
  bloc: string;
  verrouille: boolean;
  nombreLignes: number;
  nombreValidees: number;
  nombreRejetees: number;
}

type Lignes = { validation: string }[];

/** The demande's relation to a block's rows, as its descriptor names it. */
export type RelationDe<B extends BlocACle> = NonNullable<(typeof REGISTRE_BLOCS)[B]["relation"]>;

/** Per block of `blocs`, the same value under its relation's name (a Prisma include or select). */
const parRelation = <B extends BlocACle, T>(blocs: readonly B[], valeur: (bloc: B) => T) =>
  Object.fromEntries(blocs.map((b) => [REGISTRE_BLOCS[b].relation, valeur(b)])) as { [K in B as RelationDe<K>]: T };

/** Keyed row blocks whose rows a gestionnaire validates (only their tables have the validation columns). */
export type BlocACleValidable = Extract<BlocACle, BlocValidable>;
export const BLOCS_A_CLE_VALIDABLES = BLOCS_A_CLE.filter((b): b is BlocACleValidable => REGISTRE_BLOCS[b].validable);

/** Per keyed row block (bénéficiaires, pièces…), under its relation's name. */
export const parRelationACle = <T>(valeur: (bloc: BlocACle) => T) => parRelation(BLOCS_A_CLE, valeur);
/** Per validatable keyed row block, under its relation's name. */
export const parRelationValidable = <T>(valeur: (bloc: BlocACleValidable) => T) =>
  parRelation(BLOCS_A_CLE_VALIDABLES, valeur);

/** Rows of a keyed row block in screen order, as a Prisma `orderBy` (the descriptor's `ordre`). */
export const ordreDesLignes = (bloc: BlocACle) =>
  (REGISTRE_BLOCS[bloc].ordre as readonly string[]).map((c) => ({ [c]: "asc" as const }));

/** The rows' states every block's state is counted from: keyed row blocks under their relation. */
export type LignesDesBlocs = {
  blocs: { bloc: string; verrouille: boolean }[];
  coordonneesBancaires: { validation: string } | null;
  administrateurs: Lignes;
} & { [B in BlocACleValidable as RelationDe<B>]: Lignes };

/** Per validatable block: lock flag and counts of validated / rejected rows. */
export function etatsDesBlocs(d: LignesDesBlocs): EtatBlocVue[] {
  // A validatable block that is neither a keyed row block nor named here does not compile.
  const lignes: Record<BlocValidable, Lignes> = {
    ...parBloc(BLOCS_A_CLE_VALIDABLES, (b) => d[REGISTRE_BLOCS[b].relation]),
    COORDONNEES_BANCAIRES: d.coordonneesBancaires ? [d.coordonneesBancaires] : [],
    ADMINISTRATEURS: d.administrateurs,
  };
  return BLOCS_VALIDABLES.map((bloc) => {
    const l = lignes[bloc];
    return {
      bloc,
      verrouille: d.blocs.some((b) => b.bloc === bloc && b.verrouille),
      nombreLignes: l.length,
      nombreValidees: l.filter((x) => x.validation === "VALIDEE").length,
      nombreRejetees: l.filter((x) => x.validation === "REJETEE").length,
    };
  });
}
