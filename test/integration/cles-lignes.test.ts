import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { creerAppTest, importerExemple, type AppTest } from "../../server/test/aide.js";

// Row keys are typed by clients: names of Object.prototype's members must be plain unknown keys.
const CLES = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"];

let app: AppTest;
let numero: string;
beforeEach(async () => {
  app = await creerAppTest();
  numero = await importerExemple(app);
});
afterEach(() => app.fermer());

const RESULTAT = `__typename ... on Erreur { code message path }`;
const PROBLEMES = `... on ErreurValidation { problemes { path code } }`;
const muter = async (nom: string, input: Record<string, unknown>) => {
  const type = `${nom.charAt(0).toUpperCase()}${nom.slice(1)}Input`;
  const r = await app.gql(
    `mutation($i: ${type}!) { ${nom}(input: $i) { ${RESULTAT} ${nom === "brouillonAbandonner" ? "" : PROBLEMES} } }`,
    { i: { numero, ...input } },
    app.gestionnaire,
  );
  expect(r.errors).toBeUndefined();
  return r.data[nom];
};
const versionBase = async () =>
  (await app.gql(`query($n: String!) { demande(numero: $n) { versionCourante } }`, { n: numero }, app.gestionnaire))
    .data.demande.versionCourante as number;

const BENEFICIAIRE = {
  nomResponsable: "Jean Martin",
  emailResponsable: "j.martin@ehpad.fr",
  telResponsable: "0145000006",
  finessJuridique: "330058066",
  finessGeographique: "330058066",
  presentSolde: true,
};

describe.each(CLES)("row key %s", (cle) => {
  it("deleting or editing it is refused with a structured error; the draft can still be confirmed, then abandoned", async () => {
    for (const nom of ["beneficiaireSupprimer", "pieceSupprimer"]) {
      expect(await muter(nom, { cle })).toMatchObject({
        __typename: "ErreurEtat",
        code: "LIGNE_INCONNUE",
        path: ["input", "cle"],
      });
    }
    expect(await muter("beneficiaireModifier", { cle, valeurs: BENEFICIAIRE })).toMatchObject({
      __typename: "ErreurEtat",
      code: "LIGNE_INCONNUE",
      path: ["input", "cle"],
    });
    expect(await muter("administrateurSupprimer", { finessJuridique: cle })).toMatchObject({
      __typename: "ErreurEtat",
      code: "LIGNE_INCONNUE",
      path: ["input", "finessJuridique"],
    });
    expect(await muter("brouillonOperationAnnuler", { bloc: "BENEFICIAIRES", cle })).toMatchObject({
      __typename: "BrouillonOperationAnnulerSucces",
    });
    // Nothing was staged: the draft is empty.
    expect(await muter("brouillonConfirmer", { versionBase: await versionBase() })).toMatchObject({
      code: "BROUILLON_VIDE",
    });

    // A real change is then confirmed as usual.
    expect(await muter("informationsModifier", { valeurs: { courrielContact: "support@editeur.fr" } })).toMatchObject({
      __typename: "InformationsModifierSucces",
    });
    expect(await muter("brouillonConfirmer", { versionBase: await versionBase() })).toMatchObject({
      __typename: "BrouillonConfirmerSucces",
    });

    // And a fresh draft is abandoned.
    expect(await muter("beneficiaireSupprimer", { cle })).toMatchObject({ code: "LIGNE_INCONNUE" });
    expect(await muter("informationsModifier", { valeurs: { courrielContact: "autre@editeur.fr" } })).toMatchObject({
      __typename: "InformationsModifierSucces",
    });
    expect(await muter("brouillonAbandonner", {})).toMatchObject({ __typename: "BrouillonAbandonnerSucces" });
  });

  it("a certificate row added under that name is refused by the FINESS rule (never stored)", async () => {
    const r = await muter("administrateurAjouter", {
      valeurs: {
        finessJuridique: cle,
        contractualisationOG: true,
        statutAdminTechnique: "E",
        contractualisationEditeur: true,
        numeroCarteCPX: "8001234567",
        nomAdminTechnique: "STU",
        utiliteCertificat: "DMP",
      },
    });
    expect(r).toMatchObject({
      __typename: "ErreurValidation",
      problemes: expect.arrayContaining([expect.objectContaining({ path: ["input", "valeurs", "finessJuridique"] })]),
    });
    expect(await app.prisma.operationBrouillon.count()).toBe(0);
  });

  it("a draft stored before this check (deleting that key) answers a structured error at confirmation, and can be abandoned", async () => {
    const b = await muter("brouillonOuvrir", {});
    expect(b.__typename).toBe("BrouillonOuvrirSucces");
    const brouillon = await app.prisma.brouillon.findFirstOrThrow();
    await app.prisma.operationBrouillon.create({
      data: { brouillonId: brouillon.id, ordre: 1, bloc: "BENEFICIAIRES", nature: "SUPPRESSION", cle },
    });
    const c = await muter("brouillonConfirmer", { versionBase: await versionBase() });
    expect(c).toMatchObject({ __typename: "ErreurEtat", code: "LIGNE_INCONNUE" });
    expect(c.message).toMatch(/n'existe pas/);
    expect(await app.prisma.version.count()).toBe(1);
    expect(await muter("brouillonRebaser", {})).toMatchObject({ __typename: "BrouillonRebaserSucces" });
    expect(await app.prisma.operationBrouillon.count()).toBe(0);
    await app.prisma.operationBrouillon.create({
      data: { brouillonId: brouillon.id, ordre: 1, bloc: "PIECES", nature: "SUPPRESSION", cle },
    });
    expect(await muter("brouillonAbandonner", {})).toMatchObject({ __typename: "BrouillonAbandonnerSucces" });
    expect(await app.prisma.brouillon.count()).toBe(0);
  });
});
