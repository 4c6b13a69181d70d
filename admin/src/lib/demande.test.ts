import { describe, expect, it } from "vitest";
import {
  badgeValidation,
  ligneVue,
  lireOnglet,
  pagesDe,
  queryOnglet,
  resumeBloc,
  typeBadgeStatut,
} from "~/lib/demande";

describe("tabs in the URL", () => {
  it("reads ?onglet=historique, anything else is the current version", () => {
    expect(lireOnglet({ onglet: "historique" })).toBe("historique");
    expect(lireOnglet({ onglet: "autre" })).toBe("actuelle");
    expect(lireOnglet({})).toBe("actuelle");
  });

  it("drops the history parameters when going back to the current version", () => {
    expect(queryOnglet({ onglet: "historique", version: "2", de: "1", a: "2", x: "y" }, "actuelle")).toEqual({
      x: "y",
    });
    expect(queryOnglet({}, "historique")).toEqual({ onglet: "historique" });
  });
});

describe("validation states", () => {
  it("gives a label with every colour", () => {
    expect(badgeValidation("VALIDEE")).toEqual({ label: "Validée", type: "success" });
    expect(badgeValidation("REJETEE")).toEqual({ label: "Rejetée", type: "error" });
    expect(badgeValidation("A_VALIDER")).toEqual({ label: "À valider", type: "info" });
  });

  it("summarises a block", () => {
    expect(resumeBloc({ verrouille: true, nombreLignes: 5, nombreValidees: 5, nombreRejetees: 0 }).texte).toBe(
      "Bloc validé — verrouillé",
    );
    expect(resumeBloc({ verrouille: false, nombreLignes: 5, nombreValidees: 2, nombreRejetees: 0 })).toEqual({
      texte: "2 / 5 lignes validées",
      type: "info",
      verrouille: false,
    });
    expect(resumeBloc({ verrouille: false, nombreLignes: 2, nombreValidees: 0, nombreRejetees: 1 })).toMatchObject({
      texte: "0 / 2 lignes validées (1 rejetée)",
      type: "error",
    });
    expect(resumeBloc({ verrouille: false, nombreLignes: 1, nombreValidees: 0, nombreRejetees: 0 }).texte).toBe(
      "0 / 1 ligne validée",
    );
    expect(resumeBloc({ verrouille: false, nombreLignes: 0, nombreValidees: 0, nombreRejetees: 0 }).texte).toBe(
      "Aucune ligne à valider",
    );
  });

  it("colours statuts", () => {
    expect(typeBadgeStatut("DECIDEE")).toBe("success");
    expect(typeBadgeStatut("A_MODIFIER")).toBe("warning");
  });
});

describe("client-side pages", () => {
  it("cuts rows in pages of n", () => {
    expect(pagesDe([1, 2, 3, 4, 5, 6, 7], 5)).toEqual([
      [1, 2, 3, 4, 5],
      [6, 7],
    ]);
    expect(pagesDe([], 5)).toEqual([]);
  });
});

describe("a row of the demande as the block tables read it", () => {
  it("sets the key, state and warnings apart from the values", () => {
    const validation = { etat: "REJETEE" as const, motif: "FINESS inconnu", par: "Gaëlle", le: "2026-01-05" };
    expect(
      ligneVue({
        cle: "b-1",
        nomResponsable: "Zoé",
        finessJuridique: "750712184",
        validation,
        avertissements: [{ code: "CLE_FINESS", message: "Clé FINESS incorrecte" }],
      }),
    ).toEqual({
      cle: "b-1",
      valeurs: { nomResponsable: "Zoé", finessJuridique: "750712184" },
      validation,
      avertissements: [{ code: "CLE_FINESS", message: "Clé FINESS incorrecte" }],
    });
  });

  it("adds no warnings to a row whose block has none (pièces)", () => {
    expect(ligneVue({ cle: "p-1", nomFichier: "va.pdf", validation: null })).toStrictEqual({
      cle: "p-1",
      valeurs: { nomFichier: "va.pdf" },
      validation: null,
    });
  });
});
