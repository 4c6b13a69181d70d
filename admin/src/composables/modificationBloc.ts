import { nextTick, shallowRef } from 'vue'
import type { Bloc } from '~/gql/graphql'
import type { Apercu, LigneApercu } from './brouillon'
import type { Echec, Issue } from './modification'
import { useContexteModification } from './modificationEcran'

interface Focusable { focus: () => void }

export interface OptionsEditionBloc<L extends LigneApercu> {
  bloc: Bloc
  /** « la ligne 330058066 », « la pièce facture.pdf » (announcements). */
  libelle: (ligne: L) => string
  supprimer?: (cle: string) => Promise<Issue<Apercu>>
  /** Id of the element that takes the focus when a row leaves the table (usually « Ajouter »). */
  idApresRetrait?: string
}

/**
 * What every editable block does: open its pop-in (and give the focus back on close), delete a
 * row, revert a row's pending change; failures are kept for the block's alert, success is
 * announced in the page's live region.
 */
export function useEditionBloc<L extends LigneApercu>(options: OptionsEditionBloc<L>) {
  const { modification, annoncer } = useContexteModification()
  const erreur = shallowRef<Echec | null>(null)
  /** The pop-in's subject: a row to modify, or null for « Ajouter »; undefined when closed. */
  const edition = shallowRef<{ ligne: L | null } | null>(null)
  let origine: Focusable | null = null

  function ouvrir(ligne: L | null, depuis: Focusable | null = null): void {
    erreur.value = null
    origine = depuis
    edition.value = { ligne }
  }

  async function fermer(message?: string): Promise<void> {
    edition.value = null
    if (message)
      annoncer(message)
    await nextTick()
    origine?.focus()
  }

  async function supprimer(ligne: L): Promise<void> {
    if (!options.supprimer)
      return
    erreur.value = null
    const issue = await options.supprimer(ligne.cle)
    if (!issue.ok) {
      erreur.value = issue
      return
    }
    const ajoutee = ligne.etat === 'AJOUTEE'
    const nom = options.libelle(ligne)
    annoncer(ajoutee
      ? `${majuscule(nom)} a été retirée (elle n’avait pas encore été enregistrée).`
      : `${majuscule(nom)} est supprimée : elle sera retirée à la confirmation. « Annuler » dans « Lignes supprimées » la rétablit.`)
    await nextTick()
    const id = ajoutee ? options.idApresRetrait : `annuler-suppression-${ligne.cle}`
    if (id)
      document.getElementById(id)?.focus()
  }

  async function annuler(ligne: Pick<L, 'cle'> & Partial<L>, nom: string): Promise<void> {
    erreur.value = null
    const issue = await modification.annulerOperation(options.bloc, ligne.cle)
    if (!issue.ok) {
      erreur.value = issue
      return
    }
    annoncer(`Modification de ${nom} annulée : elle est revenue à sa valeur enregistrée.`)
  }

  return { modification, erreur, edition, ouvrir, fermer, supprimer, annuler }
}

function majuscule(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
