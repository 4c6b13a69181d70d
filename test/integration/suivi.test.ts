// Assignment (« Suivre », « Assigner… »): demandeAssigner sets or clears who follows a demande,
// refuses non-gestionnaires and unknown names with coded French errors on the field, records one
// audit event per change; suiviPar is hidden from suppliers; the list filters on it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { creerUtilisateur } from "../../server/src/auth/service.js";
import { creerAppTest, importerExemple, type AppTest } from "../../server/test/aide.js";

const ERREUR = `... on Erreur { __typename code message path }`;
const ASSIGNER = `mutation($i: DemandeAssignerInput!) { demandeAssigner(input: $i) {
  __typename ... on DemandeAssignerSucces { demande { numero suiviPar { nom email } } } ${ERREUR} } }`;
const SUIVI = `query($n: String!) { demande(numero: $n) { suiviPar { nom email } evenements { type auteur details } } }`;
const LISTE = `query($f: FiltreDemandes) { demandes(filtre: $f, first: 50) { totalCount edges { node { numero suiviPar { nom } } } } }`;

let app: AppTest;
let numero: string;
beforeEach(async () => {
  app = await creerAppTest();
  numero = await importerExemple(app);
  await creerUtilisateur(app.prisma, {
    email: "collegue@test.fr",
    nom: "Colette Collègue",
    role: "GESTIONNAIRE",
    motDePasse: "motdepasse-test",
  });
});
afterEach(() => app.fermer());

const assigner = async (gestionnaire: string | null, as = app.gestionnaire) =>
  (await app.gql(ASSIGNER, { i: { numero, gestionnaire } }, as)).data.demandeAssigner;

describe("demandeAssigner", () => {
  it("takes, reassigns and releases a demande, one audit event per change", async () => {
    expect(await assigner("gestionnaire@test.fr")).toMatchObject({
      __typename: "DemandeAssignerSucces",
      demande: { numero, suiviPar: { nom: "Gaëlle Gestion", email: "gestionnaire@test.fr" } },
    });
    const collegue = await app.prisma.utilisateur.findUniqueOrThrow({ where: { email: "collegue@test.fr" } });
    expect((await assigner(String(collegue.id))).demande.suiviPar.nom).toBe("Colette Collègue");
    expect((await assigner(null)).demande.suiviPar).toBeNull();
    const d = (await app.gql(SUIVI, { n: numero }, app.auditeur)).data.demande;
    expect(d.suiviPar).toBeNull();
    const suivis = d.evenements.filter((e: any) => e.type === "SUIVI_MODIFIE");
    // Newest first, as the Historique lists them.
    expect(suivis.map((e: any) => e.details)).toEqual([
      { de: "Colette Collègue", vers: null },
      { de: "Gaëlle Gestion", vers: "Colette Collègue" },
      { de: null, vers: "Gaëlle Gestion" },
    ]);
    expect(suivis.every((e: any) => e.auteur === "Gaëlle Gestion")).toBe(true);
    // In the global journal too.
    const j: any = await app.gql(`{ journalEvenements(first: 50) { edges { node { type } } } }`, {}, app.auditeur);
    expect(j.data.journalEvenements.edges.filter((e: any) => e.node.type === "SUIVI_MODIFIE")).toHaveLength(3);
  });

  it("refuses an auditeur, an unknown or non-gestionnaire user and an unchanged assignment, coded and in French", async () => {
    expect(await assigner("gestionnaire@test.fr", app.auditeur)).toMatchObject({ __typename: "ErreurAutorisation" });
    expect(await assigner("auditeur@test.fr")).toMatchObject({
      code: "GESTIONNAIRE_INCONNU",
      path: ["input", "gestionnaire"],
      message: expect.stringContaining("n'est pas un gestionnaire actif"),
    });
    expect(await assigner("personne@test.fr")).toMatchObject({ code: "GESTIONNAIRE_INCONNU" });
    expect(await assigner(null)).toMatchObject({
      code: "SUIVI_INCHANGE",
      message: expect.stringContaining("personne"),
    });
    await assigner("gestionnaire@test.fr");
    expect(await assigner("GESTIONNAIRE@test.fr")).toMatchObject({ code: "SUIVI_INCHANGE" });
    const r = (await app.gql(ASSIGNER, { i: { numero: "FINMS2999999M0", gestionnaire: null } }, app.gestionnaire)).data
      .demandeAssigner;
    expect(r).toMatchObject({ code: "INTROUVABLE", path: ["input", "numero"] });
    // Refusals record nothing.
    expect(await app.prisma.evenementAudit.count({ where: { type: "SUIVI_MODIFIE" } })).toBe(1);
  });

  it("refuses suppliers and hides who follows their demandes", async () => {
    await assigner("gestionnaire@test.fr");
    const f = await app.fournisseur("00001");
    expect(await assigner(null, f)).toMatchObject({ __typename: "ErreurAutorisation" });
    const d: any = await app.gql(`query($n: String!) { demande(numero: $n) { suiviPar { nom } } }`, { n: numero }, f);
    expect(d.data.demande.suiviPar).toBeNull();
    const l: any = await app.gql(LISTE, { f: { suiviPar: "PERSONNE" } }, f);
    expect(l.errors[0].extensions).toMatchObject({ code: "INTERDIT", path: ["filtre", "suiviPar"] });
  });
});

describe("the list's suiviPar filter", () => {
  it("MOI, PERSONNE or an id, in the list, its total and the export; anything else refused", async () => {
    const numeros = async (f: object) => {
      const r: any = await app.gql(LISTE, { f }, app.gestionnaire);
      expect(r.errors).toBeUndefined();
      return { total: r.data.demandes.totalCount, numeros: r.data.demandes.edges.map((e: any) => e.node.numero) };
    };
    expect(await numeros({ suiviPar: "MOI" })).toEqual({ total: 0, numeros: [] });
    expect((await numeros({ suiviPar: "PERSONNE" })).numeros).toEqual([numero]);
    await assigner("gestionnaire@test.fr");
    expect(await numeros({ suiviPar: "MOI" })).toEqual({ total: 1, numeros: [numero] });
    expect((await numeros({ suiviPar: "PERSONNE" })).total).toBe(0);
    const moi = await app.prisma.utilisateur.findUniqueOrThrow({ where: { email: "gestionnaire@test.fr" } });
    expect((await numeros({ suiviPar: String(moi.id) })).numeros).toEqual([numero]);
    const l: any = await app.gql(LISTE, { f: { suiviPar: "MOI" } }, app.gestionnaire);
    expect(l.data.demandes.edges[0].node.suiviPar.nom).toBe("Gaëlle Gestion");
    const csv = await app.fetch(`http://test/export/demandes.csv?suiviPar=MOI`, { headers: app.gestionnaire.headers });
    expect((await csv.text()).trim().split("\r\n")).toHaveLength(2);
    const refus: any = await app.gql(LISTE, { f: { suiviPar: "TOUS" } }, app.gestionnaire);
    expect(refus.errors[0]).toMatchObject({
      message: expect.stringContaining("valeurs possibles : MOI, PERSONNE"),
      extensions: { code: "VALEUR", path: ["filtre", "suiviPar"] },
    });
  });

  it("the picker lists active gestionnaires only", async () => {
    const r: any = await app.gql(`{ gestionnaires { nom email } }`, {}, app.gestionnaire);
    expect(r.data.gestionnaires.map((g: any) => g.email)).toEqual(["collegue@test.fr", "gestionnaire@test.fr"]);
  });
});
