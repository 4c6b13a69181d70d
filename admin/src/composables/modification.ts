import { libelleChamp } from '@segur/shared'
import { graphql } from '~/gql'
import { type Apercu, libelleBloc, libelleLigne } from './brouillon'

/*
 * What the server answers to each draft operation, turned into what the screen shows:
 * the new draft, field errors for the pop-in's fields, or one message per error type.
 */

export const ERREUR_FRAGMENT = graphql(`
  fragment ModificationErreur on Erreur {
    code message path
    ... on ErreurValidation { problemes { champ message path code gravite } }
    ... on ErreurConflit { versionActuelle }
    ... on ErreurVerrouillage { bloc }
  }
`)

export const ADMINISTRATEUR_AJOUTER = graphql(`
  mutation ModificationAdministrateurAjouter($input: AdministrateurAjouterInput!) {
    resultat: administrateurAjouter(input: $input) {
      __typename
      ... on AdministrateurAjouterSucces { brouillon { ...ModificationApercu } }
      ...ModificationErreur
    }
  }
`)

export const ADMINISTRATEUR_MODIFIER = graphql(`
  mutation ModificationAdministrateurModifier($input: AdministrateurModifierInput!) {
    resultat: administrateurModifier(input: $input) {
      __typename
      ... on AdministrateurModifierSucces { brouillon { ...ModificationApercu } }
      ...ModificationErreur
    }
  }
`)

export const ADMINISTRATEUR_SUPPRIMER = graphql(`
  mutation ModificationAdministrateurSupprimer($input: AdministrateurSupprimerInput!) {
    resultat: administrateurSupprimer(input: $input) {
      __typename
      ... on AdministrateurSupprimerSucces { brouillon { ...ModificationApercu } }
      ...ModificationErreur
    }
  }
`)

export const BENEFICIAIRE_AJOUTER = graphql(`
  mutation ModificationBeneficiaireAjouter($input: BeneficiaireAjouterInput!) {
    resultat: beneficiaireAjouter(input: $input) {
      __typename
      ... on BeneficiaireAjouterSucces { brouillon { ...ModificationApercu } }
      ...ModificationErreur
    }
  }
`)

export const BENEFICIAIRE_MODIFIER = graphql(`
  mutation ModificationBeneficiaireModifier($input: BeneficiaireModifierInput!) {
    resultat: beneficiaireModifier(input: $input) {
      __typename
      ... on BeneficiaireModifierSucces { brouillon { ...ModificationApercu } }
      ...ModificationErreur
    }
  }
`)

export const BENEFICIAIRE_SUPPRIMER = graphql(`
  mutation ModificationBeneficiaireSupprimer($input: BeneficiaireSupprimerInput!) {
    resultat: beneficiaireSupprimer(input: $input) {
      __typename
      ... on BeneficiaireSupprimerSucces { brouillon { ...ModificationApercu } }
      ...ModificationErreur
    }
  }
`)

export const COORDONNEES_MODIFIER = graphql(`
  mutation ModificationCoordonneesModifier($input: CoordonneesBancairesModifierInput!) {
    resultat: coordonneesBancairesModifier(input: $input) {
      __typename
      ... on CoordonneesBancairesModifierSucces { brouillon { ...ModificationApercu } }
      ...ModificationErreur
    }
  }
`)

export const INFORMATIONS_MODIFIER = graphql(`
  mutation ModificationInformationsModifier($input: InformationsModifierInput!) {
    resultat: informationsModifier(input: $input) {
      __typename
      ... on InformationsModifierSucces { brouillon { ...ModificationApercu } }
      ...ModificationErreur
    }
  }
`)

export const PIECE_AJOUTER = graphql(`
  mutation ModificationPieceAjouter($input: PieceAjouterInput!) {
    resultat: pieceAjouter(input: $input) {
      __typename
      ... on PieceAjouterSucces { brouillon { ...ModificationApercu } }
      ...ModificationErreur
    }
  }
`)

export const PIECE_SUPPRIMER = graphql(`
  mutation ModificationPieceSupprimer($input: PieceSupprimerInput!) {
    resultat: pieceSupprimer(input: $input) {
      __typename
      ... on PieceSupprimerSucces { brouillon { ...ModificationApercu } }
      ...ModificationErreur
    }
  }
`)

export const OPERATION_ANNULER = graphql(`
  mutation ModificationOperationAnnuler($input: BrouillonOperationAnnulerInput!) {
    resultat: brouillonOperationAnnuler(input: $input) {
      __typename
      ... on BrouillonOperationAnnulerSucces { brouillon { ...ModificationApercu } }
      ...ModificationErreur
    }
  }
`)

export const BROUILLON_REBASER = graphql(`
  mutation ModificationBrouillonRebaser($input: BrouillonRebaserInput!) {
    resultat: brouillonRebaser(input: $input) {
      __typename
      ... on BrouillonRebaserSucces { brouillon { ...ModificationApercu } }
      ...ModificationErreur
    }
  }
`)

export const BROUILLON_ABANDONNER = graphql(`
  mutation ModificationBrouillonAbandonner($input: BrouillonAbandonnerInput!) {
    resultat: brouillonAbandonner(input: $input) {
      __typename
      ... on BrouillonAbandonnerSucces { abandonne }
      ...ModificationErreur
    }
  }
`)

export const BROUILLON_CONFIRMER = graphql(`
  mutation ModificationBrouillonConfirmer($input: BrouillonConfirmerInput!) {
    resultat: brouillonConfirmer(input: $input) {
      __typename
      ... on BrouillonConfirmerSucces { confirmation { version { numero } } }
      ...ModificationErreur
    }
  }
`)

/** A problem as the server sends it (ErreurValidation.problemes). */
export interface ProblemeServeur {
  champ: string
  message: string
  path: readonly string[]
  code: string
  gravite: string
}

/** Any member of a mutation's result union, read structurally. */
export interface ResultatServeur {
  __typename: string
  brouillon?: Apercu
  code?: string
  message?: string
  path?: readonly string[] | null
  problemes?: readonly ProblemeServeur[]
  versionActuelle?: number
  bloc?: string
}

export type TypeErreur = 'VALIDATION' | 'CONFLIT' | 'VERROUILLAGE' | 'ETAT' | 'INTROUVABLE' | 'AUTORISATION' | 'RESEAU'

/** Why an operation failed, ready to show. `champs`: field name → first error message. */
export interface Echec {
  ok: false
  type: TypeErreur
  titre: string
  message: string
  champs: Record<string, string>
  problemes: readonly ProblemeServeur[]
  versionActuelle?: number
  bloc?: string
}

export type Issue<T> = { ok: true, valeur: T } | Echec

export const MESSAGE_RESEAU = 'Le serveur ne répond pas : rien n’a été perdu, veuillez réessayer dans quelques instants.'

const TYPES: Record<string, TypeErreur> = {
  ErreurValidation: 'VALIDATION',
  ErreurConflit: 'CONFLIT',
  ErreurVerrouillage: 'VERROUILLAGE',
  ErreurEtat: 'ETAT',
  ErreurIntrouvable: 'INTROUVABLE',
  ErreurAutorisation: 'AUTORISATION',
}

const TITRES: Record<TypeErreur, string> = {
  VALIDATION: 'Des informations sont à corriger',
  CONFLIT: 'Une nouvelle version a été enregistrée entre-temps',
  VERROUILLAGE: 'Bloc verrouillé',
  ETAT: 'Modification impossible',
  INTROUVABLE: 'Demande introuvable',
  AUTORISATION: 'Action non autorisée',
  RESEAU: 'Serveur injoignable',
}

/**
 * Field errors of a staging operation: problems whose path is ["input", "valeurs", champ]
 * (or ["input", champ]) land on the pop-in's field of that name, first message wins.
 */
export function problemesVersChamps(problemes: readonly ProblemeServeur[], champsConnus: readonly string[]): Record<string, string> {
  const champs: Record<string, string> = {}
  for (const p of problemes) {
    if (p.gravite !== 'ERREUR')
      continue
    const dernier = p.path.at(-1)
    const champ = dernier && champsConnus.includes(dernier) ? dernier : champsConnus.includes(p.champ) ? p.champ : null
    if (champ)
      champs[champ] ??= p.message
  }
  return champs
}

/** The message shown for each error type; the server's own message is always French and precise. */
export function echecDepuis(r: ResultatServeur, champsConnus: readonly string[] = []): Echec {
  const type = TYPES[r.__typename] ?? 'ETAT'
  const problemes = r.problemes ?? []
  let message = r.message ?? 'L’opération a échoué.'
  if (type === 'CONFLIT' && r.versionActuelle !== undefined) {
    message = `Quelqu’un a enregistré une nouvelle version (${r.versionActuelle}) de la demande depuis le début de vos modifications. `
      + 'Vos modifications sont conservées : reprenez-les sur la dernière version, vérifiez-les, puis confirmez à nouveau.'
  }
  else if (type === 'VERROUILLAGE' && r.bloc) {
    message = `Le bloc « ${libelleBloc(r.bloc)} » a été validé et verrouillé par un gestionnaire : ses modifications ne peuvent pas être enregistrées. `
      + 'Annulez-les (vos autres modifications sont conservées) ou demandez le déverrouillage du bloc.'
  }
  return {
    ok: false,
    type,
    titre: TITRES[type],
    message,
    champs: problemesVersChamps(problemes, champsConnus),
    problemes,
    ...(r.versionActuelle !== undefined ? { versionActuelle: r.versionActuelle } : {}),
    ...(r.bloc ? { bloc: r.bloc } : {}),
  }
}

export function echecReseau(): Echec {
  return { ok: false, type: 'RESEAU', titre: TITRES.RESEAU, message: MESSAGE_RESEAU, champs: {}, problemes: [] }
}

/** A confirmation problem located by block, row and field, e.g. from ["ADMINISTRATEURS","330058066","numeroCarteCPX"]. */
export interface ProblemeLocalise {
  bloc: string
  ligne: string
  champ: string
  message: string
  /** « Informations sur le(s) administrateur(s) technique(s) — ligne 330058066 » (+ the field when the message lacks it) */
  lieu: string
}

/** Problems of a refused confirmation, with block / row / field labels (errors only). */
export function problemesLocalises(problemes: readonly ProblemeServeur[], apercu: Apercu | null): ProblemeLocalise[] {
  return problemes
    .filter(p => p.gravite === 'ERREUR')
    .map((p) => {
      const [bloc = '', cle = '', champ = p.champ] = p.path
      // Messages usually start with the field's label already (« Numéro de carte CPX : … »).
      const label = libelleChamp(champ)
      const morceaux = [libelleBloc(bloc), libelleLigne(apercu, bloc, cle), p.message.startsWith(label) ? '' : label].filter(Boolean)
      return { bloc, ligne: cle, champ, message: p.message, lieu: morceaux.join(' — ') }
    })
}
