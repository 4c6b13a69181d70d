import {
  dateIsoValide,
  ETATS_PAIEMENT,
  type EtatPaiement,
  STATUTS_DEMANDE,
  type StatutDemande,
  TYPES_DEMANDE,
  type TypeDemande,
} from '@segur/shared'
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { graphql } from '~/gql'
import type { DemandesQueryVariables, FiltreDemandes, Ordre, TriDemandes } from '~/gql/graphql'
import { premier } from './pagination'
import type { FormatExport } from './export'

/*
 * The demandes list: its state lives in the URL query (filters, sort, page size, cursor),
 * so a view can be shared and reloaded. Everything here is pure except the document.
 */

export const DEMANDES_QUERY = graphql(`
  query Demandes($filtre: FiltreDemandes, $tri: TriDemandes, $ordre: Ordre, $first: Int, $after: String, $last: Int, $before: String) {
    demandes(filtre: $filtre, tri: $tri, ordre: $ordre, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        cursor
        node {
          numero
          type
          numeroEditeur
          logiciel
          dateDepot
          dateCommande
          statut
          etatPaiement
          montant
        }
      }
    }
  }
`)

export const TAILLES_PAGE = [20, 50, 100] as const
export const TAILLE_PAGE_DEFAUT = 20

export const TRIS: readonly TriDemandes[] = [
  'NUMERO',
  'TYPE',
  'NUMERO_EDITEUR',
  'LOGICIEL',
  'DATE_DEPOT',
  'DATE_COMMANDE',
  'STATUT',
  'ETAT_PAIEMENT',
  'MONTANT',
]
/** The server's default order (see Query.demandes). */
export const TRI_DEFAUT: TriDemandes = 'DATE_DEPOT'
export const ORDRE_DEFAUT: Ordre = 'DESC'

/** What the filter form edits: text fields, '' meaning "no filter". */
export interface Filtres {
  numero: string
  type: TypeDemande | ''
  statut: StatutDemande | ''
  etatPaiement: EtatPaiement | ''
  logiciel: string
  deposeeApres: string
  deposeeAvant: string
}

export interface EtatListe {
  filtres: Filtres
  tri: TriDemandes
  ordre: Ordre
  taille: number
  /** 1-based, for « Page x sur y » (cursors carry the actual position). */
  page: number
  apres: string | null
  avant: string | null
}

export const FILTRES_VIDES: Readonly<Filtres> = Object.freeze({
  numero: '',
  type: '',
  statut: '',
  etatPaiement: '',
  logiciel: '',
  deposeeApres: '',
  deposeeAvant: '',
})

const CLES_FILTRES = Object.keys(FILTRES_VIDES) as (keyof Filtres)[]

function parmi<T extends string>(valeurs: readonly T[], v: string): T | '' {
  return (valeurs as readonly string[]).includes(v) ? (v as T) : ''
}

function date(v: string): string {
  return dateIsoValide(v) ? v : ''
}

/** Reads the list state from the URL query; unknown or malformed values are ignored. */
export function lireEtat(query: LocationQuery): EtatListe {
  const filtres: Filtres = {
    numero: premier(query.numero).trim(),
    type: parmi(TYPES_DEMANDE, premier(query.type)),
    statut: parmi(STATUTS_DEMANDE, premier(query.statut)),
    etatPaiement: parmi(ETATS_PAIEMENT, premier(query.etatPaiement)),
    logiciel: premier(query.logiciel).trim(),
    deposeeApres: date(premier(query.deposeeApres)),
    deposeeAvant: date(premier(query.deposeeAvant)),
  }
  const tri = parmi(TRIS, premier(query.tri)) || TRI_DEFAUT
  const ordre = parmi(['ASC', 'DESC'] as const, premier(query.ordre)) || ORDRE_DEFAUT
  const tailleLue = Number(premier(query.taille))
  const taille = (TAILLES_PAGE as readonly number[]).includes(tailleLue) ? tailleLue : TAILLE_PAGE_DEFAUT
  const apres = premier(query.apres) || null
  const avant = apres ? null : premier(query.avant) || null
  const pageLue = Number.parseInt(premier(query.page), 10)
  const page = (apres || avant) && Number.isSafeInteger(pageLue) && pageLue > 1 ? pageLue : 1
  return { filtres, tri, ordre, taille, page, apres, avant }
}

/** Filters that are set, as URL / CSV parameters (same names as the GraphQL filter). */
export function parametresFiltres(filtres: Filtres): Record<string, string> {
  const out: Record<string, string> = {}
  for (const cle of CLES_FILTRES) {
    const v = filtres[cle].trim()
    if (v)
      out[cle] = v
  }
  return out
}

/** The URL query of a state; defaults are left out so URLs stay short. */
export function ecrireEtat(etat: EtatListe): LocationQueryRaw {
  const query: LocationQueryRaw = { ...parametresFiltres(etat.filtres) }
  if (etat.tri !== TRI_DEFAUT || etat.ordre !== ORDRE_DEFAUT) {
    query.tri = etat.tri
    query.ordre = etat.ordre
  }
  if (etat.taille !== TAILLE_PAGE_DEFAUT)
    query.taille = String(etat.taille)
  if (etat.apres || etat.avant) {
    if (etat.apres)
      query.apres = etat.apres
    else if (etat.avant)
      query.avant = etat.avant
    query.page = String(etat.page)
  }
  return query
}

/** GraphQL variables of a state: `first/after` forwards, `last/before` backwards. */
export function variables(etat: EtatListe): DemandesQueryVariables {
  const filtre: FiltreDemandes = {}
  const f = etat.filtres
  if (f.numero.trim())
    filtre.numero = f.numero.trim()
  if (f.type)
    filtre.type = f.type
  if (f.statut)
    filtre.statut = f.statut
  if (f.etatPaiement)
    filtre.etatPaiement = f.etatPaiement
  if (f.logiciel.trim())
    filtre.logiciel = f.logiciel.trim()
  if (f.deposeeApres)
    filtre.deposeeApres = f.deposeeApres
  if (f.deposeeAvant)
    filtre.deposeeAvant = f.deposeeAvant
  const base: DemandesQueryVariables = { filtre, tri: etat.tri, ordre: etat.ordre }
  if (etat.avant)
    return { ...base, last: etat.taille, before: etat.avant }
  return { ...base, first: etat.taille, after: etat.apres }
}

/** Back to the first page: any change of filters, sort or page size. */
function premierePage(etat: EtatListe): EtatListe {
  return { ...etat, page: 1, apres: null, avant: null }
}

export function avecFiltres(etat: EtatListe, filtres: Filtres): EtatListe {
  return premierePage({ ...etat, filtres: { ...filtres } })
}

export function avecTaille(etat: EtatListe, taille: number): EtatListe {
  return premierePage({ ...etat, taille })
}

/** Clicking a column header: same column flips the order, another column sorts ascending. */
export function avecTri(etat: EtatListe, tri: TriDemandes): EtatListe {
  const ordre: Ordre = etat.tri === tri ? (etat.ordre === 'ASC' ? 'DESC' : 'ASC') : 'ASC'
  return premierePage({ ...etat, tri, ordre })
}

export function pageSuivante(etat: EtatListe, endCursor: string): EtatListe {
  return { ...etat, page: etat.page + 1, apres: endCursor, avant: null }
}

export function pagePrecedente(etat: EtatListe, startCursor: string): EtatListe {
  // Page 2 → 1: the first page needs no cursor (and reloads cleanly).
  if (etat.page <= 2)
    return premierePage(etat)
  return { ...etat, page: etat.page - 1, apres: null, avant: startCursor }
}

export function nombrePages(total: number, taille: number): number {
  return Math.max(1, Math.ceil(total / taille))
}

/** « 1 demande », « 62 demandes », « Aucune demande ». */
export function libelleNombre(total: number): string {
  if (total === 0)
    return 'Aucune demande'
  return `${total.toLocaleString('fr-FR')} demande${total > 1 ? 's' : ''}`
}

/** aria-sort of a column header. */
export function ariaSort(etat: Pick<EtatListe, 'tri' | 'ordre'>, tri: TriDemandes): 'ascending' | 'descending' | 'none' {
  if (etat.tri !== tri)
    return 'none'
  return etat.ordre === 'ASC' ? 'ascending' : 'descending'
}

/** The export of the filtered list, in the list's order, as CSV or XLSX (the server checks the session cookie). */
export function urlExportDemandes(etat: EtatListe, format: FormatExport): string {
  const params = new URLSearchParams({ ...parametresFiltres(etat.filtres), tri: etat.tri, ordre: etat.ordre })
  return `/export/demandes.${format}?${params.toString()}`
}
