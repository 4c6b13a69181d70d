import { computed, type ComputedRef, unref } from "vue";
import type { RouteLocationRaw } from "vue-router";
import { type EtatPage, nombrePages, pagePrecedente, pageSuivante } from "~/lib/pagination";

interface PageInfo {
  hasNextPage: boolean;
  startCursor?: string | null;
  endCursor?: string | null;
}

/** « Précédent » / « Suivant » links of a connection, and its number of pages. */
export function usePaginationCurseur<E extends EtatPage>(options: {
  etat: ComputedRef<E>;
  connexion: ComputedRef<{ totalCount: number; pageInfo: PageInfo } | null | undefined>;
  /** Rows per page: fixed, or the list's chosen size. */
  taille: number | ComputedRef<number>;
  lien: (page: E) => RouteLocationRaw;
}) {
  const pages = computed(() => nombrePages(options.connexion.value?.totalCount ?? 0, unref(options.taille)));
  const precedente = computed(() => {
    const p = options.connexion.value?.pageInfo;
    return options.etat.value.page > 1 && p?.startCursor
      ? options.lien(pagePrecedente(options.etat.value, p.startCursor))
      : null;
  });
  const suivante = computed(() => {
    const p = options.connexion.value?.pageInfo;
    // Going back with `last/before`, hasNextPage is not reliable: the page number tells.
    const encore = options.etat.value.avant ? options.etat.value.page < pages.value : p?.hasNextPage;
    return encore && p?.endCursor ? options.lien(pageSuivante(options.etat.value, p.endCursor)) : null;
  });
  return { pages, precedente, suivante };
}
