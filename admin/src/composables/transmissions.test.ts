import { CombinedError } from '@urql/core'
import { describe, expect, it } from 'vitest'
import {
  formatCreeLe,
  issueCreationLot,
  legendeLots,
  libelleATransmettre,
  libelleDemandes,
  libelleMarquees,
  libelleTelechargement,
  telechargementsLot,
  lotFormulaireSchema,
  messageLotCree,
  variablesLots,
} from './transmissions'
import { PAGE_INITIALE } from './pagination'

const LOT = {
  numero: 'LOT-20261125-001',
  creeLe: '2026-11-25T10:34:00.000Z',
  auteur: 'Camille Martin',
  commentaire: null,
  nombre: 3,
  urlCsv: '/lots/LOT-20261125-001.csv',
  urlXlsx: '/lots/LOT-20261125-001.xlsx',
  urlJson: '/lots/LOT-20261125-001.json',
}

describe('page of the batches', () => {
  it('asks 20 batches a page, forwards or backwards', () => {
    expect(variablesLots(PAGE_INITIALE)).toEqual({ first: 20, after: null })
    expect(variablesLots({ page: 2, apres: null, avant: 'debut' })).toEqual({ last: 20, before: 'debut' })
  })
})

describe('creation form', () => {
  it('accepts no comment, trims it, and limits it to 500 characters (shared rule)', () => {
    expect(lotFormulaireSchema.parse({ commentaire: '  ' })).toEqual({ commentaire: null })
    expect(lotFormulaireSchema.parse({ commentaire: ' Envoi de novembre ' })).toEqual({ commentaire: 'Envoi de novembre' })
    const r = lotFormulaireSchema.safeParse({ commentaire: 'x'.repeat(501) })
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.message).toBe('Commentaire : 500 caractères au maximum.')
  })
})

describe('mutation answer', () => {
  it('gives the new batch on success', () => {
    expect(issueCreationLot({ __typename: 'LotTransmissionCreerSucces', lot: LOT })).toEqual({ ok: true, lot: LOT })
  })

  it('gives LOT_VIDE as a message, with its code', () => {
    expect(issueCreationLot({ __typename: 'ErreurEtat', code: 'LOT_VIDE', message: 'Aucune demande de certificat validée à transmettre : aucun lot n’a été créé.', path: null }))
      .toEqual({ ok: false, code: 'LOT_VIDE', message: 'Aucune demande de certificat validée à transmettre : aucun lot n’a été créé.', champs: {} })
  })

  it('puts a too-long comment on the field', () => {
    const issue = issueCreationLot({
      __typename: 'ErreurValidation', code: 'VALIDATION', message: 'Données invalides', path: null,
      problemes: [{ champ: 'commentaire', message: 'Commentaire : 500 caractères au maximum.', path: ['input', 'commentaire'] }],
    })
    expect(issue).toMatchObject({ ok: false, code: 'VALIDATION', champs: { commentaire: 'Commentaire : 500 caractères au maximum.' } })
  })

  it('reads transport and GraphQL errors', () => {
    expect(issueCreationLot(null, new CombinedError({ networkError: new Error('down') }))).toMatchObject({ ok: false, code: null })
    expect(issueCreationLot(undefined, new CombinedError({ graphQLErrors: ['Interdit'] }))).toEqual({ ok: false, code: null, message: 'Interdit', champs: {} })
  })
})

describe('texts', () => {
  it('counts the requests to send in French', () => {
    expect(libelleATransmettre(0)).toBe('Aucune demande de certificat validée à transmettre')
    expect(libelleATransmettre(1)).toBe('1 demande de certificat validée à transmettre')
    expect(libelleATransmettre(1234)).toBe(`${(1234).toLocaleString('fr-FR')} demandes de certificat validées à transmettre`)
    expect(libelleMarquees(1)).toBe('1 demande sera marquée transmise')
    expect(libelleMarquees(3)).toBe('3 demandes seront marquées transmises')
    expect(libelleDemandes(1)).toBe('1 demande')
  })

  it('names the batch, its downloads and the table', () => {
    expect(messageLotCree(LOT)).toBe('Lot LOT-20261125-001 créé : 3 demandes')
    expect(libelleTelechargement(LOT.numero, 'CSV')).toBe('Télécharger le lot LOT-20261125-001 en CSV')
    expect(telechargementsLot(LOT)).toEqual([
      { format: 'CSV', url: LOT.urlCsv, libelle: 'Télécharger le lot LOT-20261125-001 en CSV' },
      { format: 'XLSX', url: LOT.urlXlsx, libelle: 'Télécharger le lot LOT-20261125-001 en XLSX' },
      { format: 'JSON', url: LOT.urlJson, libelle: 'Télécharger le lot LOT-20261125-001 en JSON' },
    ])
    expect(legendeLots(1, 1, 1)).toBe('Lots de transmission — 1 lot, page 1 sur 1, du plus récent au plus ancien')
  })

  it('dates a batch dd/mm/yyyy HH:mm in Paris time', () => {
    expect(formatCreeLe(LOT.creeLe)).toBe('25/11/2026 11:34')
    expect(formatCreeLe('2026-07-01T22:05:00Z')).toBe('02/07/2026 00:05')
    expect(formatCreeLe(null)).toBe('')
    expect(formatCreeLe('n’importe quoi')).toBe('')
  })
})
