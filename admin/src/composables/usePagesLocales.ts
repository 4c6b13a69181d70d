import { computed, type ComputedRef, ref, watch } from "vue";
import { pagesDe } from "~/lib/demande";

/**
 * Rows paginated in the page (Précédent 1 2 … Suivant), as the consultation's administrateurs table:
 * `liens` for DsfrPagination. The page stays an existing one when rows go, and moves to the last one
 * when a row is added (the new row is shown).
 */
export function usePagesLocales<T>(lignes: ComputedRef<readonly T[]>, parPage: number, id: string) {
  const page = ref(0);
  const pages = computed(() => pagesDe(lignes.value, parPage));
  const lignesPage = computed(() => pages.value[page.value] ?? []);
  const liens = computed(() =>
    pages.value.map((_, i) => ({ label: String(i + 1), title: `Page ${i + 1}`, href: `#${id}-page-${i + 1}` })),
  );
  watch(
    () => lignes.value.length,
    (n, avant) => {
      const derniere = Math.max(0, pages.value.length - 1);
      if (avant !== undefined && n > avant) page.value = derniere;
      else if (page.value > derniere) page.value = derniere;
    },
  );
  return { page, pages, lignesPage, liens };
}
