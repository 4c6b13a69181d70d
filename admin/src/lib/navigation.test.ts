import { describe, expect, it } from "vitest";
import { deplacerFocus, estEchecChargement, titrePage } from "./navigation";

describe("navigation", () => {
  it("tells a chunk that could not load from any other error", () => {
    expect(estEchecChargement(new TypeError("Failed to fetch dynamically imported module: /assets/X-1.js"))).toBe(true);
    expect(estEchecChargement(new TypeError("error loading dynamically imported module"))).toBe(true);
    expect(estEchecChargement(new TypeError("Importing a module script failed."))).toBe(true);
    expect(estEchecChargement(new Error("Unable to preload CSS for /assets/X.css"))).toBe(true);
    expect(estEchecChargement(new Error("Cannot read properties of undefined"))).toBe(false);
  });

  it("puts the numéro of a demande in the tab's title", () => {
    expect(titrePage({ meta: { title: "Demande" }, params: { numero: "FINMS2007720M0" } })).toBe(
      "Demande FINMS2007720M0 — Ségur — Back office",
    );
    expect(titrePage({ meta: { title: "Journal d’audit" }, params: {} })).toBe("Journal d’audit — Ségur — Back office");
    expect(titrePage({ meta: {}, params: {} })).toBe("Ségur — Back office");
  });

  it("moves the focus on a new page only, not on the first load nor on a query change", () => {
    expect(deplacerFocus({ path: "/journal" }, { path: "/demandes", matched: [{}] })).toBe(true);
    expect(deplacerFocus({ path: "/journal" }, { path: "/journal", matched: [{}] })).toBe(false);
    expect(deplacerFocus({ path: "/journal" }, { path: "/", matched: [] })).toBe(false);
  });
});
