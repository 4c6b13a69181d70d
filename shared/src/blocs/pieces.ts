import { BLOCS_LABELS } from "../enums.js";
import type { DefinitionBloc } from "./descripteur.js";

export const BLOC_PIECES = {
  bloc: "PIECES",
  libelle: BLOCS_LABELS.PIECES,
  // A pièce is added or deleted whole (its file), never edited field by field.
  champs: ["nomFichier", "type", "taille", "sha256"],
  lignes: true,
  cleUnique: null,
  champCle: null,
  modele: "PieceJustificative",
  relation: "pieces",
  ordre: ["id"],
  verrousParChamp: {},
  nommerLigne: (v) => String(v.nomFichier ?? ""),
} as const satisfies DefinitionBloc;
