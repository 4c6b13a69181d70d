import {
  BLOCS_LABELS,
  libelleChamp,
  messageFournisseurSchema,
  motifSchema,
  STATUTS_AVEC_MESSAGE,
  STATUTS_DEMANDE,
  STATUTS_DEMANDE_LABELS,
  type BlocValidable,
  type StatutDemande,
  TRANSITIONS_STATUT,
} from '@segur/shared'
import type { CombinedError } from '@urql/core'
import { z } from 'zod'
import { MESSAGE_SERVEUR_INJOIGNABLE } from './session'

/*
 * Gestionnaire actions on a demande: validate / reject a row, validate / unlock a block,
 * change the statut. Rules come from @segur/shared; the server checks them again.
 */

// ——— forms

/** Rejecting a row or unlocking a block: a reason is required (shared rule and messages). */
export const motifFormulaireSchema = z.object({ motif: motifSchema })
export type MotifFormulaire = z.input<typeof motifFormulaireSchema>

export function messageRequis(statut: StatutDemande | '' | null | undefined): boolean {
  return !!statut && STATUTS_AVEC_MESSAGE.includes(statut)
}

export const MESSAGES_STATUT = {
  statutRequis: 'Nouveau statut : choisissez un statut.',
  messageRequis: `${libelleChamp('messageFournisseur')} : champ obligatoire pour ce statut, il est repris dans le courriel au fournisseur.`,
} as const

/** Changing the statut: a target among the allowed transitions, and a message when it needs one. */
export function statutFormulaireSchema(courant: StatutDemande) {
  const cibles = TRANSITIONS_STATUT[courant]
  return z.object({
    statut: z.unknown().transform((v, ctx): StatutDemande => {
      if (typeof v === 'string' && (cibles as readonly string[]).includes(v))
        return v as StatutDemande
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: MESSAGES_STATUT.statutRequis })
      return courant
    }),
    message: messageFournisseurSchema,
  }).superRefine((valeurs, ctx) => {
    if (messageRequis(valeurs.statut) && !valeurs.message)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['message'], message: MESSAGES_STATUT.messageRequis })
  })
}

export interface OptionStatut {
  value: StatutDemande
  text: string
}

/** The statuts a gestionnaire may move the demande to, with their labels. */
export function optionsStatut(courant: StatutDemande): OptionStatut[] {
  return TRANSITIONS_STATUT[courant].map(value => ({ value, text: STATUTS_DEMANDE_LABELS[value] }))
}

export function estStatut(v: unknown): v is StatutDemande {
  return typeof v === 'string' && (STATUTS_DEMANDE as readonly string[]).includes(v)
}

// ——— results

/** What a mutation's union result looks like to the screen (success or one of the Erreur types). */
export interface ResultatUnion {
  __typename?: string
  code?: string
  message?: string
  path?: readonly string[] | null
  problemes?: readonly { champ: string, message: string, path?: readonly string[] | null }[]
}

export type IssueAction =
  | { ok: true }
  /** `champs`: field errors by the last segment of their path (motif, message…). */
  | { ok: false, message: string, champs: Record<string, string> }

const ECHEC = 'L’action n’a pas pu être enregistrée. Veuillez réessayer.'

/** Reads a mutation's answer: its union result, or the transport / GraphQL error. */
export function issueAction(resultat: ResultatUnion | null | undefined, erreur?: CombinedError | null): IssueAction {
  if (!resultat) {
    if (erreur?.networkError)
      return { ok: false, message: MESSAGE_SERVEUR_INJOIGNABLE, champs: {} }
    const message = erreur?.graphQLErrors[0]?.message
    return { ok: false, message: message || ECHEC, champs: {} }
  }
  if (resultat.__typename?.endsWith('Succes'))
    return { ok: true }
  const champs: Record<string, string> = {}
  const dernier = (path: readonly string[] | null | undefined) => (path && path.length > 0 ? path[path.length - 1] : undefined)
  for (const p of resultat.problemes ?? []) {
    const cle = dernier(p.path) ?? p.champ
    champs[cle] ??= p.message
  }
  const champ = dernier(resultat.path)
  if (champ && resultat.message && !resultat.problemes?.length)
    champs[champ] ??= resultat.message
  return { ok: false, message: resultat.message || ECHEC, champs }
}

// ——— texts

export function titreBloc(bloc: BlocValidable): string {
  return BLOCS_LABELS[bloc]
}

/** Accessible name of a row button: « Valider la ligne 330058066 du bloc … ». */
export function libelleActionLigne(action: 'Valider' | 'Rejeter', bloc: BlocValidable, libelleLigne: string): string {
  return `${action} la ligne ${libelleLigne} — ${BLOCS_LABELS[bloc]}`
}
