import { describe, expect, it } from "vitest";
import {
  afficheVersions,
  ecrireEtatJournal,
  libelleNombreJournal,
  lienComparaison,
  FILTRES_JOURNAL_VIDES,
  lireEtatJournal,
  numeroDeCible,
  typesJournal,
  urlExportJournal,
  variablesJournal,
} from "~/lib/journal";
import { PAGE_INITIALE } from "~/lib/pagination";

describe("journal state in the URL", () => {
  it("defaults to the events tab, no filter, first page, and writes nothing for it", () => {
    const etat = lireEtatJournal({});
    expect(etat).toEqual({ onglet: "evenements", filtres: FILTRES_JOURNAL_VIDES, ...PAGE_INITIALE });
    expect(ecrireEtatJournal(etat)).toEqual({});
  });

  it("round-trips the tab, the filters and the page; drops unknown types and bad dates", () => {
    const query = {
      onglet: "acces",
      numero: "FINMS2007720M0",
      acteur: "Gaëlle",
      type: "EXPORT_CSV",
      du: "2026-11-01",
      au: "2026-11-30",
      apres: "c",
      page: "2",
    };
    const etat = lireEtatJournal(query);
    expect(etat).toMatchObject({
      onglet: "acces",
      filtres: { numero: "FINMS2007720M0", acteur: "Gaëlle", type: "EXPORT_CSV", du: "2026-11-01", au: "2026-11-30" },
      page: 2,
      apres: "c",
    });
    expect(ecrireEtatJournal(etat)).toEqual(query);
    // An event type is not an access operation, and 31/02 is no date.
    expect(lireEtatJournal({ onglet: "acces", type: "IMPORT", du: "2026-02-31" }).filtres).toMatchObject({
      type: "",
      du: "",
    });
    expect(lireEtatJournal({ type: "IMPORT" }).filtres.type).toBe("IMPORT");
  });

  it("exports the tab and filters shown, not the page", () => {
    expect(urlExportJournal(lireEtatJournal({}), "csv")).toBe("/export/journal.csv");
    expect(urlExportJournal(lireEtatJournal({}), "xlsx")).toBe("/export/journal.xlsx");
    expect(
      urlExportJournal(
        lireEtatJournal({ onglet: "acces", numero: "FINMS2007720M0", du: "2026-11-01", apres: "c", page: "3" }),
        "csv",
      ),
    ).toBe("/export/journal.csv?onglet=acces&numero=FINMS2007720M0&du=2026-11-01");
    expect(
      urlExportJournal(
        lireEtatJournal({ onglet: "acces", numero: "FINMS2007720M0", du: "2026-11-01", apres: "c", page: "3" }),
        "xlsx",
      ),
    ).toBe("/export/journal.xlsx?onglet=acces&numero=FINMS2007720M0&du=2026-11-01");
  });

  it("asks the server for whole days, Paris time, the last one included", () => {
    const v = variablesJournal(lireEtatJournal({ du: "2026-11-01", au: "2026-11-30", numero: "FINMS2007720M0" }), 10);
    expect(v.first).toBe(10);
    expect(v.filtre.numero).toBe("FINMS2007720M0");
    expect(v.filtre.depuis).toBe("2026-10-31T23:00:00.000Z");
    expect(v.filtre.jusqua).toBe("2026-11-30T23:00:00.000Z");
    expect(variablesJournal(lireEtatJournal({})).filtre).toEqual({});
  });
});

describe("journal texts", () => {
  it("offers the types of the current tab", () => {
    expect(typesJournal("acces").map((t) => t.value)).toEqual([
      "CONSULTATION",
      "EXPORT_CSV",
      "EXPORT_XLSX",
      "TELECHARGEMENT_PIECE",
      "TELECHARGEMENT_LOT",
    ]);
    expect(typesJournal("evenements").map((t) => t.value)).toContain("STATUT_MODIFIE");
    // The confirmed versions first, once.
    expect(typesJournal("evenements").filter((t) => t.value === "VERSION")).toEqual([
      { value: "VERSION", text: "Versions confirmées" },
    ]);
    expect(typesJournal("evenements")[0]!.value).toBe("VERSION");
  });

  it("reads « Versions confirmées » as the versions' query: no type, no author sent; a link to the comparison", () => {
    const etat = lireEtatJournal({ type: "VERSION", numero: "7720", acteur: "Gaëlle" });
    expect(afficheVersions(etat)).toBe(true);
    expect(variablesJournal(etat).filtre).toEqual({ numero: "7720" });
    expect(afficheVersions(lireEtatJournal({ onglet: "acces", type: "VERSION" }))).toBe(false);
    expect(lienComparaison({ numeroDemande: "FINMS2007720M0", numero: 3 })).toEqual({
      name: "demande",
      params: { numero: "FINMS2007720M0" },
      query: { onglet: "historique", de: "2", a: "3" },
    });
    expect(urlExportJournal(etat, "csv")).toBe("/export/journal.csv?numero=7720&type=VERSION");
    expect(libelleNombreJournal("evenements", 1, true)).toBe("1 version confirmée");
    expect(libelleNombreJournal("evenements", 2, true)).toBe("2 versions confirmées");
  });

  it("finds the demande a trace points to", () => {
    expect(numeroDeCible("FINMS2007720M0")).toBe("FINMS2007720M0");
    expect(numeroDeCible("FINMS2007720M0/facture.pdf")).toBe("FINMS2007720M0");
    expect(numeroDeCible("statut=EN_COURS")).toBeNull();
    expect(numeroDeCible(null)).toBeNull();
  });
});
