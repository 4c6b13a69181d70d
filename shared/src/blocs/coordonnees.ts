import { BLOCS_LABELS } from "../enums.js";
import type { DefinitionBloc } from "./descripteur.js";

/** The bank fields, in screen order: the one list every layer reads. */
export const CHAMPS_COORDONNEES = ["iban", "bic", "titulaire", "domiciliation"] as const;
export type ChampCoordonnees = (typeof CHAMPS_COORDONNEES)[number];

export const BLOC_COORDONNEES = {
  bloc: "COORDONNEES_BANCAIRES",
  libelle: BLOCS_LABELS.COORDONNEES_BANCAIRES,
  champs: CHAMPS_COORDONNEES,
  lignes: false,
  cleUnique: "coordonnees",
  champCle: null,
  modele: "CoordonneesBancaires",
  relation: "coordonneesBancaires",
  ordre: [],
  verrousParChamp: {},
  nommerLigne: () => "",
} as const satisfies DefinitionBloc;
