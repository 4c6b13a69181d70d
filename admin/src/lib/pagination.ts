import type { LocationQuery, LocationQueryRaw } from "vue-router";

/*
 * Cursor pagination kept in the URL (shareable, back / forward): a page number for
 * « Page x sur y », and the cursor that leads there (`apres` forwards, `avant` backwards).
 */

export interface EtatPage {
  /** 1-based (the cursors carry the actual position). */
  page: number;
  apres: string | null;
  avant: string | null;
}

export const PAGE_INITIALE: Readonly<EtatPage> = Object.freeze({ page: 1, apres: null, avant: null });

/** First value of a query parameter, '' when absent. */
export function premier(v: LocationQuery[string] | undefined): string {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === "string" ? x : "";
}

/** Reads the page from the URL query; malformed values give the first page. */
export function lirePage(query: LocationQuery): EtatPage {
  const apres = premier(query.apres) || null;
  const avant = apres ? null : premier(query.avant) || null;
  const pageLue = Number.parseInt(premier(query.page), 10);
  if (!(apres || avant) || !Number.isSafeInteger(pageLue) || pageLue <= 1) return { ...PAGE_INITIALE };
  return { page: pageLue, apres, avant };
}

/** The URL query of a page; the first page has none. */
export function ecrirePage(etat: EtatPage): LocationQueryRaw {
  if (etat.apres) return { apres: etat.apres, page: String(etat.page) };
  if (etat.avant) return { avant: etat.avant, page: String(etat.page) };
  return {};
}

/** GraphQL variables: `first/after` forwards, `last/before` backwards. */
export function variablesPage(
  etat: EtatPage,
  taille: number,
): { first?: number; after?: string | null; last?: number; before?: string } {
  if (etat.avant) return { last: taille, before: etat.avant };
  return { first: taille, after: etat.apres };
}

/** Back to the first page, the rest of the state (filters, sort…) kept. */
export function premierePage<E extends EtatPage>(etat: E): E {
  return { ...etat, ...PAGE_INITIALE };
}

export function pageSuivante<E extends EtatPage>(etat: E, endCursor: string): E {
  return { ...etat, page: etat.page + 1, apres: endCursor, avant: null };
}

export function pagePrecedente<E extends EtatPage>(etat: E, startCursor: string): E {
  // Page 2 → 1: the first page needs no cursor (and reloads cleanly).
  if (etat.page <= 2) return premierePage(etat);
  return { ...etat, page: etat.page - 1, apres: null, avant: startCursor };
}

export function nombrePages(total: number, taille: number): number {
  return Math.max(1, Math.ceil(total / taille));
}
