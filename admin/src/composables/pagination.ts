import { computed, type ComputedRef } from 'vue'
import type { LocationQuery, LocationQueryRaw, RouteLocationRaw } from 'vue-router'

/*
 * Cursor pagination kept in the URL (shareable, back / forward): a page number for
 * « Page x sur y », and the cursor that leads there (`apres` forwards, `avant` backwards).
 */

export interface EtatPage {
  /** 1-based (the cursors carry the actual position). */
  page: number
  apres: string | null
  avant: string | null
}

export const PAGE_INITIALE: Readonly<EtatPage> = Object.freeze({ page: 1, apres: null, avant: null })

/** First value of a query parameter, '' when absent. */
export function premier(v: LocationQuery[string] | undefined): string {
  const x = Array.isArray(v) ? v[0] : v
  return typeof x === 'string' ? x : ''
}

/** Reads the page from the URL query; malformed values give the first page. */
export function lirePage(query: LocationQuery): EtatPage {
  const apres = premier(query.apres) || null
  const avant = apres ? null : premier(query.avant) || null
  const pageLue = Number.parseInt(premier(query.page), 10)
  if (!(apres || avant) || !Number.isSafeInteger(pageLue) || pageLue <= 1)
    return { ...PAGE_INITIALE }
  return { page: pageLue, apres, avant }
}

/** The URL query of a page; the first page has none. */
export function ecrirePage(etat: EtatPage): LocationQueryRaw {
  if (etat.apres)
    return { apres: etat.apres, page: String(etat.page) }
  if (etat.avant)
    return { avant: etat.avant, page: String(etat.page) }
  return {}
}

/** GraphQL variables: `first/after` forwards, `last/before` backwards. */
export function variablesPage(etat: EtatPage, taille: number): { first?: number, after?: string | null, last?: number, before?: string } {
  if (etat.avant)
    return { last: taille, before: etat.avant }
  return { first: taille, after: etat.apres }
}

export function pageSuivante(etat: EtatPage, endCursor: string): EtatPage {
  return { page: etat.page + 1, apres: endCursor, avant: null }
}

export function pagePrecedente(etat: EtatPage, startCursor: string): EtatPage {
  // Page 2 → 1: the first page needs no cursor (and reloads cleanly).
  if (etat.page <= 2)
    return { ...PAGE_INITIALE }
  return { page: etat.page - 1, apres: null, avant: startCursor }
}

export function nombrePages(total: number, taille: number): number {
  return Math.max(1, Math.ceil(total / taille))
}

interface PageInfo { hasNextPage: boolean, startCursor?: string | null, endCursor?: string | null }

/** « Précédent » / « Suivant » links of a connection, and its number of pages. */
export function usePaginationCurseur(options: {
  etat: ComputedRef<EtatPage>
  connexion: ComputedRef<{ totalCount: number, pageInfo: PageInfo } | null | undefined>
  taille: number
  lien: (page: EtatPage) => RouteLocationRaw
}) {
  const pages = computed(() => nombrePages(options.connexion.value?.totalCount ?? 0, options.taille))
  const precedente = computed(() => {
    const p = options.connexion.value?.pageInfo
    return options.etat.value.page > 1 && p?.startCursor ? options.lien(pagePrecedente(options.etat.value, p.startCursor)) : null
  })
  const suivante = computed(() => {
    const p = options.connexion.value?.pageInfo
    // Going back with `last/before`, hasNextPage is not reliable: the page number tells.
    const encore = options.etat.value.avant ? options.etat.value.page < pages.value : p?.hasNextPage
    return encore && p?.endCursor ? options.lien(pageSuivante(options.etat.value, p.endCursor)) : null
  })
  return { pages, precedente, suivante }
}
