import { describe, expect, it } from "vitest";
import {
  BLOCS_VALIDABLES,
  CHAMPS_COORDONNEES,
  CLE_COORDONNEES as CLE_C,
  CLE_INFORMATIONS as CLE_I,
  DESCRIPTEURS_BLOCS,
} from "@segur/shared";
import {
  BLOCS_VERSIONNES,
  CHAMPS_VERSIONNES,
  CLE_COORDONNEES,
  CLE_INFORMATIONS,
  etatVide,
} from "../src/historique/champs.js";

// History's field table reads the block registry: a block or bank field added there reaches it.
describe("versioned fields and the block registry", () => {
  it("records the registry's bank fields, as text, in its order", () => {
    expect(CHAMPS_VERSIONNES.COORDONNEES_BANCAIRES).toEqual(
      Object.fromEntries(CHAMPS_COORDONNEES.map((c) => [c, "texte"])),
    );
    expect(Object.keys(CHAMPS_VERSIONNES.COORDONNEES_BANCAIRES)).toEqual([...CHAMPS_COORDONNEES]);
  });

  it("keys the one-row blocks as the registry does", () => {
    expect([CLE_COORDONNEES, CLE_INFORMATIONS]).toEqual([CLE_C, CLE_I]);
    expect([CLE_COORDONNEES, CLE_INFORMATIONS]).toEqual(["coordonnees", "demande"]);
  });

  it("starts from one empty map per versioned block, in screen order", () => {
    const etat = etatVide();
    expect(Object.keys(etat)).toEqual([
      "INFORMATIONS",
      "COORDONNEES_BANCAIRES",
      "BENEFICIAIRES",
      "ADMINISTRATEURS",
      "PIECES",
    ]);
    expect(Object.keys(etat)).toEqual(
      DESCRIPTEURS_BLOCS.map((d) => d.bloc).filter((b) => (BLOCS_VERSIONNES as string[]).includes(b)),
    );
    for (const m of Object.values(etat)) expect(m.size).toBe(0);
    expect(etatVide().INFORMATIONS).not.toBe(etat.INFORMATIONS);
  });

  it("validates and locks exactly BLOCS_VALIDABLES, each under its own lock", () => {
    expect(DESCRIPTEURS_BLOCS.filter((d) => d.validable).map((d) => d.bloc)).toEqual([...BLOCS_VALIDABLES]);
    expect(DESCRIPTEURS_BLOCS.map((d) => d.verrou)).toEqual([
      null,
      "COORDONNEES_BANCAIRES",
      "BENEFICIAIRES",
      "ADMINISTRATEURS",
      "PIECES",
      null,
    ]);
  });
});
