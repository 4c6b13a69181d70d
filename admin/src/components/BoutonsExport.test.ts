import { mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import BoutonsExport from "./BoutonsExport.vue";

describe("BoutonsExport", () => {
  it("offers CSV and XLSX with the same filters, each a download named for screen readers", () => {
    const wrapper = mount(BoutonsExport, {
      props: { url: (f: string) => `/export/demandes.${f}?statut=EN_COURS`, contenu: "liste filtrée" },
    });
    const liens = wrapper.findAll("a");
    expect(liens.map((l) => l.attributes("href"))).toEqual([
      "/export/demandes.csv?statut=EN_COURS",
      "/export/demandes.xlsx?statut=EN_COURS",
    ]);
    expect(liens.every((l) => l.attributes("download") !== undefined)).toBe(true);
    expect(liens.map((l) => l.text())).toEqual([
      "Exporter en CSV (liste filtrée, séparateur point-virgule)",
      "Exporter en XLSX (liste filtrée, classeur Excel ou LibreOffice)",
    ]);
  });
});
