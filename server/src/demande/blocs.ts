import { BLOCS_VALIDABLES, type BlocValidable } from "@segur/shared";

export interface EtatBlocVue {
  bloc: string;
  verrouille: boolean;
  nombreLignes: number;
  nombreValidees: number;
  nombreRejetees: number;
}

type Lignes = { validation: string }[];

/** Per validatable block: lock flag and counts of validated / rejected rows. */
export function etatsDesBlocs(d: {
  blocs: { bloc: string; verrouille: boolean }[];
  coordonneesBancaires: { validation: string } | null;
  beneficiaires: Lignes;
  administrateurs: Lignes;
  pieces: Lignes;
}): EtatBlocVue[] {
  // A validatable block without its rows here does not compile.
  const lignes: Record<BlocValidable, Lignes> = {
    COORDONNEES_BANCAIRES: d.coordonneesBancaires ? [d.coordonneesBancaires] : [],
    BENEFICIAIRES: d.beneficiaires,
    ADMINISTRATEURS: d.administrateurs,
    PIECES: d.pieces,
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
