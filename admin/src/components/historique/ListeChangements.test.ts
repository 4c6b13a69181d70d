import { mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import type { ChangementVue } from "~/lib/historique";
import { install as installDsfr } from "~/modules/dsfr";
import ListeChangements from "./ListeChangements.vue";

const ligne = (cle: string, nature: ChangementVue["nature"]): ChangementVue[] =>
  [
    ["finessJuridique", "330058066"],
    ["nomResponsable", "Anne STU"],
  ].map(([champ, v]) => ({
    bloc: "BENEFICIAIRES",
    cle,
    nature,
    champ: champ!,
    ancienneValeur: nature === "SUPPRESSION" ? v : null,
    nouvelleValeur: nature === "AJOUT" ? v : null,
  }));

describe("ListeChangements", () => {
  it("names each table's region uniquely, even for two rows named alike (axe landmark-unique)", () => {
    const w = mount(ListeChangements, {
      props: { changements: [...ligne("b-1", "SUPPRESSION"), ...ligne("b-2", "AJOUT")] },
      global: { plugins: [installDsfr] },
    });
    const noms = w.findAll("[role=region]").map((r) => r.attributes("aria-label"));
    expect(noms).toHaveLength(2);
    expect(new Set(noms).size).toBe(2);
    expect(noms[1]).toMatch(/\(ligne ajoutée\)$/);
  });
});
