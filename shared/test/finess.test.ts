import { describe, expect, it } from "vitest";
import { finessCleValide, finessFormatValide, normaliserFiness } from "../src/index.js";

const CLE_BONNE = [
  "330058066",
  "750712184",
  "750100125",
  "130786049",
  "690781810",
  "010000156",
  "010780195",
  "2A0000014",
  "2B0000020",
  "970302022",
];
const CLE_FAUSSE = ["330058067", "750712185", "2A0000015"];

describe("FINESS", () => {
  it.each(CLE_BONNE)("%s: format and key valid", (n) => {
    expect(finessFormatValide(n)).toBe(true);
    expect(finessCleValide(n)).toBe(true);
  });

  it.each(CLE_FAUSSE)("%s: format valid, key wrong", (n) => {
    expect(finessFormatValide(n)).toBe(true);
    expect(finessCleValide(n)).toBe(false);
  });

  it("reads Corsica 2A as 21 and 2B as 22 (not 20)", () => {
    // With 2A read as 20 the key of 2A0000014 would be wrong.
    expect(finessCleValide("2A0000014")).toBe(true);
    expect(finessCleValide("2B0000020")).toBe(true);
    expect(finessCleValide("2B0000021")).toBe(false);
  });

  it.each(["33005806", "3300580660", "2C0000014", "AB0000014", "33005806A", " 330058066", "2a0000014", ""])(
    "rejects the format of %j",
    (n) => {
      expect(finessFormatValide(n)).toBe(false);
      expect(finessCleValide(n)).toBe(false);
    },
  );

  it("normalises case and spaces", () => {
    expect(normaliserFiness(" 2a0000014 ")).toBe("2A0000014");
  });
});
