import { describe, expect, it } from "vitest";
import {
  ecrirePage,
  lirePage,
  nombrePages,
  PAGE_INITIALE,
  pagePrecedente,
  pageSuivante,
  variablesPage,
} from "~/lib/pagination";

describe("cursor page in the URL", () => {
  it("starts on the first page, without query", () => {
    expect(lirePage({})).toEqual(PAGE_INITIALE);
    expect(ecrirePage(PAGE_INITIALE)).toEqual({});
    expect(variablesPage(PAGE_INITIALE, 20)).toEqual({ first: 20, after: null });
  });

  it("ignores a page number without cursor, or a malformed one", () => {
    expect(lirePage({ page: "3" })).toEqual(PAGE_INITIALE);
    expect(lirePage({ apres: "c", page: "x" })).toEqual(PAGE_INITIALE);
  });

  it("goes forwards with first/after and backwards with last/before, round-tripping through the URL", () => {
    const page3 = pageSuivante(pageSuivante(PAGE_INITIALE, "a"), "b");
    expect(page3).toEqual({ page: 3, apres: "b", avant: null });
    expect(lirePage(ecrirePage(page3) as Record<string, string>)).toEqual(page3);
    const page2 = pagePrecedente(page3, "debut");
    expect(page2).toEqual({ page: 2, apres: null, avant: "debut" });
    expect(variablesPage(page2, 20)).toEqual({ last: 20, before: "debut" });
    expect(lirePage(ecrirePage(page2) as Record<string, string>)).toEqual(page2);
    expect(pagePrecedente(page2, "x")).toEqual(PAGE_INITIALE);
  });

  it("counts pages", () => {
    expect(nombrePages(0, 20)).toBe(1);
    expect(nombrePages(20, 20)).toBe(1);
    expect(nombrePages(21, 20)).toBe(2);
  });
});
