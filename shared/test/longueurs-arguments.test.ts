import { describe, expect, it } from "vitest";
import {
  LIMITES,
  LONGUEUR_ARGUMENT_DEFAUT,
  depassementLongueur,
  libelleChamp,
  longueurMaxArgument,
  messageTropLong,
} from "../src/index.js";

describe("maximum length of API arguments", () => {
  it("is the default for any name, longer for the free texts, never below a field rule", () => {
    expect(longueurMaxArgument("numero")).toBe(LONGUEUR_ARGUMENT_DEFAUT);
    expect(longueurMaxArgument("constructor")).toBe(LONGUEUR_ARGUMENT_DEFAUT);
    expect(longueurMaxArgument("__proto__")).toBe(LONGUEUR_ARGUMENT_DEFAUT);
    expect(longueurMaxArgument("motif")).toBeGreaterThanOrEqual(LIMITES.motif.max);
    expect(longueurMaxArgument("message")).toBeGreaterThanOrEqual(LIMITES.messageFournisseur.max);
    expect(longueurMaxArgument("scenarioInstallation")).toBeGreaterThanOrEqual(LIMITES.scenarioInstallation.max);
    expect(longueurMaxArgument("commentaire")).toBeGreaterThanOrEqual(LIMITES.commentaire.max);
  });

  it("counts code points, as a person does", () => {
    expect(depassementLongueur("numero", "é".repeat(200))).toBeNull();
    // 200 emoji are 400 UTF-16 units, still 200 characters
    expect(depassementLongueur("numero", "😀".repeat(200))).toBeNull();
    expect(depassementLongueur("numero", "😀".repeat(201))).toEqual({ max: 200, recu: 201 });
  });

  it("says which argument, its maximum and what was received, in French", () => {
    expect(messageTropLong("Argument", "filtre.numero", { max: 200, recu: 1_048_576 })).toMatch(
      /^Argument filtre\.numero : 200 caractères au plus \(reçu 1\s048\s576\)\.$/u,
    );
  });
});

describe("field labels", () => {
  it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"])(
    "a field named %s is labelled by its name",
    (nom) => {
      expect(libelleChamp(nom)).toBe(nom);
    },
  );
});
