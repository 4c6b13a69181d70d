import { afterEach, describe, expect, it } from "vitest";
import { creerAppTest, type AppTest } from "../../server/test/aide.js";
import type { Config } from "../../server/src/config.js";
import { lireConfig } from "../../server/src/config.js";

const SCHEMA = `{ __schema { queryType { name } } }`;
const REFUS = "Introspection du schéma réservée aux appelants authentifiés : connectez-vous ou fournissez une clé API.";

let app: AppTest;
afterEach(() => app.fermer());
const ouvrir = async (c: Partial<Config> = {}) =>
  (app = await creerAppTest({ developpement: false, introspection: "authentifie", ...c }));

describe("introspection", () => {
  it("is refused to anonymous callers in production, in French, and allowed once signed in (session or API key)", async () => {
    await ouvrir();
    for (const q of [
      SCHEMA,
      `{ __type(name: "Demande") { name } }`,
      `query { ...F } fragment F on Query { __schema { types { name } } }`,
    ]) {
      const r = await app.gql(q);
      expect(r.data).toBeUndefined();
      expect(r.errors).toEqual([{ message: REFUS, extensions: { code: "INTROSPECTION_INTERDITE" } }]);
    }
    expect((await app.gql(SCHEMA, {}, app.gestionnaire)).data).toEqual({ __schema: { queryType: { name: "Query" } } });
    expect((await app.gql(`{ __type(name: "Demande") { name } }`, {}, await app.fournisseur("00001"))).data).toEqual({
      __type: { name: "Demande" },
    });
    // __typename is not introspection.
    expect((await app.gql(`{ __typename }`)).data).toEqual({ __typename: "Query" });
  });

  it("can be opened to everyone or closed to everyone; it is open in development by default", async () => {
    await ouvrir({ introspection: "tous" });
    expect((await app.gql(SCHEMA)).data).toEqual({ __schema: { queryType: { name: "Query" } } });
    await app.fermer();
    await ouvrir({ introspection: "aucun" });
    const r = await app.gql(SCHEMA, {}, app.gestionnaire);
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: "INTROSPECTION_INTERDITE" } });
    expect(r.errors?.[0]?.message).toMatch(/^Introspection du schéma désactivée/);

    expect(lireConfig({}).introspection).toBe("authentifie");
    expect(lireConfig({ NODE_ENV: "development" }).introspection).toBe("tous");
    expect(lireConfig({ INTROSPECTION: "aucun", NODE_ENV: "development" }).introspection).toBe("aucun");
    expect(() => lireConfig({ INTROSPECTION: "oui" })).toThrow(
      "INTROSPECTION doit valoir authentifie, tous, aucun (reçu « oui »)",
    );
  });

  it("never suggests field names in production, signed in or not", async () => {
    await ouvrir({ introspection: "tous" });
    for (const as of [undefined, app.gestionnaire]) {
      const r = await app.gql(`{ demande(numero: "X") { numer } }`, {}, as);
      expect(r.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(r.errors)).not.toMatch(/Did you mean|numero/);
    }
  });
});
