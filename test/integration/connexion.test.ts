import { afterEach, describe, expect, it, vi } from "vitest";
import { creerAppTest, type AppTest } from "../../server/test/aide.js";
import { creerUtilisateur, ouvrirSession } from "../../server/src/auth/service.js";
import { ErreurAuthentification } from "../../server/src/commun/erreurs.js";

const CONNEXION = `mutation($i: ConnexionInput!) { connexion(input: $i) { __typename ... on Erreur { code message } ... on ConnexionSucces { moi { nom } } } }`;
const INCORRECT = {
  __typename: "ErreurAuthentification",
  code: "AUTHENTIFICATION",
  message: "Adresse électronique ou mot de passe incorrect.",
};

let app: AppTest;
afterEach(() => app.fermer());

/** A login through the API, from client address `adresse` (as a trusted proxy reports it). */
async function connexion(email: string, motDePasse: string, adresse: string) {
  const res = await app.fetch("http://test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": adresse },
    body: JSON.stringify({ query: CONNEXION, variables: { i: { email, motDePasse } } }),
  });
  return (await res.json()).data.connexion;
}

/** A login at a chosen time (the delays are checked against the clock, not waited for). */
const essai = (prisma: AppTest["prisma"], email: string, motDePasse: string, le: Date, adresse: string | null = null) =>
  ouvrirSession(prisma, email, motDePasse, 12, { adresse, maintenant: le }).then(
    () => "OK",
    (e) => (e instanceof ErreurAuthentification ? `${e.code} ${e.message}` : Promise.reject(e)),
  );

const T0 = new Date("2026-12-01T09:00:00.000Z");
const a = (ms: number) => new Date(T0.getTime() + ms);
const FAUX = "AUTHENTIFICATION Adresse électronique ou mot de passe incorrect.";

describe("login throttling", () => {
  it("slows an account down with growing delays, capped at a minute, without checking the password meanwhile; success resets it", async () => {
    app = await creerAppTest();
    await creerUtilisateur(app.prisma, {
      email: "g3@test.fr",
      nom: "G3",
      role: "GESTIONNAIRE",
      motDePasse: "le-bon-mot-de-passe",
    });
    for (let i = 0; i < 4; i++) expect(await essai(app.prisma, "G3@test.fr ", `faux-${i}`, a(0))).toBe(FAUX);
    // 4th failure: 1 s during which even the right password is not checked.
    expect(await essai(app.prisma, "g3@test.fr", "le-bon-mot-de-passe", a(500))).toBe(
      "TROP_DE_TENTATIVES Trop de tentatives : réessayez dans 1 seconde.",
    );
    expect(await essai(app.prisma, "g3@test.fr", "faux", a(1000))).toBe(FAUX);
    expect(await essai(app.prisma, "g3@test.fr", "faux", a(1500))).toBe(
      "TROP_DE_TENTATIVES Trop de tentatives : réessayez dans 2 secondes.",
    );
    // Refused attempts are not failures: the count is 5.
    expect(await app.prisma.limiteConnexion.findUnique({ where: { cle: "compte:g3@test.fr" } })).toMatchObject({
      echecs: 5,
      bloqueJusquA: a(3000),
    });

    let t = 3000;
    for (let i = 0; i < 10; i++) {
      expect(await essai(app.prisma, "g3@test.fr", "faux", a(t))).toBe(FAUX);
      t =
        (
          await app.prisma.limiteConnexion.findUniqueOrThrow({ where: { cle: "compte:g3@test.fr" } })
        ).bloqueJusquA!.getTime() - T0.getTime();
    }
    const ligne = await app.prisma.limiteConnexion.findUniqueOrThrow({ where: { cle: "compte:g3@test.fr" } });
    // Never a lock-out: at worst the real user waits a minute.
    expect(ligne.bloqueJusquA!.getTime() - ligne.dernierEchecLe.getTime()).toBe(60_000);

    expect(await essai(app.prisma, "g3@test.fr", "le-bon-mot-de-passe", a(t))).toBe("OK");
    expect(await app.prisma.limiteConnexion.findUnique({ where: { cle: "compte:g3@test.fr" } })).toBeNull();
    expect(await essai(app.prisma, "g3@test.fr", "faux", a(t))).toBe(FAUX);

    // One audit event when the delays began, not one per attempt.
    const ev = await app.prisma.evenementAudit.findMany({ where: { type: "CONNEXION_LIMITEE" } });
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ demandeId: null, auteur: "Système" });
    expect(JSON.parse(ev[0]!.details)).toEqual({ compte: "g3@test.fr", echecs: 4, delaiSecondes: 1 });
  });

  it("answers an unknown account exactly like a known one, delays included", async () => {
    app = await creerAppTest();
    const reponses = async (email: string) => {
      const r: string[] = [];
      for (let i = 0; i < 4; i++) r.push(await essai(app.prisma, email, "faux", a(0)));
      r.push(await essai(app.prisma, email, "faux", a(200)));
      return r;
    };
    const connu = await reponses("gestionnaire@test.fr");
    expect(await reponses("personne@test.fr")).toEqual(connu);
    expect(connu.at(-1)).toBe("TROP_DE_TENTATIVES Trop de tentatives : réessayez dans 1 seconde.");
    expect(await app.prisma.limiteConnexion.count()).toBe(2);
  });

  it("keeps the counters in the database: a restarted server (fresh modules, new connection) still applies them", async () => {
    app = await creerAppTest();
    for (let i = 0; i < 4; i++) await essai(app.prisma, "gestionnaire@test.fr", "faux", a(0));

    vi.resetModules(); // nothing kept in the previous modules' memory
    const { ouvrirBase } = await import("@segur/prisma");
    const service = await import("../../server/src/auth/service.js");
    const autre = await ouvrirBase(app.urlBase, { migrer: false });
    try {
      await expect(
        service.ouvrirSession(autre, "gestionnaire@test.fr", "motdepasse-test", 12, { maintenant: a(500) }),
      ).rejects.toMatchObject({
        code: "TROP_DE_TENTATIVES",
        message: "Trop de tentatives : réessayez dans 1 seconde.",
      });
      await expect(
        service.ouvrirSession(autre, "gestionnaire@test.fr", "motdepasse-test", 12, { maintenant: a(1000) }),
      ).resolves.toBeTruthy();
    } finally {
      await autre.$disconnect();
    }
  });

  it("limits a client address across accounts (behind a trusted proxy), without touching other addresses", async () => {
    app = await creerAppTest({ proxyDeConfiance: true });
    // The proxy appends the real address; the client wrote the first entry itself.
    const adresse = "10.9.9.9, 203.0.113.7";
    for (let i = 0; i < 11; i++) expect(await connexion(`compte-${i}@test.fr`, "faux", adresse)).toEqual(INCORRECT);
    const ligne = await app.prisma.limiteConnexion.findUniqueOrThrow({ where: { cle: "adresse:203.0.113.7" } });
    expect(ligne.echecs).toBe(11);
    expect(ligne.bloqueJusquA!.getTime() - ligne.dernierEchecLe.getTime()).toBe(1000);
    expect(await app.prisma.limiteConnexion.count({ where: { cle: { startsWith: "adresse:10.9.9.9" } } })).toBe(0);
    const ev = await app.prisma.evenementAudit.findMany({ where: { type: "CONNEXION_LIMITEE" } });
    expect(ev.map((e) => JSON.parse(e.details))).toEqual([{ adresse: "203.0.113.7", echecs: 11, delaiSecondes: 1 }]);

    // While that address is delayed, even a real account's right password is not checked from it…
    await app.prisma.limiteConnexion.update({
      where: { cle: "adresse:203.0.113.7" },
      data: { bloqueJusquA: new Date(Date.now() + 10 * 60_000) },
    });
    const refus = await connexion("gestionnaire@test.fr", "motdepasse-test", adresse);
    expect(refus).toMatchObject({ __typename: "ErreurAuthentification", code: "TROP_DE_TENTATIVES" });
    expect(refus.message).toMatch(/^Trop de tentatives : réessayez dans \d+ secondes\.$/);
    // …while the same user logs in from elsewhere, and that success does not clear the address.
    expect(await connexion("gestionnaire@test.fr", "motdepasse-test", "198.51.100.4")).toEqual({
      __typename: "ConnexionSucces",
      moi: { nom: "Gaëlle Gestion" },
    });
    expect(await app.prisma.limiteConnexion.count({ where: { cle: "adresse:203.0.113.7" } })).toBe(1);
  });

  it("ignores X-Forwarded-For unless a trusted proxy is configured", async () => {
    app = await creerAppTest();
    expect(await connexion("gestionnaire@test.fr", "faux", "203.0.113.7")).toEqual(INCORRECT);
    expect((await app.prisma.limiteConnexion.findMany()).map((l) => l.cle)).toEqual(["compte:gestionnaire@test.fr"]);
  });

  it("forgets failures after a quiet day and purges stale counters", async () => {
    app = await creerAppTest();
    for (let i = 0; i < 4; i++) await essai(app.prisma, "gestionnaire@test.fr", "faux", a(0));
    await essai(app.prisma, "auditeur@test.fr", "faux", a(0));
    const lendemain = a(24 * 3600_000 + 1);
    expect(await essai(app.prisma, "gestionnaire@test.fr", "faux", lendemain)).toBe(FAUX);
    expect(await app.prisma.limiteConnexion.findMany({ select: { cle: true, echecs: true } })).toEqual([
      { cle: "compte:gestionnaire@test.fr", echecs: 1 },
    ]);
  });
});
