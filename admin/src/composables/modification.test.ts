import { describe, expect, it } from 'vitest'
import { brouillonExemple } from './modification.fixtures'
import { echecDepuis, MESSAGE_RESEAU, echecReseau, type ProblemeServeur, problemesLocalises, problemesVersChamps } from './modification'

const probleme = (p: Partial<ProblemeServeur>): ProblemeServeur =>
  ({ champ: 'numeroCarteCPX', message: 'm', path: ['input', 'valeurs', 'numeroCarteCPX'], code: 'REQUIS', gravite: 'ERREUR', ...p })

const CHAMPS = ['finessJuridique', 'numeroCarteCPX', 'nomAdminTechnique']

describe('problemesVersChamps', () => {
  it('puts each error on the field named at the end of its path, first message wins', () => {
    const champs = problemesVersChamps([
      probleme({ message: 'CPX requis' }),
      probleme({ message: 'second' }),
      probleme({ champ: 'finessJuridique', path: ['input', 'valeurs', 'finessJuridique'], code: 'DOUBLON_FINESS', message: 'déjà demandé' }),
    ], CHAMPS)
    expect(champs).toEqual({ numeroCarteCPX: 'CPX requis', finessJuridique: 'déjà demandé' })
  })

  it('ignores warnings and fields the pop-in does not have', () => {
    const champs = problemesVersChamps([
      probleme({ gravite: 'AVERTISSEMENT', message: 'clé' }),
      probleme({ champ: 'numero', path: ['input', 'numero'], message: 'inconnu' }),
    ], CHAMPS)
    expect(champs).toEqual({})
  })

  it('falls back on the problem\'s field name when the path is elsewhere', () => {
    expect(problemesVersChamps([probleme({ path: [], champ: 'nomAdminTechnique', message: 'lettres' })], CHAMPS))
      .toEqual({ nomAdminTechnique: 'lettres' })
  })
})

describe('echecDepuis', () => {
  it('maps a validation error onto the fields', () => {
    const e = echecDepuis({
      __typename: 'ErreurValidation',
      code: 'VALIDATION',
      message: '1 erreur(s) à corriger.',
      problemes: [probleme({ message: 'Numéro de carte CPX : obligatoire…' })],
    }, CHAMPS)
    expect(e).toMatchObject({ ok: false, type: 'VALIDATION', champs: { numeroCarteCPX: 'Numéro de carte CPX : obligatoire…' } })
  })

  it('says a new version exists, with its number, and that nothing is lost', () => {
    const e = echecDepuis({ __typename: 'ErreurConflit', code: 'CONFLIT_VERSION', message: 'x', versionActuelle: 5 })
    expect(e.type).toBe('CONFLIT')
    expect(e.versionActuelle).toBe(5)
    expect(e.message).toContain('Quelqu’un a enregistré une nouvelle version (5)')
    expect(e.message).toContain('Vos modifications sont conservées')
  })

  it('names the locked block', () => {
    const e = echecDepuis({ __typename: 'ErreurVerrouillage', code: 'BLOC_VERROUILLE', message: 'x', bloc: 'ADMINISTRATEURS' })
    expect(e.type).toBe('VERROUILLAGE')
    expect(e.message).toContain('« Informations sur le(s) administrateur(s) technique(s) »')
  })

  it('keeps the server\'s message for state, authorisation and not-found errors', () => {
    const message = 'Une demande décidée ne peut plus être modifiée.'
    expect(echecDepuis({ __typename: 'ErreurEtat', code: 'STATUT_NON_MODIFIABLE', message })).toMatchObject({ type: 'ETAT', message, titre: 'Modification impossible' })
    expect(echecDepuis({ __typename: 'ErreurAutorisation', code: 'NON_AUTORISE', message: 'Non.' })).toMatchObject({ type: 'AUTORISATION', message: 'Non.' })
    expect(echecDepuis({ __typename: 'ErreurIntrouvable', code: 'INTROUVABLE', message: 'Introuvable.' })).toMatchObject({ type: 'INTROUVABLE' })
  })

  it('has a message for an unreachable server', () => {
    expect(echecReseau()).toMatchObject({ type: 'RESEAU', message: MESSAGE_RESEAU })
  })
})

describe('problemesLocalises', () => {
  it('labels block, row and field of each problem of a refused confirmation', () => {
    const a = brouillonExemple()
    const liste = problemesLocalises([
      probleme({ path: ['ADMINISTRATEURS', '330058066', 'numeroCarteCPX'], message: 'Numéro de carte CPX : obligatoire lorsque…' }),
      probleme({ path: ['BENEFICIAIRES', 'b-1', 'emailResponsable'], champ: 'emailResponsable', message: 'adresse invalide' }),
      probleme({ path: ['ADMINISTRATEURS', '330058066', 'telAdminTechnique'], gravite: 'AVERTISSEMENT' }),
    ], a)
    expect(liste).toEqual([
      {
        bloc: 'ADMINISTRATEURS',
        ligne: '330058066',
        champ: 'numeroCarteCPX',
        message: 'Numéro de carte CPX : obligatoire lorsque…',
        lieu: 'Informations sur le(s) administrateur(s) technique(s) — ligne 330058066',
      },
      {
        bloc: 'BENEFICIAIRES',
        ligne: 'b-1',
        champ: 'emailResponsable',
        message: 'adresse invalide',
        lieu: 'Bénéficiaire(s) et scénario d\'installation — ligne 330058066 — Anne STU — E-mail du responsable',
      },
    ])
  })
})
