import { mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import BlocInformations from "./BlocInformations.vue";

const espaces = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

const montantAffiche = (montant: string | null) => {
  const wrapper = mount(BlocInformations, {
    props: { valeurs: { numero: "FINMS2000001M0", type: "AVANCE", montant } },
  });
  const termes = wrapper.findAll("dt");
  const i = termes.findIndex((dt) => dt.text().startsWith("Montant Ségur déclaré"));
  return espaces(wrapper.findAll("dd")[i]!.text());
};

describe("BlocInformations", () => {
  it("shows the amount from the decimal text, exactly, however large", () => {
    expect(montantAffiche("2920.00")).toBe("2 920,00 €");
    expect(montantAffiche("100000000.00")).toBe("100 000 000,00 €");
    expect(montantAffiche("99999999999.99")).toBe("99 999 999 999,99 €");
  });

  it("shows an empty amount as empty", () => {
    expect(montantAffiche(null)).toBe("—");
  });
});
