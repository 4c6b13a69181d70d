import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creerAppTest, importerExemple, type AppTest } from "../../server/test/aide.js";

// Ill-typed variables are refused by graphql-js itself: the answer must still be French, coded and name the field.
let app: AppTest;
let numero: string;
beforeAll(async () => {
  app = await creerAppTest();
  numero = await importerExemple(app);
});
afterAll(() => app.fermer());

const AJOUTER = `mutation($input: BeneficiaireAjouterInput!) { beneficiaireAjouter(input: $input) { __typename } }`;
const LISTE = `query($f: FiltreDemandes) { demandes(filtre: $f) { totalCount } }`;

describe("variables refused by GraphQL's coercion", () => {
  it.each([
    [
      AJOUTER,
      { input: { numero, valeurs: { presentSolde: 5 } } },
      "input.valeurs.presentSolde",
      "Champ valeurs.presentSolde (variable $input) : un booléen (true ou false) est attendu.",
    ],
    [
      AJOUTER,
      { input: { numero, valeurs: {}, __proto__x: 1 } },
      "input.__proto__x",
      "Champ __proto__x (variable $input) : champ inconnu du type BeneficiaireAjouterInput.",
    ],
    [AJOUTER, {}, "input", "Variable $input : obligatoire."],
    // The client's value itself holds '; ' and ' at "…"': the path and the reason are still found.
    [
      AJOUTER,
      { input: { numero, valeurs: { nomResponsable: 'x; at "y"; z', valueOf: -1 } } },
      "input.valeurs.valueOf",
      "Champ valeurs.valueOf (variable $input) : champ inconnu du type BeneficiaireInput.",
    ],
    [
      LISTE,
      { f: { statut: "BOGUS" } },
      "f.statut",
      "Champ statut (variable $f) : valeur inconnue ; valeurs possibles : EN_COURS, DECIDEE, EN_ATTENTE_PIECE, A_MODIFIER, REGULARISATION_EN_COURS.",
    ],
    [
      LISTE,
      { f: { deposeeApres: "2024-02-30" } },
      "f.deposeeApres",
      "Champ deposeeApres (variable $f) : Date invalide « 2024-02-30 » : format AAAA-MM-JJ attendu.",
    ],
  ])("%#: BAD_USER_INPUT naming %s", async (query, variables, argument, message) => {
    const r = await app.gql(query, variables, app.gestionnaire);
    const e = r.errors!.find((x) => (x.extensions as { argument?: string }).argument === argument);
    expect(e).toMatchObject({ message, extensions: { code: "BAD_USER_INPUT", argument } });
    expect(r.errors!.every((x) => (x.extensions as { code?: string }).code === "BAD_USER_INPUT")).toBe(true);
    expect(r.data ?? null).toBeNull();
  });

  it("explains a literal value of the query in French, with its position", async () => {
    const r = await app.gql(`query { demandes(first: "x") { totalCount } }`, {}, app.gestionnaire);
    expect(r.errors).toEqual([
      expect.objectContaining({
        message: "Valeur de la requête (ligne 1, colonne 25) : un nombre entier est attendu.",
      }),
    ]);
  });
});
