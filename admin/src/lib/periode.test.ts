import { describe, expect, it } from "vitest";
import { erreurPeriode, MESSAGE_PERIODE_INVERSEE } from "./periode";

describe("erreurPeriode", () => {
  it("refuses an end before the start, in French; the same day or an open end is fine", () => {
    expect(erreurPeriode("2026-03-02", "2026-03-01")).toBe(MESSAGE_PERIODE_INVERSEE);
    expect(erreurPeriode("2026-03-01", "2026-03-01")).toBeNull();
    expect(erreurPeriode("2026-03-01", "")).toBeNull();
    expect(erreurPeriode("", "2026-03-01")).toBeNull();
  });
});
