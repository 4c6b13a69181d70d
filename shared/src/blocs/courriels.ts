import { BLOCS_LABELS } from "../enums.js";
import type { DefinitionBloc } from "./descripteur.js";

/** The automatic emails sent: read-only, written by the outbox. */
export const BLOC_COURRIELS = {
  bloc: "COURRIELS",
  libelle: BLOCS_LABELS.COURRIELS,
  champs: [],
  lignes: true,
  cleUnique: null,
  champCle: null,
  modele: "Courriel",
  relation: "courriels",
  // Newest first: its one read (demande/types.ts) orders them.
  ordre: [],
  verrousParChamp: {},
  nommerLigne: () => "",
} as const satisfies DefinitionBloc;
