import { BLOCS_LABELS } from '../enums.js';
import { CHAMPS_INFORMATIONS_MODIFIABLES } from '../demande/informations.js';
import type { DescripteurBloc } from './descripteur.js';

export const BLOC_INFORMATIONS = {
  bloc: 'INFORMATIONS',
  libelle: BLOCS_LABELS.INFORMATIONS,
  champs: CHAMPS_INFORMATIONS_MODIFIABLES,
  lignes: false,
  cleUnique: 'demande',
  champCle: null,
  validable: false,
  // The contact email falls under no lock; the scénario d'installation belongs to the
  // bénéficiaires block (SPEC §2).
  verrou: null,
  verrousParChamp: { scenarioInstallation: 'BENEFICIAIRES' },
  nommerLigne: () => 'Demande',
} as const satisfies DescripteurBloc;
