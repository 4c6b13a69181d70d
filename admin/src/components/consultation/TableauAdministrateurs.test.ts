import { mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import { h } from "vue";
import TableauAdministrateurs from "./TableauAdministrateurs.vue";
import type { LigneAdministrateur } from "~/lib/lignes";

const ligne = (i: number, extra: Partial<LigneAdministrateur> = {}): LigneAdministrateur => ({
  cle: `33005806${i}`,
  valeurs: {
    finessJuridique: `33005806${i}`,
    contractualisationOG: true,
    statutAdminTechnique: "E",
    contractualisationEditeur: false,
    numeroCarteCPX: null,
    nomAdminTechnique: "STU",
    telAdminTechnique: "0603334174",
    emailAdminTechnique: "a.st@mail.com",
    utiliteCertificat: "DMP_INS",
  },
  validation: { etat: "A_VALIDER", motif: null },
  ...extra,
});

const monter = (lignes: LigneAdministrateur[], slots = {}) =>
  mount(TableauAdministrateurs, {
    props: { lignes },
    slots,
    global: { stubs: { RouterLink: { template: "<a><slot /></a>" } } },
  });

describe("TableauAdministrateurs", () => {
  it("shows labels (Oui/Non, Editeur, « DMP, INS »), warnings and 5 rows per page", async () => {
    const lignes = [1, 2, 3, 4, 5, 6, 7].map((i) => ligne(i));
    lignes[1] = ligne(2, {
      avertissements: [{ code: "CLE_FINESS", message: "FINESS juridique : clé incorrecte." }],
      doublonsPossibles: ["FINMS2007947M2"],
    });
    const wrapper = monter(lignes);
    const rangees = wrapper.findAll("tbody tr");
    expect(rangees).toHaveLength(5);
    const cellules = rangees[0]!.findAll("td").map((td) => td.text());
    expect(cellules.slice(0, 9)).toEqual([
      "330058061",
      "Oui",
      "Editeur",
      "Non",
      "—",
      "STU",
      "0603334174",
      "a.st@mail.com",
      "DMP, INS",
    ]);
    expect(rangees[1]!.text()).toContain("Clé FINESS incorrecte");
    expect(rangees[1]!.text()).toContain("Aussi demandé dans");
    expect(wrapper.find("th:last-child").text()).toBe("Validation");

    const page2 = wrapper.findAll(".fr-pagination a").find((a) => a.text() === "2")!;
    await page2.trigger("click");
    expect(wrapper.findAll("tbody tr").map((r) => r.find("td").text())).toEqual(["330058066", "330058067"]);
  });

  it("adds an Actions column only when the slot is given, and has no validation column for a past version", () => {
    const sansEtat = monter([ligne(1, { validation: null })]);
    expect(sansEtat.findAll("th").map((th) => th.text())).not.toContain("Validation");
    expect(sansEtat.findAll("th").map((th) => th.text())).not.toContain("Actions");
    const avecActions = monter([ligne(1)], {
      actions: ({ ligne: l }: { ligne: LigneAdministrateur }) => h("button", `Valider ${l.cle}`),
    });
    expect(avecActions.find("tbody button").text()).toBe("Valider 330058061");
  });
});
