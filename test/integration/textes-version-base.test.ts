import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PDF_MINIMAL_BASE64 } from "@segur/shared";
import { creerAppTest, importerExemple, type AppTest } from "../../server/test/aide.js";

let app: AppTest;
let numero: string;
beforeEach(async () => {
  app = await creerAppTest();
  numero = await importerExemple(app);
});
afterEach(() => app.fermer());

const RESULTAT = `__typename ... on Erreur { code message path } ... on ErreurValidation { problemes { path champ message code } }`;
const MODIFIER = `mutation($i: AdministrateurModifierInput!) { administrateurModifier(input: $i) { ${RESULTAT} } }`;
const INFOS = `mutation($i: InformationsModifierInput!) { informationsModifier(input: $i) { ${RESULTAT} } }`;
const CONFIRMER = `mutation($i: BrouillonConfirmerInput!) { brouillonConfirmer(input: $i) { ${RESULTAT} ... on ErreurConflit { versionActuelle }
  ... on BrouillonConfirmerSucces { confirmation { version { numero commentaire } demande { scenarioInstallation } } } } }`;
const CHANGER = `mutation($i: DemandeChangerStatutInput!) { demandeChangerStatut(input: $i) { ${RESULTAT} } }`;
const REJETER = `mutation($i: LigneRejeterInput!) { ligneRejeter(input: $i) { ${RESULTAT} } }`;
const STU = {
  contractualisationOG: true,
  statutAdminTechnique: "E",
  contractualisationEditeur: true,
  numeroCarteCPX: "8001234567",
  nomAdminTechnique: "STU",
  telAdminTechnique: "0603334174",
  emailAdminTechnique: "a.st@mail.com",
  utiliteCertificat: "DMP",
};

const modifier = (valeurs: Record<string, unknown>) =>
  app.gql(MODIFIER, { i: { numero, finessJuridique: "330058066", valeurs } }, app.gestionnaire);
const confirmer = (versionBase: number, commentaire?: string) =>
  app.gql(CONFIRMER, { i: { numero, versionBase, commentaire } }, app.gestionnaire);

describe("brouillonConfirmer: the versionBase", () => {
  it("a version the demande never had → VERSION_INCONNUE, clear and distinct from a conflict; nothing saved", async () => {
    await modifier({ ...STU, nomAdminTechnique: "STUART" });
    const r = (await confirmer(5)).data.brouillonConfirmer;
    expect(r).toEqual({
      __typename: "ErreurEtat",
      code: "VERSION_INCONNUE",
      message: "Version de base 5 inconnue : la demande est à la version 1.",
      path: ["input", "versionBase"],
    });
    expect((await confirmer(0)).data.brouillonConfirmer).toMatchObject({
      code: "VERSION_INCONNUE",
      message: "Version de base 0 inconnue : la demande est à la version 1.",
    });
    expect((await app.prisma.demande.findUniqueOrThrow({ where: { numero } })).versionCourante).toBe(1);
    // The draft is kept: the right base confirms it.
    expect((await confirmer(1)).data.brouillonConfirmer.confirmation.version.numero).toBe(2);
  });

  it("an old base is a conflict naming two different versions", async () => {
    await modifier({ ...STU, nomAdminTechnique: "STUART" });
    await confirmer(1);
    await modifier({ ...STU, nomAdminTechnique: "STUARDO" });
    const r = (await confirmer(1)).data.brouillonConfirmer;
    expect(r).toMatchObject({ __typename: "ErreurConflit", code: "CONFLIT_VERSION", versionActuelle: 2 });
    expect(r.message).toMatch(
      /^La demande a été modifiée par quelqu'un d'autre \(version 2\) depuis le début de vos modifications \(version 1\)\./,
    );
  });
});

describe("texts arriving through GraphQL: control characters refused with the field path, NFC stored", () => {
  it("a staged row: NUL in a name → CARACTERE_INTERDIT at input.valeurs.<champ>, nothing staged", async () => {
    const r = (await modifier({ ...STU, nomAdminTechnique: "ST\u0000U" })).data.administrateurModifier;
    expect(r.__typename).toBe("ErreurValidation");
    expect(r.problemes).toEqual([
      {
        code: "CARACTERE_INTERDIT",
        champ: "nomAdminTechnique",
        path: ["input", "valeurs", "nomAdminTechnique"],
        message: "Nom : caractère de contrôle interdit (U+0000).",
      },
    ]);
    expect(await app.prisma.operationBrouillon.count()).toBe(0);
  });

  it("the demande's informations: multi-line scenario kept (CR LF → LF), lone surrogate refused; the commentaire too", async () => {
    const mauvais = (
      await app.gql(INFOS, { i: { numero, valeurs: { scenarioInstallation: "SaaS \uD800" } } }, app.gestionnaire)
    ).data.informationsModifier;
    expect(mauvais.problemes).toMatchObject([
      { code: "CARACTERE_INTERDIT", path: ["input", "valeurs", "scenarioInstallation"] },
    ]);
    await app.gql(
      INFOS,
      { i: { numero, valeurs: { scenarioInstallation: "Sites :\r\n\t- Bordeaux\r\n\t- Pe\u0301rigueux" } } },
      app.gestionnaire,
    );
    const nul = (await confirmer(1, "Corrigé\u0000")).data.brouillonConfirmer;
    expect(nul).toMatchObject({
      __typename: "ErreurValidation",
      problemes: [{ code: "CARACTERE_INTERDIT", path: ["input", "commentaire"], champ: "commentaire" }],
    });
    const ok = (await confirmer(1, "Deux lignes :\r\nici")).data.brouillonConfirmer.confirmation;
    expect(ok.version.commentaire).toBe("Deux lignes :\nici");
    expect(ok.demande.scenarioInstallation).toBe("Sites :\n\t- Bordeaux\n\t- Périgueux");
  });

  it("a statut message and a motif: NUL or a lone surrogate refused with their path; nothing changes", async () => {
    const statut = (
      await app.gql(
        CHANGER,
        { i: { numero, statut: "A_MODIFIER", message: "Merci de corriger\u0000" } },
        app.gestionnaire,
      )
    ).data.demandeChangerStatut;
    expect(statut).toMatchObject({
      __typename: "ErreurValidation",
      problemes: [
        {
          code: "CARACTERE_INTERDIT",
          path: ["input", "message"],
          message: "Message au fournisseur : caractère de contrôle interdit (U+0000).",
        },
      ],
    });
    const motif = (
      await app.gql(
        REJETER,
        { i: { numero, bloc: "ADMINISTRATEURS", cle: "330058066", motif: "CPX \uDC00" } },
        app.gestionnaire,
      )
    ).data.ligneRejeter;
    expect(motif).toMatchObject({
      __typename: "ErreurValidation",
      problemes: [{ code: "CARACTERE_INTERDIT", path: ["input", "motif"] }],
    });
    const d = await app.prisma.demande.findUniqueOrThrow({ where: { numero } });
    expect(d.statut).toBe("EN_COURS");
    expect(
      await app.prisma.evenementAudit.count({ where: { type: { in: ["STATUT_MODIFIE", "LIGNE_REJETEE"] } } }),
    ).toBe(0);
  });
});

describe("a pièce's file name", () => {
  it("a control character in the uploaded file's name is refused; the name is stored in NFC", async () => {
    await app.prisma.demande.update({ where: { numero }, data: { statut: "EN_ATTENTE_PIECE" } });
    const envoyer = async (nomFichier: string) => {
      const form = new FormData();
      form.append(
        "operations",
        JSON.stringify({
          query: `mutation($i: PieceAjouterInput!) { pieceAjouter(input: $i) { ${RESULTAT} ... on PieceAjouterSucces { brouillon { pieces { etat valeurs { nomFichier } } } } } }`,
          variables: { i: { numero, type: "FACTURE", fichier: null } },
        }),
      );
      form.append("map", JSON.stringify({ 0: ["variables.i.fichier"] }));
      form.append("0", new Blob([Buffer.from(PDF_MINIMAL_BASE64, "base64")], { type: "application/pdf" }), nomFichier);
      const r = await app.fetch("http://test/graphql", {
        method: "POST",
        headers: { ...app.gestionnaire.headers, "x-graphql-csrf": "1" },
        body: form,
      });
      return ((await r.json()) as any).data.pieceAjouter;
    };
    expect(await envoyer("facture\u0007.pdf")).toMatchObject({
      __typename: "ErreurValidation",
      problemes: [
        {
          code: "CARACTERE_INTERDIT",
          path: ["input", "fichier"],
          message: "Nom du fichier : caractère de contrôle interdit (U+0007).",
        },
      ],
    });
    const ok = await envoyer("facture-re\u0301gularisation.pdf");
    expect(ok.brouillon.pieces.find((p: any) => p.etat === "AJOUTEE").valeurs.nomFichier).toBe(
      "facture-régularisation.pdf",
    );
  });
});
