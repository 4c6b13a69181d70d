import { describe, expect, it } from "vitest";
import {
  ETATS_COURRIEL,
  ETATS_COURRIEL_LABELS,
  EVENEMENTS_LABELS,
  TENTATIVES_COURRIEL_MAX,
  delaiConnexion,
  delaiNouvelEssaiCourriel,
  messageTropDeTentatives,
} from "../src/index.js";

describe("outbox", () => {
  it("labels every delivery state and the new journal events in French", () => {
    expect(ETATS_COURRIEL.map((e) => ETATS_COURRIEL_LABELS[e])).toEqual(["En attente", "Envoyé", "Échec"]);
    expect(EVENEMENTS_LABELS.COURRIEL_ECHEC).toBe("Échec d’envoi d’un courriel");
    expect(EVENEMENTS_LABELS.COURRIEL_RELANCE).toBe("Courriel relancé");
    expect(EVENEMENTS_LABELS.CONNEXION_LIMITEE).toBe("Connexion ralentie (trop d’échecs)");
  });

  it("waits 1, 2, 4… minutes between attempts, capped at 2 hours", () => {
    expect([1, 2, 3, 4].map(delaiNouvelEssaiCourriel)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(delaiNouvelEssaiCourriel(TENTATIVES_COURRIEL_MAX)).toBe(2 * 3600_000);
    expect(delaiNouvelEssaiCourriel(50)).toBe(2 * 3600_000);
  });
});

describe("login throttling", () => {
  it("lets the first failures through, then doubles the delay from 1 s", () => {
    expect([1, 2, 3].map((n) => delaiConnexion("compte", n))).toEqual([0, 0, 0]);
    expect([4, 5, 6, 7].map((n) => delaiConnexion("compte", n))).toEqual([1000, 2000, 4000, 8000]);
    expect(delaiConnexion("adresse", 10)).toBe(0);
    expect(delaiConnexion("adresse", 11)).toBe(1000);
  });

  it("slows an account down for at most a minute (no lock-out), an address for at most 15 minutes", () => {
    expect(delaiConnexion("compte", 1000)).toBe(60_000);
    expect(delaiConnexion("adresse", 1000)).toBe(15 * 60_000);
  });

  it("says how many seconds to wait", () => {
    expect(messageTropDeTentatives(4000)).toBe("Trop de tentatives : réessayez dans 4 secondes.");
    expect(messageTropDeTentatives(200)).toBe("Trop de tentatives : réessayez dans 1 seconde.");
  });
});
