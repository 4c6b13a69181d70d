import { describe, expect, expectTypeOf, it } from "vitest";
import { BLOCS, type Bloc } from "@segur/shared";
import { APPLICATEURS } from "../src/brouillon/application.js";
import type { BlocEditable } from "../src/historique/champs.js";

/** Blocks whose entry is a writer (not null). */
type BlocsEcrits = { [B in Bloc]: (typeof APPLICATEURS)[B] extends null ? never : B }[Bloc];

describe("confirm's apply table", () => {
  it("has an entry for every block, a writer for every block a draft changes", () => {
    expectTypeOf<keyof typeof APPLICATEURS>().toEqualTypeOf<Bloc>();
    expectTypeOf<BlocsEcrits>().toEqualTypeOf<BlocEditable>();
    expect(Object.keys(APPLICATEURS).sort()).toEqual([...BLOCS].sort());
    const ecrits = (Object.keys(APPLICATEURS) as Bloc[]).filter((b) => APPLICATEURS[b] !== null);
    expect(ecrits.sort()).toEqual([
      "ADMINISTRATEURS",
      "BENEFICIAIRES",
      "COORDONNEES_BANCAIRES",
      "INFORMATIONS",
      "PIECES",
    ]);
  });
});
