import { describe, expect, it } from "vitest";
import { lireExpiration } from "../src/cli/expiration.js";

// 1 December 2026, 23:30 in Paris (22:30 UTC).
const maintenant = new Date("2026-12-01T22:30:00Z");

describe("users cle --expire", () => {
  it("no option: a key without expiry", () => {
    expect(lireExpiration(undefined, maintenant)).toBeNull();
  });

  it("a future day: valid through that whole day, Paris time", () => {
    expect(lireExpiration("2026-12-02", maintenant)).toEqual(new Date("2026-12-02T23:00:00Z"));
    expect(lireExpiration("2027-07-14", maintenant)).toEqual(new Date("2027-07-14T22:00:00Z"));
  });

  it("a past day or today is refused in French (the key would be dead on arrival)", () => {
    expect(() => lireExpiration("2026-11-30", maintenant)).toThrow(
      "--expire : la date d'expiration 30/11/2026 doit être postérieure à aujourd'hui (01/12/2026) ; la clé serait inutilisable.",
    );
    expect(() => lireExpiration("2026-12-01", maintenant)).toThrow(/postérieure à aujourd'hui/);
    // 00:30 in Paris on 2 December is already « today = 02/12 ».
    expect(() => lireExpiration("2026-12-02", new Date("2026-12-01T23:30:00Z"))).toThrow(/02\/12\/2026/);
  });

  it("a malformed or impossible date is refused", () => {
    expect(() => lireExpiration("31/12/2027", maintenant)).toThrow(
      "--expire : date réelle au format AAAA-MM-JJ attendue (reçu « 31/12/2027 »).",
    );
    expect(() => lireExpiration("2027-02-30", maintenant)).toThrow(/AAAA-MM-JJ/);
  });
});
