import { describe, expect, it } from "vitest";
import { compte, debutJourParis, formatDate, formatDateHeureParis } from "../src/index.js";

describe("dates", () => {
  it("formats dd/mm/yyyy from UTC parts", () => {
    expect(formatDate("2022-09-20")).toBe("20/09/2022");
    expect(formatDate(new Date("2022-12-08T00:00:00Z"))).toBe("08/12/2022");
    expect(formatDate("2023-04-07T00:00:00.000Z")).toBe("07/04/2023");
    expect(formatDate("pas une date")).toBe("");
  });
});

describe("Paris time", () => {
  it("starts a day at midnight in Paris, winter and summer, across the DST changes", () => {
    expect(debutJourParis("2026-11-30").toISOString()).toBe("2026-11-29T23:00:00.000Z");
    expect(debutJourParis("2026-07-14").toISOString()).toBe("2026-07-13T22:00:00.000Z");
    // The day after 28/03/2026 (winter) is 29/03, when summer time begins at 02:00.
    expect(debutJourParis("2026-03-28", 1).toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(debutJourParis("2026-03-30").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(debutJourParis("2026-10-25").toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(debutJourParis("2026-10-26").toISOString()).toBe("2026-10-25T23:00:00.000Z");
    expect(debutJourParis("2026-12-31", 1).toISOString()).toBe("2026-12-31T23:00:00.000Z");
  });

  it("writes an instant as read in Paris", () => {
    expect(formatDateHeureParis(new Date("2026-11-30T18:05:09Z"))).toBe("30/11/2026 19:05");
    expect(formatDateHeureParis(new Date("2026-07-13T22:30:00Z"))).toBe("14/07/2026 00:30");
  });
});

describe("compte", () => {
  it("agrees the noun as French does: singular for 0 and 1, plural from 2", () => {
    expect(compte(0, "erreur", "erreurs")).toBe("0 erreur");
    expect(compte(1, "ligne reste rejetée", "lignes restent rejetées")).toBe("1 ligne reste rejetée");
    expect(compte(2, "erreur", "erreurs")).toBe("2 erreurs");
  });
});
