import { describe, expect, it } from "vitest";
import { bicValide, emailValide, formatIban, ibanValide, normaliserIban, telephoneFrancais } from "../src/index.js";

describe("IBAN / BIC", () => {
  it("accepts the IBAN of the spec, spaced or not, any case", () => {
    expect(ibanValide("FR7611808009101234567890147")).toBe(true);
    expect(ibanValide("FR76 1180 8009 1012 3456 7890 147")).toBe(true);
    expect(ibanValide("fr7611808009101234567890147")).toBe(true);
  });

  it("rejects a mutated IBAN (mod-97)", () => {
    expect(ibanValide("FR7611808009101234567890148")).toBe(false);
    expect(ibanValide("FR7711808009101234567890147")).toBe(false);
    expect(ibanValide("")).toBe(false);
  });

  it("normalises and formats", () => {
    expect(normaliserIban(" fr76 1180 8009 1012 3456 7890 147 ")).toBe("FR7611808009101234567890147");
    expect(formatIban("FR7611808009101234567890147")).toBe("FR76 1180 8009 1012 3456 7890 147");
  });

  it("accepts BIC of 8 and 11 characters, rejects others", () => {
    expect(bicValide("CMCIFRPA")).toBe(true);
    expect(bicValide("CMCIFRPAXXX")).toBe(true);
    expect(bicValide("cmcifrpa")).toBe(true);
    expect(bicValide("CMCIFRP")).toBe(false);
    expect(bicValide("CMCIFRPAXX")).toBe(false);
    expect(bicValide("CMCIFRPAXXXX")).toBe(false);
    expect(bicValide("CMCIZZPA")).toBe(false);
  });
});

describe("telephone and email", () => {
  it.each([
    "0603334174",
    "06 03 33 41 74",
    "+33 6 03 33 41 74",
    "0145000006",
    "0690123456",
    "+590 690 12 34 56",
    "0262123456",
    "+687 75 12 34",
  ])("%s is French", (t) => expect(telephoneFrancais(t)).toBe(true));
  it.each(["12", "0123", "abc", "", "+44 20 7946 0958", "+1 202 555 0143"])("%s is not French", (t) =>
    expect(telephoneFrancais(t)).toBe(false),
  );

  it("email (details in email.test.ts)", () => {
    expect(emailValide("a.st@mail.com")).toBe(true);
    expect(emailValide("a.st@mail")).toBe(false);
    expect(emailValide("a st@mail.com")).toBe(false);
    expect(emailValide("")).toBe(false);
  });
});
