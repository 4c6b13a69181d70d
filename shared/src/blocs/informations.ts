import { BLOCS_LABELS } from "../enums.js";
import { CHAMPS_INFORMATIONS_MODIFIABLES } from "../demande/informations.js";
import type { DefinitionBloc } from "./descripteur.js";

export const BLOC_INFORMATIONS = {
  bloc: "INFORMATIONS",
  libelle: BLOCS_LABELS.INFORMATIONS,
  champs: CHAMPS_INFORMATIONS_MODIFIABLES,
  lignes: false,
  cleUnique: "demande",
  champCle: null,
  modele: "Demande",
  relation: null,
  ordre: [],
  // A version records the deposit's fields too; a draft changes only `champs`.
  champsVersionnes: [
    "numero",
    "type",
    "couloir",
    "numeroEditeur",
    "logiciel",
    "dateDepot",
    "dateCommande",
    "etatPaiement",
    "montantCentimes",
    "mandataire",
    "courrielContact",
    "scenarioInstallation",
    "referenceFournisseur",
  ],
  // The contact email falls under no lock; the scénario d'installation belongs to the
  // bénéficiaires block (SPEC §2).
  verrousParChamp: { scenarioInstallation: "BENEFICIAIRES" },
  nommerLigne: () => "Demande",
} as const satisfies DefinitionBloc;
