/** Header of the last column of a block table: the row's validation state and / or its actions. */
export function enteteEtat(validation: boolean, actions: boolean): string {
  if (validation && actions)
    return 'Validation et actions'
  return validation ? 'Validation' : 'Actions'
}
