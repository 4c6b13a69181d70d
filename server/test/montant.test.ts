import { describe, expect, it } from "vitest";
import { lireConfig } from "../src/config.js";
import { centimesInt32 } from "../src/commun/types.js";
import { depuisTexte, ligneTypee } from "../src/historique/champs.js";

describe("amount configuration (MONTANT_MAX_EUROS)", () => {
  it("defaults to 100 000 000,00 € and reads euros exactly", () => {
    expect(lireConfig({}).montantMaxCentimes).toBe(10_000_000_000n);
    expect(lireConfig({ MONTANT_MAX_EUROS: "250000.50" }).montantMaxCentimes).toBe(25_000_050n);
    expect(lireConfig({ MONTANT_MAX_EUROS: "99999999999.99" }).montantMaxCentimes).toBe(9_999_999_999_999n);
  });

  it("refuses a value that is not an amount, in French, naming the variable", () => {
    expect(() => lireConfig({ MONTANT_MAX_EUROS: "cent" })).toThrow(/^MONTANT_MAX_EUROS doit être un montant en euros/);
    expect(() => lireConfig({ MONTANT_MAX_EUROS: "-1" })).toThrow(/MONTANT_MAX_EUROS/);
  });
});

describe("the deprecated 32-bit montantCentimes", () => {
  it("is the cents while an Int holds them, null beyond (never an error)", () => {
    expect(centimesInt32(292_000n)).toBe(292_000);
    expect(centimesInt32(2_147_483_647n)).toBe(2_147_483_647);
    expect(centimesInt32(2_147_483_648n)).toBeNull();
    expect(centimesInt32(10_000_000_000n)).toBeNull();
    expect(centimesInt32(null)).toBeNull();
  });
});

describe("history values of an amount", () => {
  it("are read back as exact bigint cents", () => {
    expect(depuisTexte("centimes", "9007199254740993")).toBe(9_007_199_254_740_993n);
    expect(depuisTexte("centimes", null)).toBeNull();
    expect(ligneTypee("INFORMATIONS", { montantCentimes: "10000000000" }).montantCentimes).toBe(10_000_000_000n);
  });
});
