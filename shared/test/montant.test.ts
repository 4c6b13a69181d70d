import { describe, expect, it } from "vitest";
import {
  MONTANT_MAX_CENTIMES_DEFAUT,
  exempleDocumentImport,
  formatMontant,
  formatMontantDecimal,
  montantCsv,
  montantDecimal,
  parseMontant,
  validerDocumentImport,
} from "../src/index.js";

const espaces = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("amounts", () => {
  it("formats euros the French way", () => {
    expect(espaces(formatMontant(292000n))).toBe("2 920,00 €");
    expect(espaces(formatMontant(120000n))).toBe("1 200,00 €");
    expect(espaces(formatMontant(5n))).toBe("0,05 €");
    expect(espaces(formatMontant(0n))).toBe("0,00 €");
  });

  it("formats amounts beyond 32 bits and beyond float precision exactly", () => {
    expect(espaces(formatMontant(MONTANT_MAX_CENTIMES_DEFAUT))).toBe("100 000 000,00 €");
    expect(espaces(formatMontant(9_999_999_999_999n))).toBe("99 999 999 999,99 €");
    // 2^53 + 1 cents: a float would print …992,00
    expect(espaces(formatMontant(9_007_199_254_740_993n))).toBe("90 071 992 547 409,93 €");
    expect(espaces(formatMontantDecimal("99999999999.99"))).toBe("99 999 999 999,99 €");
    expect(formatMontantDecimal("n/a")).toBe("n/a");
  });

  it("writes the API decimal text and the CSV cell (decimal comma)", () => {
    expect(montantDecimal(292000n)).toBe("2920.00");
    expect(montantDecimal(MONTANT_MAX_CENTIMES_DEFAUT)).toBe("100000000.00");
    expect(montantDecimal(9_999_999_999_999n)).toBe("99999999999.99");
    expect(montantCsv(292000n)).toBe("2920,00");
    expect(montantCsv(5n)).toBe("0,05");
    expect(montantCsv(0n)).toBe("0,00");
    expect(montantCsv(-150n)).toBe("-1,50");
    expect(montantCsv(9_999_999_999_999n)).toBe("99999999999,99");
  });

  it("parses exactly, without float arithmetic", () => {
    expect(parseMontant("2920.00")).toBe(292000n);
    expect(parseMontant("2920")).toBe(292000n);
    expect(parseMontant("2920.5")).toBe(292050n);
    expect(parseMontant("2920,05")).toBe(292005n);
    expect(parseMontant(2920.1)).toBe(292010n);
    expect(parseMontant("0.29")).toBe(29n); // 0.29 * 100 = 28.999999999999996 in floats
    expect(parseMontant(1.15)).toBe(115n); // 1.15 * 100 = 114.99999999999999
    expect(parseMontant(0)).toBe(0n);
    expect(parseMontant("99999999999.99")).toBe(9_999_999_999_999n);
    expect(parseMontant("100000000.00")).toBe(MONTANT_MAX_CENTIMES_DEFAUT);
    expect(parseMontant("90071992547409.93")).toBe(9_007_199_254_740_993n);
  });

  it.each(["-1", "-0.01", "1.234", "abc", "", "1e3", "1 000", " . ", "2920.", ".5"])("refuses %j", (v) =>
    expect(parseMontant(v)).toBeNull(),
  );
  it("refuses odd numbers", () => {
    expect(parseMontant(-5)).toBeNull();
    expect(parseMontant(Number.NaN)).toBeNull();
    expect(parseMontant(Number.POSITIVE_INFINITY)).toBeNull();
    expect(parseMontant(0.1 + 0.2)).toBeNull();
    expect(parseMontant(1e21)).toBeNull();
  });
});

describe("the import maximum", () => {
  const options = { dateDebutCertificat: new Date("2023-09-21"), dateDepot: new Date("2024-01-01") };
  const avec = (montantSegurDeclare: unknown, o: { montantMaxCentimes?: bigint } = {}) => {
    const document = exempleDocumentImport();
    Object.assign(document.demandes[0]!, { montantSegurDeclare });
    return validerDocumentImport(document, { ...options, ...o });
  };

  it("accepts the maximum itself, exactly", () => {
    const r = avec("100000000.00");
    expect(r.erreurs).toEqual([]);
    expect(r.demandes[0]!.montantCentimes).toBe(10_000_000_000n);
  });

  it("refuses one cent more, naming the field", () => {
    const r = avec("100000000.01");
    expect(r.demandes).toEqual([]);
    expect(r.erreurs.map((e) => ({ ...e, message: espaces(e.message) }))).toEqual([
      {
        code: "TROP_GRAND",
        champ: "montantSegurDeclare",
        gravite: "ERREUR",
        path: ["demandes", 0, "montantSegurDeclare"],
        message: "Montant Ségur déclaré : 100 000 000,00 € au plus.",
      },
    ]);
  });

  it("refuses 99999999999.99 (text or number)", () => {
    for (const v of ["99999999999.99", 99999999999.99])
      expect(avec(v).erreurs.map((e) => e.code)).toEqual(["TROP_GRAND"]);
  });

  it("uses the configured maximum", () => {
    expect(avec("1000.01", { montantMaxCentimes: 100000n }).erreurs.map((e) => espaces(e.message))).toEqual([
      "Montant Ségur déclaré : 1 000,00 € au plus.",
    ]);
    expect(avec("1000.00", { montantMaxCentimes: 100000n }).erreurs).toEqual([]);
  });

  it.each([
    ["-1", "FORMAT"],
    ["12,345", "FORMAT"],
    ["mille", "FORMAT"],
    [true, "FORMAT"],
    [null, "REQUIS"],
  ])("refuses %j clearly (%s)", (v, code) => {
    const r = avec(v);
    expect(r.erreurs).toMatchObject([
      {
        code,
        path: ["demandes", 0, "montantSegurDeclare"],
        message: expect.stringMatching(/^Montant Ségur déclaré : montant positif/),
      },
    ]);
  });
});
