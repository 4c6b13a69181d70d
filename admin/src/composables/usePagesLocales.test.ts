import { describe, expect, it } from "vitest";
import { computed, nextTick, ref } from "vue";
import { usePagesLocales } from "./usePagesLocales";

describe("usePagesLocales", () => {
  it("pages by 5, shows the last page when a row is added, stays on an existing page when rows go", async () => {
    const lignes = ref([1, 2, 3, 4, 5]);
    const p = usePagesLocales(
      computed(() => lignes.value),
      5,
      "t",
    );
    expect(p.pages.value.length).toBe(1);
    lignes.value = [...lignes.value, 6];
    await nextTick();
    expect(p.page.value).toBe(1);
    expect(p.lignesPage.value).toEqual([6]);
    expect(p.liens.value.map((l) => l.label)).toEqual(["1", "2"]);
    lignes.value = [1, 2, 3, 4];
    await nextTick();
    expect(p.page.value).toBe(0);
    expect(p.lignesPage.value).toEqual([1, 2, 3, 4]);
  });
});
