import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLInputType,
} from "graphql";
import { LIMITES, longueurMaxArgument } from "@segur/shared";
import { creerAppTest, importerExemple, type AppTest } from "../../server/test/aide.js";
import { schema } from "../../server/src/schema.js";
import { parse } from "graphql";
import {
  sitesDuDocument,
  textesTropLongs,
  textesTropLongsDuDocument,
} from "../../server/src/commun/longueurs-arguments.js";

const MIO = "A".repeat(1024 * 1024);
const TEXTES = new Set(["String", "ID"]);

/** Every String / ID position reachable from an argument: its path and a value carrying `texte` there. */
function positions(
  type: GraphQLInputType,
  chemin: string,
  nom: string,
  vus: Set<string>,
): { chemin: string; nom: string; valeur: (texte: string) => unknown }[] {
  if (isNonNullType(type)) return positions(type.ofType, chemin, nom, vus);
  if (isListType(type))
    return positions(type.ofType, `${chemin}[0]`, nom, vus).map((p) => ({
      ...p,
      valeur: (t: string) => [p.valeur(t)],
    }));
  if (isInputObjectType(type)) {
    if (vus.has(type.name)) return [];
    return Object.values(type.getFields()).flatMap((f) =>
      positions(f.type, `${chemin}.${f.name}`, f.name, new Set([...vus, type.name])).map((p) => ({
        ...p,
        valeur: (t: string) => ({ [f.name]: p.valeur(t) }),
      })),
    );
  }
  return TEXTES.has(getNamedType(type).name) ? [{ chemin, nom, valeur: (t: string) => t }] : [];
}

const arguments_ = Object.values(schema.getTypeMap())
  .filter((t) => !t.name.startsWith("__"))
  .flatMap((t) =>
    (isObjectType(t) ? Object.values(t.getFields()) : []).flatMap((f) =>
      f.args.map((a) => ({ coordonnee: `${t.name}.${f.name}(${a.name})`, arg: a })),
    ),
  );
const cas = arguments_.flatMap(({ coordonnee, arg }) =>
  positions(arg.type, arg.name, arg.name, new Set()).map((p) => ({ ...p, coordonnee, type: arg.type })),
);

describe("every String / ID argument and input field has a maximum", () => {
  it("covers the whole schema (every input type's text fields are reached)", () => {
    const champsTexte = Object.values(schema.getTypeMap())
      .filter(isInputObjectType)
      .flatMap((t) =>
        Object.values(t.getFields())
          .filter((f) => TEXTES.has(getNamedType(f.type).name))
          .map((f) => `${t.name}.${f.name}`),
      );
    expect(champsTexte.length).toBeGreaterThan(50);
    expect(cas.length).toBeGreaterThanOrEqual(champsTexte.length);
  });

  // A field's own rule (LIMITES) must stay the one that answers: the transport maximum is above it.
  const ALIAS: Record<string, keyof typeof LIMITES> = { message: "messageFournisseur" };
  it.each(cas.map((c) => [`${c.coordonnee} → ${c.chemin}`, c] as const))("%s", (_nom, c) => {
    const max = longueurMaxArgument(c.nom);
    const regle = LIMITES[(ALIAS[c.nom] ?? c.nom) as keyof typeof LIMITES]?.max ?? 0;
    expect(max).toBeGreaterThanOrEqual(regle);
    const racine = c.chemin.split(/[.[]/)[0]!;
    expect(textesTropLongs(c.type, c.valeur("x".repeat(max)), racine, racine)).toEqual([]);
    expect(textesTropLongs(c.type, c.valeur("x".repeat(max + 1)), racine, racine)).toEqual([
      { chemin: c.chemin, max, recu: max + 1 },
    ]);
  });
});

let app: AppTest;
let numero: string;
beforeAll(async () => {
  app = await creerAppTest();
  numero = await importerExemple(app);
});
afterAll(() => app.fermer());

const refus = (
  r: { data?: unknown; errors?: { message: string; extensions?: unknown }[] },
  argument: string,
  max = 200,
  recu = MIO.length,
) => {
  expect(r.data).toBeUndefined();
  expect(r.errors).toHaveLength(1);
  expect(r.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument, max });
  expect(r.errors![0]!.message).toBe(
    `Argument ${argument} : ${max.toLocaleString("fr-FR")} caractères au plus (reçu ${recu.toLocaleString("fr-FR")}).`,
  );
};

describe("too-long texts are refused before anything runs", () => {
  it("a 1 MiB numéro or logiciel filter of the demandes list, as variable or literal", async () => {
    const q = `query($f: FiltreDemandes) { demandes(filtre: $f) { totalCount } }`;
    refus(await app.gql(q, { f: { numero: MIO } }, app.gestionnaire), "filtre.numero");
    refus(await app.gql(q, { f: { logiciel: MIO } }, app.gestionnaire), "filtre.logiciel");
    refus(
      await app.gql(`{ demandes(filtre: { logiciel: "${MIO}" }) { totalCount } }`, {}, app.gestionnaire),
      "filtre.logiciel",
    );
    // The French message reads « 1 048 576 ».
    const r = await app.gql(q, { f: { numero: MIO } }, app.gestionnaire);
    expect(r.errors![0]!.message).toMatch(/^Argument filtre\.numero : 200 caractères au plus \(reçu 1\s048\s576\)\.$/u);
    // At the maximum, the filter runs.
    expect((await app.gql(q, { f: { logiciel: "D".repeat(200) } }, app.gestionnaire)).data).toEqual({
      demandes: { totalCount: 0 },
    });
  });

  it("a 1 MiB acteur filter of the journal and the access traces", async () => {
    refus(
      await app.gql(
        `query($f: FiltreJournal) { journalEvenements(filtre: $f) { totalCount } }`,
        { f: { acteur: MIO } },
        app.auditeur,
      ),
      "filtre.acteur",
    );
    refus(
      await app.gql(
        `query($f: FiltreJournal) { tracesAcces(filtre: $f) { totalCount } }`,
        { f: { acteur: MIO } },
        app.auditeur,
      ),
      "filtre.acteur",
    );
  });

  it("plain arguments and nested inputs of mutations: nothing is executed", async () => {
    refus(
      await app.gql(`query($n: String!) { demande(numero: $n) { numero } }`, { n: MIO }, app.gestionnaire),
      "numero",
    );
    const avant = await app.prisma.evenementAudit.count();
    const motif = "m".repeat(5001);
    refus(
      await app.gql(
        `mutation($i: LigneRejeterInput!) { ligneRejeter(input: $i) { __typename } }`,
        { i: { numero, bloc: "ADMINISTRATEURS", cle: "330058066", motif } },
        app.gestionnaire,
      ),
      "input.motif",
      5000,
      5001,
    );
    refus(
      await app.gql(
        `mutation($i: BeneficiaireAjouterInput!) { beneficiaireAjouter(input: $i) { __typename } }`,
        {
          i: {
            numero,
            valeurs: {
              nomResponsable: MIO,
              emailResponsable: "a@b.fr",
              telResponsable: "0102030405",
              finessJuridique: "330058066",
              finessGeographique: "330000019",
              presentSolde: false,
            },
          },
        },
        app.gestionnaire,
      ),
      "input.valeurs.nomResponsable",
    );
    expect(await app.prisma.evenementAudit.count()).toBe(avant);
    expect(await app.prisma.brouillon.count()).toBe(0);
  });

  it("below the transport maximum, a field's own rule still answers its structured French error", async () => {
    const r = await app.gql(
      `mutation($i: LigneRejeterInput!) { ligneRejeter(input: $i) { __typename ... on Erreur { code path } } }`,
      { i: { numero, bloc: "ADMINISTRATEURS", cle: "330058066", motif: "m".repeat(LIMITES.motif.max + 1) } },
      app.gestionnaire,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.ligneRejeter).toMatchObject({ __typename: "ErreurValidation", path: ["input", "motif"] });
  });

  it("the export routes apply the same maxima to their query parameters (400, French reason)", async () => {
    const long = "F".repeat(5000);
    const journal = await app.fetch(`http://test/export/journal.csv?acteur=${long}`, { headers: app.auditeur.headers });
    expect(journal.status).toBe(400);
    expect(await journal.text()).toMatch(/^Paramètre acteur : 200 caractères au plus \(reçu 5\s000\)\.$/u);
    // The list's export takes the list's arguments: the list's own error, as JSON (export/parametres-liste.ts).
    for (const champ of ["numero", "logiciel"]) {
      const res = await app.fetch(`http://test/export/demandes.csv?${champ}=${long}`, {
        headers: app.auditeur.headers,
      });
      expect(res.status).toBe(400);
      const { errors } = await res.json();
      expect(errors[0].message).toMatch(
        new RegExp(`^Argument filtre\\.${champ} : 200 caractères au plus \\(reçu 5\\s000\\)\\.$`, "u"),
      );
      expect(errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: `filtre.${champ}`, max: 200 });
    }
    expect(
      (
        await app.fetch(`http://test/export/demandes.csv?logiciel=${"F".repeat(200)}`, {
          headers: app.auditeur.headers,
        })
      ).status,
    ).toBe(200);
  });
});

describe("the literal arguments' verdict is kept per parsed document, variables are checked per request", () => {
  const q = `query($n: String) { demandes(filtre: { numero: $n, logiciel: "${"L".repeat(201)}" }, first: 5) { totalCount }
    demande(numero: "${"N".repeat(300)}") { numero } }`;

  it("one walk of the document; each request's variables read again", () => {
    const document = parse(q);
    const sites = sitesDuDocument(schema, document);
    // Only the filter (it holds a variable) is left to check per request; the literal numéro's verdict is kept, `first` dropped.
    expect(sites).toEqual([expect.objectContaining({ nom: "filtre" }), [{ chemin: "numero", max: 200, recu: 300 }]]);
    expect(sitesDuDocument(schema, document)).toBe(sites);
    const chemins = (variables: Record<string, unknown>) =>
      textesTropLongsDuDocument(schema, document, variables).map((t) => t.chemin);
    expect(chemins({ n: "court" })).toEqual(["filtre.logiciel", "numero"]);
    expect(chemins({ n: MIO })).toEqual(["filtre.numero", "filtre.logiciel", "numero"]);
    expect(chemins({})).toEqual(["filtre.logiciel", "numero"]);
    // A document without variables nor too-long literals leaves nothing to do per request.
    expect(sitesDuDocument(schema, parse(`{ demandes(first: 5, filtre: { numero: "12" }) { totalCount } }`))).toEqual(
      [],
    );
  });

  it("through the API: the same query text with new variables is judged on them", async () => {
    const v = `query($f: FiltreDemandes) { demandes(filtre: $f) { totalCount } }`;
    refus(await app.gql(v, { f: { numero: MIO } }, app.gestionnaire), "filtre.numero");
    expect((await app.gql(v, { f: { numero: "court" } }, app.gestionnaire)).errors).toBeUndefined();
    refus(await app.gql(v, { f: { logiciel: MIO } }, app.gestionnaire), "filtre.logiciel");
  });
});
