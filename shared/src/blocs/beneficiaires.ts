import { BLOCS_LABELS } from "../enums.js";
import { CHAMPS_BENEFICIAIRE } from "../demande/beneficiaire.js";
import { joindre, type DefinitionBloc } from "./descripteur.js";

export const BLOC_BENEFICIAIRES = {
  bloc: "BENEFICIAIRES",
  libelle: BLOCS_LABELS.BENEFICIAIRES,
  champs: CHAMPS_BENEFICIAIRE,
  lignes: true,
  cleUnique: null,
  champCle: null,
  modele: "Beneficiaire",
  relation: "beneficiaires",
  ordre: ["ordre", "id"],
  verrousParChamp: {},
  // The generated key says nothing to a person: the FINESS juridique and the responsable do.
  nommerLigne: (v) => joindre(v.finessJuridique, v.nomResponsable),
} as const satisfies DefinitionBloc;
