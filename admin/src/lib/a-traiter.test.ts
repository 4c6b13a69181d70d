import { describe, expect, it } from "vitest";
import { lireEtat, variables } from "~/lib/demandes";
import { ENTREES_A_TRAITER, libelleLien } from "~/lib/a-traiter";

describe("the work queue's entries", () => {
  it("each link's URL reads back as the same filter the counts use", () => {
    for (const e of ENTREES_A_TRAITER) expect(variables(lireEtat(e.query)).filtre, e.entree).toEqual(e.filtre);
  });
  it("name their link in French, singular and plural", () => {
    expect([0, 1, 1234].map((n) => libelleLien(n).replace(/\s/g, " "))).toEqual([
      "Voir la liste",
      "Voir la demande",
      "Voir les 1 234 demandes",
    ]);
  });
});
