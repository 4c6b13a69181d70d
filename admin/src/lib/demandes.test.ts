import { describe, expect, it } from "vitest";
import {
  ariaSort,
  avecFiltres,
  avecTaille,
  avecTri,
  ecrireEtat,
  FILTRES_VIDES,
  libelleNombre,
  lireEtat,
  urlExportDemandes,
  variables,
} from "~/lib/demandes";
import { nombrePages, pagePrecedente, pageSuivante } from "~/lib/pagination";

const DEFAUT = lireEtat({});

describe("list state in the URL", () => {
  it("defaults to the server order, 20 per page, first page", () => {
    expect(DEFAUT).toEqual({
      filtres: FILTRES_VIDES,
      tri: "DATE_DEPOT",
      ordre: "DESC",
      taille: 20,
      page: 1,
      apres: null,
      avant: null,
    });
    expect(ecrireEtat(DEFAUT)).toEqual({});
  });

  it("reads filters, sort, page size and cursor, ignoring malformed values", () => {
    const etat = lireEtat({
      numero: " 7720 ",
      type: "AVANCE",
      statut: "INCONNU",
      etatPaiement: "PAYE",
      logiciel: "DUI-PDS",
      deposeeApres: "2023-02-30",
      deposeeAvant: "2023-12-31",
      modifieeDepuisTransmission: "true",
      tri: "MONTANT",
      ordre: "ASC",
      taille: "50",
      apres: "abc",
      page: "3",
    });
    expect(etat.filtres).toEqual({
      ...FILTRES_VIDES,
      numero: "7720",
      type: "AVANCE",
      statut: "",
      etatPaiement: "PAYE",
      logiciel: "DUI-PDS",
      deposeeApres: "",
      deposeeAvant: "2023-12-31",
      modifieeDepuisTransmission: "true",
    });
    expect(etat).toMatchObject({ tri: "MONTANT", ordre: "ASC", taille: 50, apres: "abc", page: 3 });
    // « modifiée depuis la transmission »: the GraphQL Boolean, absent unless true or false.
    expect(variables(etat).filtre).toMatchObject({ modifieeDepuisTransmission: true });
    expect(lireEtat({ modifieeDepuisTransmission: "oui" }).filtres.modifieeDepuisTransmission).toBe("");
    expect(variables(lireEtat({ modifieeDepuisTransmission: "false" })).filtre).toEqual({
      modifieeDepuisTransmission: false,
    });
    expect(lireEtat({ taille: "33", tri: "DROP", page: "4" })).toMatchObject({
      taille: 20,
      tri: "DATE_DEPOT",
      page: 1,
    });
  });

  it("round-trips through the URL", () => {
    const etat = pageSuivante(
      avecTri(avecFiltres(DEFAUT, { ...FILTRES_VIDES, numero: "MS2", statut: "EN_COURS" }), "LOGICIEL"),
      "curseur",
    );
    expect(lireEtat(ecrireEtat(etat) as Record<string, string>)).toEqual(etat);
  });
});

describe("GraphQL variables", () => {
  it("sends only the filters that are set, forwards with first/after", () => {
    const etat = avecFiltres(DEFAUT, { ...FILTRES_VIDES, numero: " 77 ", deposeeApres: "2023-01-01" });
    expect(variables(etat)).toEqual({
      filtre: { numero: "77", deposeeApres: "2023-01-01" },
      tri: "DATE_DEPOT",
      ordre: "DESC",
      first: 20,
      after: null,
    });
  });

  it("goes backwards with last/before", () => {
    const etat = pagePrecedente({ ...DEFAUT, page: 3, apres: "x" }, "debut");
    expect(etat).toMatchObject({ page: 2, avant: "debut", apres: null });
    expect(variables(etat)).toMatchObject({ last: 20, before: "debut" });
  });

  it("returns to a cursor-less first page", () => {
    expect(pagePrecedente({ ...DEFAUT, page: 2, apres: "x" }, "debut")).toMatchObject({
      page: 1,
      apres: null,
      avant: null,
    });
  });
});

describe("sort, size and filters", () => {
  it("sorts a new column ascending, flips the same column, and restarts from page 1", () => {
    const page3 = { ...DEFAUT, page: 3, apres: "c" };
    expect(avecTri(page3, "NUMERO")).toMatchObject({ tri: "NUMERO", ordre: "ASC", page: 1, apres: null });
    expect(avecTri(avecTri(DEFAUT, "NUMERO"), "NUMERO").ordre).toBe("DESC");
    expect(avecTri(DEFAUT, "DATE_DEPOT").ordre).toBe("ASC");
    expect(avecTaille(page3, 100)).toMatchObject({ taille: 100, page: 1, apres: null });
  });

  it("gives aria-sort per column", () => {
    expect(ariaSort(DEFAUT, "DATE_DEPOT")).toBe("descending");
    expect(ariaSort({ tri: "NUMERO", ordre: "ASC" }, "NUMERO")).toBe("ascending");
    expect(ariaSort(DEFAUT, "NUMERO")).toBe("none");
  });
});

describe("texts and export", () => {
  it("counts pages and demandes in French", () => {
    expect(nombrePages(62, 20)).toBe(4);
    expect(nombrePages(0, 20)).toBe(1);
    expect(libelleNombre(0)).toBe("Aucune demande");
    expect(libelleNombre(1)).toBe("1 demande");
    expect(libelleNombre(62)).toBe("62 demandes");
  });

  it("exports the same filters and order as CSV and as XLSX", () => {
    const etat = avecTri(avecFiltres(DEFAUT, { ...FILTRES_VIDES, type: "SOLDE", logiciel: "DUI PDS" }), "MONTANT");
    expect(urlExportDemandes(pageSuivante(etat, "c"), "csv")).toBe(
      "/export/demandes.csv?type=SOLDE&logiciel=DUI+PDS&tri=MONTANT&ordre=ASC",
    );
    expect(urlExportDemandes(pageSuivante(etat, "c"), "xlsx")).toBe(
      "/export/demandes.xlsx?type=SOLDE&logiciel=DUI+PDS&tri=MONTANT&ordre=ASC",
    );
  });
});

describe("the work queue's filters in the URL", () => {
  it("reads suiviPar (MOI, PERSONNE, an id) and the boolean filters, ignores anything else, sends them typed", () => {
    const etat = lireEtat({ suiviPar: "moi", lignesRejetees: "true", courrielEnEchec: "false", aTransmettre: "oui" });
    expect(etat.filtres).toMatchObject({ suiviPar: "MOI", lignesRejetees: "true", courrielEnEchec: "false" });
    expect(etat.filtres.aTransmettre).toBe("");
    expect(variables(etat).filtre).toEqual({ suiviPar: "MOI", lignesRejetees: true, courrielEnEchec: false });
    expect(lireEtat({ suiviPar: "12" }).filtres.suiviPar).toBe("12");
    expect(lireEtat({ suiviPar: "TOUS" }).filtres.suiviPar).toBe("");
    expect(ecrireEtat(etat)).toMatchObject({ suiviPar: "MOI", lignesRejetees: "true", courrielEnEchec: "false" });
  });
});
