import { BLOCS_LABELS } from "../enums.js";
import { CHAMPS_ADMINISTRATEUR } from "../certificat/administrateur.js";
import type { DefinitionBloc } from "./descripteur.js";

export const BLOC_ADMINISTRATEURS = {
  bloc: "ADMINISTRATEURS",
  libelle: BLOCS_LABELS.ADMINISTRATEURS,
  champs: CHAMPS_ADMINISTRATEUR,
  lignes: true,
  cleUnique: null,
  // One certificate per FINESS juridique: it is the row's key.
  champCle: "finessJuridique",
  modele: "AdministrateurTechnique",
  relation: "administrateurs",
  ordre: ["ordre", "id"],
  verrousParChamp: {},
  nommerLigne: (v) => String(v.finessJuridique ?? ""),
} as const satisfies DefinitionBloc;
