// Read-only block tables of a demande, shared by the consultation, history and modification
// screens. Each table takes rows ({ cle, valeurs, validation?, avertissements? }) and has an
// `actions` slot per row (a column appears only when the slot is given).
export { default as AvertissementsLigne } from './AvertissementsLigne.vue'
export { default as BadgeValidation } from './BadgeValidation.vue'
export { default as BlocCoordonnees } from './BlocCoordonnees.vue'
export { default as BlocInformations } from './BlocInformations.vue'
export { default as BlocRepliable } from './BlocRepliable.vue'
export { default as TableauAdministrateurs } from './TableauAdministrateurs.vue'
export { default as TableauBeneficiaires } from './TableauBeneficiaires.vue'
export { default as TableauBloc } from './TableauBloc.vue'
export { default as TableauCourriels } from './TableauCourriels.vue'
export { default as TableauPieces } from './TableauPieces.vue'
export type * from './types'
