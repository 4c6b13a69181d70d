import type { Client } from '@urql/core'
import { computed, readonly, shallowRef } from 'vue'
import { graphql } from '~/gql'
import type { ConnexionInput, MoiQuery, Role } from '~/gql/graphql'
import { client, resetClient } from '~/modules/urql'

export const MOI_QUERY = graphql(`
  query Moi {
    moi { nom email role numeroEditeur }
  }
`)

export const CONNEXION_MUTATION = graphql(`
  mutation Connexion($input: ConnexionInput!) {
    connexion(input: $input) {
      __typename
      ... on ConnexionSucces {
        moi { nom email role numeroEditeur }
      }
      ... on Erreur { code message }
      ... on ErreurValidation {
        problemes { champ message }
      }
    }
  }
`)

export const DECONNEXION_MUTATION = graphql(`
  mutation Deconnexion {
    deconnexion
  }
`)

export type Moi = NonNullable<MoiQuery['moi']>

export const ROLE_LABELS: Record<Role, string> = {
  GESTIONNAIRE: 'Gestionnaire',
  AUDITEUR: 'Auditeur',
  FOURNISSEUR: 'Fournisseur',
}

export const MESSAGE_SERVEUR_INJOIGNABLE = 'Le serveur ne répond pas. Veuillez réessayer dans quelques instants.'

export type ConnexionIssue =
  | { ok: true, moi: Moi }
  /** `champs`: server-side field errors, keyed by field name (email, motDePasse). */
  | { ok: false, message: string, champs: Record<string, string> }

export type SessionClient = Pick<Client, 'query' | 'mutation'>

/**
 * Session state bound to a client. `useSession()` is the app-wide instance; tests build their own.
 * `onChangementUtilisateur` runs when the user changes, so cached data of the previous one is dropped.
 */
export function createSession(getClient: () => SessionClient, onChangementUtilisateur: () => void = () => {}) {
  const moi = shallowRef<Moi | null>(null)
  /** True once the server answered, so the router guard asks only once. */
  const charge = shallowRef(false)
  let enCours: Promise<Moi | null> | null = null

  function charger(options: { force?: boolean } = {}): Promise<Moi | null> {
    if (charge.value && !options.force)
      return Promise.resolve(moi.value)
    enCours ??= (async () => {
      try {
        const result = await getClient().query(MOI_QUERY, {}, { requestPolicy: 'network-only' }).toPromise()
        moi.value = result.data?.moi ?? null
        // A network failure is not an answer: ask again on the next navigation.
        charge.value = result.data !== undefined
        return moi.value
      }
      finally {
        enCours = null
      }
    })()
    return enCours
  }

  async function connecter(input: ConnexionInput): Promise<ConnexionIssue> {
    const result = await getClient().mutation(CONNEXION_MUTATION, { input }).toPromise()
    const resultat = result.data?.connexion
    if (!resultat)
      return { ok: false, message: result.error?.networkError ? MESSAGE_SERVEUR_INJOIGNABLE : 'La connexion a échoué. Veuillez réessayer.', champs: {} }
    if (resultat.__typename === 'ConnexionSucces') {
      onChangementUtilisateur()
      moi.value = resultat.moi
      charge.value = true
      return { ok: true, moi: resultat.moi }
    }
    const champs: Record<string, string> = {}
    if (resultat.__typename === 'ErreurValidation') {
      for (const probleme of resultat.problemes)
        champs[probleme.champ] ??= probleme.message
    }
    return { ok: false, message: resultat.message, champs }
  }

  /** Logs out on the server; the local session is dropped even if the server can't be reached. */
  async function deconnecter(): Promise<void> {
    try {
      await getClient().mutation(DECONNEXION_MUTATION, {}).toPromise()
    }
    finally {
      oublier()
    }
  }

  /** Drops the local session (e.g. the server said it expired). */
  function oublier(): void {
    moi.value = null
    charge.value = true
    onChangementUtilisateur()
  }

  return {
    moi: readonly(moi),
    charge: readonly(charge),
    connecte: computed(() => moi.value !== null),
    roleLabel: computed(() => (moi.value ? ROLE_LABELS[moi.value.role] : '')),
    charger,
    connecter,
    deconnecter,
    oublier,
  }
}

export type Session = ReturnType<typeof createSession>

let session: Session | undefined

export function useSession(): Session {
  session ??= createSession(() => client.value, resetClient)
  return session
}

/** Only same-site paths are accepted as a post-login destination (no open redirect). */
export function destinationApresConnexion(redirect: unknown): string {
  const value = Array.isArray(redirect) ? redirect[0] : redirect
  if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') && !value.startsWith('/connexion'))
    return value
  return '/demandes'
}
