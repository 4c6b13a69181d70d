import { describe, expect, it, vi } from "vitest";
import { createSession, type SessionClient } from "~/composables/useSession";
import { destinationApresConnexion } from "~/lib/redirection";
import { MESSAGE_RESEAU } from "~/lib/resultat";

const MOI = {
  nom: "Camille Martin",
  email: "camille.martin@asp.example",
  role: "GESTIONNAIRE",
  numeroEditeur: null,
} as const;

/** A client whose next query / mutation resolves to the given results (or rejects). */
function fakeClient(results: { query?: unknown[]; mutation?: unknown[] }) {
  const answer = (queue: unknown[] = []) =>
    vi.fn(() => {
      const next = queue.shift();
      return { toPromise: () => (next instanceof Error ? Promise.reject(next) : Promise.resolve(next)) };
    });
  const client = { query: answer(results.query), mutation: answer(results.mutation) };
  return client as typeof client & SessionClient;
}

describe("createSession", () => {
  it("asks the server once, then serves the cached user", async () => {
    const client = fakeClient({ query: [{ data: { moi: MOI } }] });
    const session = createSession(() => client);

    await expect(session.charger()).resolves.toEqual(MOI);
    await expect(session.charger()).resolves.toEqual(MOI);

    expect(client.query).toHaveBeenCalledTimes(1);
    expect(session.connecte.value).toBe(true);
    expect(session.roleLabel.value).toBe("Gestionnaire");
  });

  it("shares one request between concurrent callers and reloads on demand", async () => {
    const client = fakeClient({ query: [{ data: { moi: null } }, { data: { moi: MOI } }] });
    const session = createSession(() => client);

    const [a, b] = await Promise.all([session.charger(), session.charger()]);
    expect(a).toBeNull();
    expect(b).toBeNull();
    expect(client.query).toHaveBeenCalledTimes(1);

    await expect(session.charger({ force: true })).resolves.toEqual(MOI);
    expect(client.query).toHaveBeenCalledTimes(2);
  });

  it('does not remember a network failure as "anonymous"', async () => {
    const client = fakeClient({
      query: [{ error: { networkError: new Error("ECONNREFUSED") } }, { data: { moi: MOI } }],
    });
    const session = createSession(() => client);

    await expect(session.charger()).resolves.toBeNull();
    expect(session.charge.value).toBe(false);
    await expect(session.charger()).resolves.toEqual(MOI);
  });

  it("logs in and drops the previous user's cache", async () => {
    const onChangement = vi.fn();
    const client = fakeClient({ mutation: [{ data: { connexion: { __typename: "ConnexionSucces", moi: MOI } } }] });
    const session = createSession(() => client, onChangement);

    const issue = await session.connecter({ email: MOI.email, motDePasse: "secret" });

    expect(issue).toEqual({ ok: true, valeur: MOI });
    expect(session.moi.value).toEqual(MOI);
    expect(onChangement).toHaveBeenCalledOnce();
    expect(client.mutation).toHaveBeenCalledWith(expect.anything(), {
      input: { email: MOI.email, motDePasse: "secret" },
    });
  });

  it("returns the server's authentication message", async () => {
    const client = fakeClient({
      mutation: [
        {
          data: {
            connexion: {
              __typename: "ErreurAuthentification",
              code: "IDENTIFIANTS_INVALIDES",
              message: "Identifiants incorrects.",
            },
          },
        },
      ],
    });
    const session = createSession(() => client);

    await expect(session.connecter({ email: "x@y.fr", motDePasse: "z" })).resolves.toMatchObject({
      ok: false,
      type: "AUTHENTIFICATION",
      code: "IDENTIFIANTS_INVALIDES",
      message: "Identifiants incorrects.",
      champs: {},
    });
    expect(session.connecte.value).toBe(false);
  });

  it("maps validation problems to fields, first message wins", async () => {
    const client = fakeClient({
      mutation: [
        {
          data: {
            connexion: {
              __typename: "ErreurValidation",
              code: "VALIDATION",
              message: "Données invalides.",
              problemes: [
                {
                  champ: "email",
                  message: "Adresse invalide.",
                  path: ["input", "email"],
                  code: "FORMAT",
                  gravite: "ERREUR",
                },
                {
                  champ: "email",
                  message: "Second message.",
                  path: ["input", "email"],
                  code: "FORMAT",
                  gravite: "ERREUR",
                },
              ],
            },
          },
        },
      ],
    });
    const session = createSession(() => client);

    await expect(session.connecter({ email: "x", motDePasse: "z" })).resolves.toMatchObject({
      ok: false,
      message: "Données invalides.",
      champs: { email: "Adresse invalide." },
    });
  });

  it("says so when the server cannot be reached", async () => {
    const client = fakeClient({ mutation: [{ error: { networkError: new Error("ECONNREFUSED") } }] });
    const session = createSession(() => client);

    const issue = await session.connecter({ email: "x@y.fr", motDePasse: "z" });
    expect(issue).toMatchObject({ ok: false, message: MESSAGE_RESEAU });
  });

  it("forgets the user on logout even if the server fails", async () => {
    const onChangement = vi.fn();
    const client = fakeClient({ query: [{ data: { moi: MOI } }], mutation: [new Error("réseau")] });
    const session = createSession(() => client, onChangement);
    await session.charger();

    await expect(session.deconnecter()).rejects.toThrow("réseau");

    expect(session.moi.value).toBeNull();
    expect(onChangement).toHaveBeenCalledOnce();
    await session.charger();
    expect(client.query).toHaveBeenCalledTimes(1);
  });
});

describe("destinationApresConnexion", () => {
  it.each([
    ["/demandes/FINMS2007720M0?onglet=historique", "/demandes/FINMS2007720M0?onglet=historique"],
    [["/demandes/FINMS1000001M0"], "/demandes/FINMS1000001M0"],
    [undefined, "/"],
    ["https://exemple.org/", "/"],
    ["//exemple.org/", "/"],
    ["/\\exemple.org/", "/"],
    ["/connexion", "/"],
  ])("%j → %s", (redirect, attendu) => {
    expect(destinationApresConnexion(redirect)).toBe(attendu);
  });
});
