import { describe, expect, it } from "vitest";
import { LIMITES, validerInformations } from "../src/index.js";

describe("informations de la demande (modifiable fields)", () => {
  it("answers only the fields given, trimmed; an empty one clears the field", () => {
    expect(validerInformations({ courrielContact: " contact@editeur.fr " })).toEqual({
      valeur: { courrielContact: "contact@editeur.fr" },
      erreurs: [],
      avertissements: [],
    });
    expect(validerInformations({ scenarioInstallation: "" }).valeur).toEqual({ scenarioInstallation: null });
    expect(validerInformations({}).valeur).toEqual({});
  });

  it("refuses a bad contact email, naming the field in French", () => {
    const r = validerInformations({ courrielContact: "pas-un-courriel" });
    expect(r.valeur).toBeUndefined();
    expect(r.erreurs).toHaveLength(1);
    expect(r.erreurs[0]).toMatchObject({ champ: "courrielContact", path: ["courrielContact"], gravite: "ERREUR" });
    expect(r.erreurs[0]!.message).toMatch(/^Courriel de contact : adresse email valide attendue/);
  });

  it("holds the scenario to its limit, at and past the bound", () => {
    const max = LIMITES.scenarioInstallation.max;
    expect(validerInformations({ scenarioInstallation: "a".repeat(max) }).erreurs).toEqual([]);
    const trop = validerInformations({ scenarioInstallation: "a".repeat(max + 1) });
    expect(trop.erreurs[0]).toMatchObject({ champ: "scenarioInstallation", code: "TROP_LONG" });
  });
});
