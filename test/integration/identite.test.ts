import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exempleDocumentImport } from "@segur/shared";
import { creerAppTest, importerExemple, type AppTest } from "../../server/test/aide.js";
import { decomposerCleApi } from "../../server/src/auth/secrets.js";
import { creerUtilisateur } from "../../server/src/auth/service.js";

let app: AppTest;
beforeEach(async () => {
  app = await creerAppTest();
});
afterEach(() => app.fermer());

const connexion = (email: string, motDePasse: string) =>
  app.fetch("http://test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `mutation($i: ConnexionInput!) { connexion(input: $i) { __typename ... on Erreur { code message } ... on ConnexionSucces { moi { nom role } } } }`,
      variables: { i: { email, motDePasse } },
    }),
  });

describe("identity", () => {
  it("logs in with an httpOnly SameSite cookie and logs out", async () => {
    await creerUtilisateur(app.prisma, {
      email: "g2@test.fr",
      nom: "G2",
      role: "GESTIONNAIRE",
      motDePasse: "un-mot-de-passe-long",
    });
    const res = await connexion("G2@test.fr", "un-mot-de-passe-long");
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^segur_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect((await res.json()).data.connexion.moi).toEqual({ nom: "G2", role: "GESTIONNAIRE" });
    const headers = { cookie: cookie.split(";")[0]! };
    expect((await app.gql(`{ moi { role } }`, {}, { headers })).data.moi.role).toBe("GESTIONNAIRE");
    await app.gql(`mutation { deconnexion }`, {}, { headers });
    expect((await app.gql(`{ moi { role } }`, {}, { headers })).data.moi).toBeNull();
    // the stored session is a hash, not the token
    expect(await app.prisma.session.count({ where: { jetonHash: cookie.split(";")[0]!.split("=")[1]! } })).toBe(0);
  });

  it("resolves a session by one read-only statement on every request; a deactivated user's session no longer signs in", async () => {
    const u = await creerUtilisateur(app.prisma, {
      email: "g3@test.fr",
      nom: "G3",
      role: "GESTIONNAIRE",
      motDePasse: "un-mot-de-passe-long",
    });
    const headers = {
      cookie: (await connexion("g3@test.fr", "un-mot-de-passe-long")).headers.get("set-cookie")!.split(";")[0]!,
    };
    const avant = app.requetes.length;
    expect((await app.gql(`{ moi { nom role } }`, {}, { headers })).data.moi).toEqual({
      nom: "G3",
      role: "GESTIONNAIRE",
    });
    const faites = app.requetes.slice(avant);
    expect(faites).toHaveLength(1);
    expect(faites[0]).toMatch(/^\s*SELECT/);
    await app.prisma.utilisateur.update({ where: { id: u.id }, data: { actif: false } });
    expect((await app.gql(`{ moi { role } }`, {}, { headers })).data.moi).toBeNull();
    expect(
      (await app.gql(`{ moi { role } }`, {}, { headers: { cookie: "segur_session=inconnu" } })).data.moi,
    ).toBeNull();
  });

  it("answers the same French message for a wrong password and an unknown account", async () => {
    const a = await (await connexion("gestionnaire@test.fr", "mauvais")).json();
    const b = await (await connexion("inconnu@test.fr", "mauvais")).json();
    expect(a.data.connexion).toEqual({
      __typename: "ErreurAuthentification",
      code: "AUTHENTIFICATION",
      message: "Adresse électronique ou mot de passe incorrect.",
    });
    expect(b.data.connexion).toEqual(a.data.connexion);
  });

  it("accepts a supplier API key only as issued, and stores it hashed", async () => {
    const f = await app.fournisseur("00001");
    expect((await app.gql(`{ moi { role numeroEditeur } }`, {}, f)).data.moi).toEqual({
      role: "FOURNISSEUR",
      numeroEditeur: "00001",
    });
    const cle = f.headers.authorization!.slice("Bearer ".length);
    const trafiquee = `${cle.slice(0, -1)}${cle.endsWith("A") ? "B" : "A"}`;
    expect(
      (await app.gql(`{ moi { role } }`, {}, { headers: { authorization: `Bearer ${trafiquee}` } })).data.moi,
    ).toBeNull();
    const stockee = await app.prisma.cleApi.findFirstOrThrow();
    // The secret is base64url: it may itself hold « _ ».
    const { secret } = decomposerCleApi(cle)!;
    expect(secret.length).toBeGreaterThanOrEqual(40);
    expect(stockee.secretHash).not.toContain(secret);
    await app.prisma.cleApi.update({ where: { id: stockee.id }, data: { revoqueeLe: new Date() } });
    expect((await app.gql(`{ moi { role } }`, {}, f)).data.moi).toBeNull();
  });

  it("lets a read-only key read its demandes but neither import nor modify, in French", async () => {
    const numero = await importerExemple(app);
    const lecture = await app.fournisseur("00001", { lectureSeule: true });
    const moi = await app.gql(`{ moi { role numeroEditeur lectureSeule } }`, {}, lecture);
    expect(moi.data.moi).toEqual({ role: "FOURNISSEUR", numeroEditeur: "00001", lectureSeule: true });
    const d = await app.gql(
      `query($n: String!) { demande(numero: $n) { numero droits { modifier } } }`,
      { n: numero },
      lecture,
    );
    expect(d.data.demande).toEqual({ numero, droits: { modifier: false } });

    const refus = {
      __typename: "ErreurAutorisation",
      code: "LECTURE_SEULE",
      message: "Cette clé API est en lecture seule : elle ne peut ni importer ni modifier de demande.",
    };
    const importer = await app.gql(
      `mutation($i: DemandesImporterInput!) { demandesImporter(input: $i) { __typename ... on Erreur { code message } } }`,
      { i: { document: exempleDocumentImport() } },
      lecture,
    );
    expect(importer.data.demandesImporter).toEqual(refus);
    const ouvrir = await app.gql(
      `mutation($i: BrouillonOuvrirInput!) { brouillonOuvrir(input: $i) { __typename ... on Erreur { code message } } }`,
      { i: { numero } },
      lecture,
    );
    expect(ouvrir.data.brouillonOuvrir).toEqual(refus);
    expect(await app.prisma.brouillon.count()).toBe(0);
    expect(await app.prisma.demande.count()).toBe(1);
    // A read-write key of the same éditeur is unaffected.
    const ecriture = await app.fournisseur("00001");
    expect((await app.gql(`{ moi { lectureSeule } }`, {}, ecriture)).data.moi.lectureSeule).toBe(false);
  });

  it("refuses the list to anonymous callers with UNAUTHENTICATED", async () => {
    const r = await app.gql(`{ demandes { totalCount } }`);
    expect(r.errors?.[0]?.extensions).toEqual({ code: "UNAUTHENTICATED" });
  });

  // Login throttling (growing delays per account and per address, in the database): connexion.test.ts.
});
