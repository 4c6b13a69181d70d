import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { creerAppTest, importerExemple, type AppTest, type Identite } from "../../server/test/aide.js";
import { blocsNonValides, toutesValidees, verifierMotif } from "../../server/src/validation/service.js";
import { ErreurValidation } from "../../server/src/commun/erreurs.js";

const FINESS = ["330058066", "330058067", "330058068", "330058069", "330058070"];

const DEMANDE = `fragment D on Demande {
  numero statut
  administrateurs { finessJuridique nomAdminTechnique validation { etat motif par le } }
  coordonneesBancaires { validation { etat } }
  blocs { bloc verrouille nombreLignes nombreValidees nombreRejetees }
}`;
const ERREUR = `... on Erreur { __typename code message path } ... on ErreurVerrouillage { bloc }`;

const LIGNE_VALIDER = `mutation($i: LigneValiderInput!) { ligneValider(input: $i) { __typename ... on LigneValiderSucces { demande { ...D } } ${ERREUR} } } ${DEMANDE}`;
const LIGNE_REJETER = `mutation($i: LigneRejeterInput!) { ligneRejeter(input: $i) { __typename ... on LigneRejeterSucces { demande { ...D } } ${ERREUR} } } ${DEMANDE}`;
const BLOC_VALIDER = `mutation($i: BlocValiderInput!) { blocValider(input: $i) { __typename ... on BlocValiderSucces { demande { ...D } lignesRejetees { cle motif } } ${ERREUR} } } ${DEMANDE}`;
const BLOC_DEVERROUILLER = `mutation($i: BlocDeverrouillerInput!) { blocDeverrouiller(input: $i) { __typename ... on BlocDeverrouillerSucces { demande { ...D } } ${ERREUR} } } ${DEMANDE}`;
const ADMIN_MODIFIER = `mutation($i: AdministrateurModifierInput!) { administrateurModifier(input: $i) { __typename ... on AdministrateurModifierSucces { brouillon { versionBase nombreModifications } } ${ERREUR} } }`;
const CONFIRMER = `mutation($i: BrouillonConfirmerInput!) { brouillonConfirmer(input: $i) { __typename ... on BrouillonConfirmerSucces { confirmation { version { numero } } } ${ERREUR} } }`;
const EVENEMENTS = `query($n: String!) { demande(numero: $n) { evenements { type bloc cle motif auteur details } } }`;

let app: AppTest;
let numero: string;
beforeEach(async () => {
  app = await creerAppTest();
  numero = await importerExemple(app);
});
afterEach(() => app.fermer());

async function mutation(q: string, input: Record<string, unknown>, as: Identite = app.gestionnaire) {
  const r = await app.gql(q, { i: { numero, ...input } }, as);
  expect(r.errors).toBeUndefined();
  return Object.values(r.data as Record<string, any>)[0];
}
const valider = (cle: string, as?: Identite) => mutation(LIGNE_VALIDER, { bloc: "ADMINISTRATEURS", cle }, as);
const blocAdmin = (d: any) => d.blocs.find((b: any) => b.bloc === "ADMINISTRATEURS");
const modifierCpx = (cpx: string, as: Identite = app.gestionnaire) =>
  mutation(
    ADMIN_MODIFIER,
    {
      finessJuridique: "330058068",
      valeurs: {
        contractualisationOG: false,
        statutAdminTechnique: "S",
        contractualisationEditeur: false,
        numeroCarteCPX: cpx,
        nomAdminTechnique: "VIE",
        telAdminTechnique: "0613434174",
        emailAdminTechnique: "g.vi@mail.com",
        utiliteCertificat: "INS",
      },
    },
    as,
  );
const confirmer = (versionBase: number, as: Identite = app.gestionnaire) => mutation(CONFIRMER, { versionBase }, as);

describe("validation rules (pure)", () => {
  it("a block is all validated only when it has rows and every one is validated", () => {
    expect(toutesValidees([])).toBe(false);
    expect(toutesValidees([{ validation: "VALIDEE" }, { validation: "A_VALIDER" }])).toBe(false);
    expect(toutesValidees([{ validation: "VALIDEE" }, { validation: "VALIDEE" }])).toBe(true);
  });

  it("lists the blocks with rows that are not validated and locked", () => {
    const e = (bloc: string, verrouille: boolean, nombreLignes: number, nombreValidees: number) => ({
      bloc,
      verrouille,
      nombreLignes,
      nombreValidees,
      nombreRejetees: 0,
    });
    expect(
      blocsNonValides([
        e("COORDONNEES_BANCAIRES", true, 1, 1),
        e("BENEFICIAIRES", false, 2, 1),
        e("ADMINISTRATEURS", false, 0, 0),
        e("PIECES", false, 2, 2),
      ]),
    ).toEqual(["BENEFICIAIRES", "PIECES"]);
  });

  it("requires a reason of at most 1000 characters", () => {
    expect(verifierMotif("  pièce illisible ")).toBe("pièce illisible");
    for (const m of ["", "   ", null, "x".repeat(1001)]) {
      try {
        verifierMotif(m);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ErreurValidation);
        expect((e as ErreurValidation).problemes[0]).toMatchObject({ path: ["input", "motif"], champ: "motif" });
        expect((e as ErreurValidation).message).toMatch(/^Motif : /);
      }
    }
  });
});

describe("validating rows and blocks", () => {
  it("validating the last row locks the block, with who and when, and audit events", async () => {
    for (const f of FINESS.slice(0, 4)) {
      const r = await valider(f);
      expect(r.__typename).toBe("LigneValiderSucces");
      expect(blocAdmin(r.demande).verrouille).toBe(false);
    }
    const r = await valider(FINESS[4]!);
    const bloc = blocAdmin(r.demande);
    expect(bloc).toMatchObject({ verrouille: true, nombreLignes: 5, nombreValidees: 5 });
    const ligne = r.demande.administrateurs[0];
    expect(ligne.validation).toMatchObject({ etat: "VALIDEE", motif: null, par: "Gaëlle Gestion" });
    expect(Date.now() - new Date(ligne.validation.le).getTime()).toBeLessThan(60_000);

    const ev = (await app.gql(EVENEMENTS, { n: numero }, app.gestionnaire)).data.demande.evenements;
    expect(ev[0]).toMatchObject({ type: "BLOC_VERROUILLE", bloc: "ADMINISTRATEURS" });
    expect(
      ev
        .filter((e: any) => e.type === "LIGNE_VALIDEE")
        .map((e: any) => e.cle)
        .sort(),
    ).toEqual(FINESS);
  });

  it("a locked block refuses row validation and rejection until unlocked", async () => {
    const r = await mutation(BLOC_VALIDER, { bloc: "ADMINISTRATEURS" });
    expect(r.__typename).toBe("BlocValiderSucces");
    expect(blocAdmin(r.demande)).toMatchObject({ verrouille: true, nombreValidees: 5 });

    const refus = await mutation(LIGNE_REJETER, { bloc: "ADMINISTRATEURS", cle: FINESS[0], motif: "CPX erroné" });
    expect(refus).toMatchObject({ __typename: "ErreurVerrouillage", code: "BLOC_VERROUILLE", bloc: "ADMINISTRATEURS" });
    expect(refus.message).toContain("Informations sur le(s) administrateur(s) technique(s)");
    expect((await valider(FINESS[0]!)).__typename).toBe("ErreurVerrouillage");
    expect((await mutation(BLOC_VALIDER, { bloc: "ADMINISTRATEURS" })).__typename).toBe("ErreurVerrouillage");
  });

  it("unlocking needs a reason; rows keep their validation; then a row can be rejected with a reason", async () => {
    await mutation(BLOC_VALIDER, { bloc: "ADMINISTRATEURS" });
    const sansMotif = await mutation(BLOC_DEVERROUILLER, { bloc: "ADMINISTRATEURS", motif: "  " });
    expect(sansMotif).toMatchObject({ __typename: "ErreurValidation", code: "VALIDATION", path: ["input", "motif"] });
    expect(sansMotif.message).toMatch(/^Motif/);

    const r = await mutation(BLOC_DEVERROUILLER, { bloc: "ADMINISTRATEURS", motif: "Nouveau numéro de carte annoncé" });
    expect(r.__typename).toBe("BlocDeverrouillerSucces");
    expect(blocAdmin(r.demande)).toMatchObject({ verrouille: false, nombreValidees: 5 });

    const sansMotifRejet = await mutation(LIGNE_REJETER, { bloc: "ADMINISTRATEURS", cle: FINESS[1], motif: "" });
    expect(sansMotifRejet).toMatchObject({ __typename: "ErreurValidation", path: ["input", "motif"] });
    const trop = await mutation(LIGNE_REJETER, { bloc: "ADMINISTRATEURS", cle: FINESS[1], motif: "x".repeat(1001) });
    expect(trop.__typename).toBe("ErreurValidation");
    expect(trop.message).toContain("1000");

    const rejet = await mutation(LIGNE_REJETER, {
      bloc: "ADMINISTRATEURS",
      cle: FINESS[1],
      motif: "Numéro de carte CPX inconnu",
    });
    expect(rejet.__typename).toBe("LigneRejeterSucces");
    expect(rejet.demande.administrateurs[1].validation).toMatchObject({
      etat: "REJETEE",
      motif: "Numéro de carte CPX inconnu",
      par: "Gaëlle Gestion",
    });
    expect(blocAdmin(rejet.demande)).toMatchObject({ verrouille: false, nombreRejetees: 1 });

    const ev = (await app.gql(EVENEMENTS, { n: numero }, app.gestionnaire)).data.demande.evenements;
    expect(ev[0]).toMatchObject({
      type: "LIGNE_REJETEE",
      bloc: "ADMINISTRATEURS",
      cle: FINESS[1],
      motif: "Numéro de carte CPX inconnu",
    });
    expect(ev[1]).toMatchObject({ type: "BLOC_DEVERROUILLE", motif: "Nouveau numéro de carte annoncé" });
    expect(ev.map((e: any) => e.type)).toContain("BLOC_VALIDE");

    // Unlocking an unlocked block is refused.
    expect((await mutation(BLOC_DEVERROUILLER, { bloc: "ADMINISTRATEURS", motif: "encore" })).code).toBe(
      "BLOC_NON_VERROUILLE",
    );
  });

  it("answers a client that asks only for __typename", async () => {
    const r = await app.gql(
      `mutation($i: BlocValiderInput!) { blocValider(input: $i) { __typename } }`,
      { i: { numero, bloc: "PIECES" } },
      app.gestionnaire,
    );
    expect(r).toEqual({ data: { blocValider: { __typename: "BlocValiderSucces" } } });
  });

  it("validates every kind of row by its key, and refuses unknown rows, empty blocks and non-validatable blocks", async () => {
    const d = (
      await app.gql(
        `query($n: String!) { demande(numero: $n) { beneficiaires { cle } pieces { cle } } }`,
        { n: numero },
        app.gestionnaire,
      )
    ).data.demande;
    const coord = await mutation(LIGNE_VALIDER, { bloc: "COORDONNEES_BANCAIRES", cle: "coordonnees" });
    expect(coord.demande.coordonneesBancaires.validation.etat).toBe("VALIDEE");
    expect(coord.demande.blocs.find((b: any) => b.bloc === "COORDONNEES_BANCAIRES").verrouille).toBe(true);
    const benef = await mutation(LIGNE_VALIDER, { bloc: "BENEFICIAIRES", cle: d.beneficiaires[0].cle });
    expect(benef.demande.blocs.find((b: any) => b.bloc === "BENEFICIAIRES")).toMatchObject({
      nombreValidees: 1,
      verrouille: false,
    });
    const piece = await mutation(LIGNE_VALIDER, { bloc: "PIECES", cle: d.pieces[0].cle });
    expect(piece.demande.blocs.find((b: any) => b.bloc === "PIECES").nombreValidees).toBe(1);

    // 750712184 has no certificate request: not a row of the block.
    expect(await valider("750712184")).toMatchObject({ __typename: "ErreurIntrouvable", path: ["input", "cle"] });
    expect((await mutation(LIGNE_VALIDER, { bloc: "PIECES", cle: "inconnue" })).__typename).toBe("ErreurIntrouvable");
    expect((await mutation(LIGNE_VALIDER, { bloc: "INFORMATIONS", cle: "demande" })).code).toBe("BLOC_NON_VALIDABLE");
    expect((await mutation(BLOC_VALIDER, { bloc: "COURRIELS" })).code).toBe("BLOC_NON_VALIDABLE");

    await app.prisma.administrateurTechnique.deleteMany({});
    const vide = await mutation(BLOC_VALIDER, { bloc: "ADMINISTRATEURS" });
    expect(vide).toMatchObject({ __typename: "ErreurEtat", code: "BLOC_VIDE" });
    expect(await app.prisma.etatBloc.count({ where: { bloc: "ADMINISTRATEURS" } })).toBe(0);
  });

  it("a Décidée demande refuses validation, rejection, block validation and unlocking", async () => {
    await app.prisma.demande.update({ where: { numero }, data: { statut: "DECIDEE" } });
    for (const [q, input] of [
      [LIGNE_VALIDER, { bloc: "ADMINISTRATEURS", cle: FINESS[0] }],
      [LIGNE_REJETER, { bloc: "ADMINISTRATEURS", cle: FINESS[0], motif: "non" }],
      [BLOC_VALIDER, { bloc: "ADMINISTRATEURS" }],
      [BLOC_DEVERROUILLER, { bloc: "ADMINISTRATEURS", motif: "non" }],
    ] as const) {
      expect(await mutation(q, input)).toMatchObject({ __typename: "ErreurEtat", code: "DEMANDE_DECIDEE" });
    }
  });

  it("fournisseurs and auditeurs are refused, without learning whether the demande exists", async () => {
    const proprietaire = await app.fournisseur("00001");
    for (const as of [proprietaire, app.auditeur]) {
      for (const n of [numero, "FINMS2999999M9"]) {
        for (const [q, input] of [
          [LIGNE_VALIDER, { bloc: "ADMINISTRATEURS", cle: FINESS[0] }],
          [LIGNE_REJETER, { bloc: "ADMINISTRATEURS", cle: FINESS[0], motif: "non" }],
          [BLOC_VALIDER, { bloc: "ADMINISTRATEURS" }],
          [BLOC_DEVERROUILLER, { bloc: "ADMINISTRATEURS", motif: "non" }],
        ] as const) {
          const r = await app.gql(q, { i: { ...input, numero: n } }, as);
          expect(Object.values(r.data as object)[0]).toMatchObject({
            __typename: "ErreurAutorisation",
            code: "NON_AUTORISE",
          });
        }
      }
    }
    expect(
      await app.prisma.evenementAudit.count({
        where: { type: { in: ["LIGNE_VALIDEE", "LIGNE_REJETEE", "BLOC_VALIDE"] } },
      }),
    ).toBe(0);
    const inconnu = await mutation(LIGNE_VALIDER, {
      numero: "FINMS2999999M9",
      bloc: "ADMINISTRATEURS",
      cle: FINESS[0],
    });
    expect(inconnu).toMatchObject({ __typename: "ErreurIntrouvable", path: ["input", "numero"] });
  });
});

describe("validating a block that has rejected rows (SPEC §10)", () => {
  const MOTIF = "Numéro de carte CPX inconnu";
  const evenements = async () =>
    (await app.gql(EVENEMENTS, { n: numero }, app.gestionnaire)).data.demande.evenements as any[];
  const details = (e: any) => (typeof e.details === "string" ? JSON.parse(e.details) : e.details);

  it("without the flag, the rejected row stays rejected, the block stays open and the answer lists it", async () => {
    expect((await mutation(LIGNE_REJETER, { bloc: "ADMINISTRATEURS", cle: FINESS[1], motif: MOTIF })).__typename).toBe(
      "LigneRejeterSucces",
    );
    const r = await mutation(BLOC_VALIDER, { bloc: "ADMINISTRATEURS" });
    expect(r.__typename).toBe("BlocValiderSucces");
    expect(r.lignesRejetees).toEqual([{ cle: FINESS[1], motif: MOTIF }]);
    expect(blocAdmin(r.demande)).toMatchObject({
      verrouille: false,
      nombreLignes: 5,
      nombreValidees: 4,
      nombreRejetees: 1,
    });
    const rejetee = r.demande.administrateurs.find((a: any) => a.finessJuridique === FINESS[1]);
    expect(rejetee.validation).toMatchObject({ etat: "REJETEE", motif: MOTIF });
    expect(await app.prisma.administrateurTechnique.count({ where: { validation: "VALIDEE" } })).toBe(4);

    const ev = await evenements();
    expect(ev[0]).toMatchObject({ type: "BLOC_VALIDE", bloc: "ADMINISTRATEURS" });
    expect(details(ev[0])).toMatchObject({ lignes: 5, validees: 4, restentRejetees: 1, rejetsLeves: 0 });
    expect(ev.map((e) => e.type)).not.toContain("BLOC_VERROUILLE");
    expect(ev.map((e) => e.type)).not.toContain("REJET_LEVE");

    // Still open: the rejected row can be validated on its own, which then locks the block.
    expect(blocAdmin((await valider(FINESS[1]!)).demande).verrouille).toBe(true);
  });

  it("again without the flag when only the rejected row is left: nothing changes, nothing is journaled", async () => {
    await mutation(LIGNE_REJETER, { bloc: "ADMINISTRATEURS", cle: FINESS[1], motif: MOTIF });
    await mutation(BLOC_VALIDER, { bloc: "ADMINISTRATEURS" });
    const avant = await app.prisma.evenementAudit.count();
    const r = await mutation(BLOC_VALIDER, { bloc: "ADMINISTRATEURS", inclureRejetees: false });
    expect(r.lignesRejetees).toEqual([{ cle: FINESS[1], motif: MOTIF }]);
    expect(blocAdmin(r.demande)).toMatchObject({ verrouille: false, nombreRejetees: 1 });
    expect(await app.prisma.evenementAudit.count()).toBe(avant);
  });

  it("with the flag, the rejection is lifted and journaled per row with its former reason, and the block locks", async () => {
    await mutation(LIGNE_REJETER, { bloc: "ADMINISTRATEURS", cle: FINESS[1], motif: MOTIF });
    await mutation(LIGNE_REJETER, { bloc: "ADMINISTRATEURS", cle: FINESS[3], motif: "Téléphone injoignable" });
    const r = await mutation(BLOC_VALIDER, { bloc: "ADMINISTRATEURS", inclureRejetees: true });
    expect(r.__typename).toBe("BlocValiderSucces");
    expect(r.lignesRejetees).toEqual([]);
    expect(blocAdmin(r.demande)).toMatchObject({ verrouille: true, nombreValidees: 5, nombreRejetees: 0 });
    expect(r.demande.administrateurs.find((a: any) => a.finessJuridique === FINESS[1]).validation).toMatchObject({
      etat: "VALIDEE",
      motif: null,
      par: "Gaëlle Gestion",
    });

    const ev = await evenements();
    const leves = ev.filter((e) => e.type === "REJET_LEVE");
    expect(leves.map((e) => [e.cle, e.motif]).sort()).toEqual([
      [FINESS[1], MOTIF],
      [FINESS[3], "Téléphone injoignable"],
    ]);
    expect(leves.every((e) => e.bloc === "ADMINISTRATEURS" && e.auteur === "Gaëlle Gestion")).toBe(true);
    const blocValide = ev.find((e) => e.type === "BLOC_VALIDE");
    expect(details(blocValide)).toMatchObject({ lignes: 5, validees: 5, restentRejetees: 0, rejetsLeves: 2 });
    expect(ev[0]).toMatchObject({ type: "BLOC_VERROUILLE", bloc: "ADMINISTRATEURS" });
  });

  it("other blocks follow the same rule (a rejected pièce is not validated by « Valider le bloc »)", async () => {
    const pieces = (
      await app.gql(`query($n: String!) { demande(numero: $n) { pieces { cle } } }`, { n: numero }, app.gestionnaire)
    ).data.demande.pieces;
    await mutation(LIGNE_REJETER, { bloc: "PIECES", cle: pieces[0].cle, motif: "Illisible" });
    const r = await mutation(BLOC_VALIDER, { bloc: "PIECES" });
    expect(r.lignesRejetees).toEqual([{ cle: pieces[0].cle, motif: "Illisible" }]);
    expect(r.demande.blocs.find((b: any) => b.bloc === "PIECES")).toMatchObject({
      verrouille: false,
      nombreRejetees: 1,
    });
  });
});

describe("locking and drafts", () => {
  it("a locked block refuses a staged change; after unlocking with a reason, it works and the row is to validate again", async () => {
    await mutation(BLOC_VALIDER, { bloc: "ADMINISTRATEURS" });
    const refus = await modifierCpx("9001234569");
    expect(refus).toMatchObject({ __typename: "ErreurVerrouillage", bloc: "ADMINISTRATEURS" });

    // The supplier is refused too, whatever its client (statut allowing it to modify).
    await app.prisma.demande.update({ where: { numero }, data: { statut: "A_MODIFIER" } });
    expect((await modifierCpx("9001234569", await app.fournisseur("00001"))).__typename).toBe("ErreurVerrouillage");
    await app.prisma.demande.update({ where: { numero }, data: { statut: "EN_COURS" } });

    await mutation(BLOC_DEVERROUILLER, { bloc: "ADMINISTRATEURS", motif: "Changement de carte CPX" });
    const ok = await modifierCpx("9001234569");
    expect(ok.__typename).toBe("AdministrateurModifierSucces");
    const c = await confirmer(ok.brouillon.versionBase);
    expect(c.__typename).toBe("BrouillonConfirmerSucces");
    const d = (
      await app.gql(`query($n: String!) { demande(numero: $n) { ...D } } ${DEMANDE}`, { n: numero }, app.gestionnaire)
    ).data.demande;
    const ligne = d.administrateurs.find((a: any) => a.finessJuridique === "330058068");
    expect(ligne.validation.etat).toBe("A_VALIDER");
    expect(blocAdmin(d)).toMatchObject({ verrouille: false, nombreValidees: 4 });
    // Validating the changed row again relocks the block.
    expect(blocAdmin((await valider("330058068")).demande).verrouille).toBe(true);
  });

  it("confirming a draft staged before the lock is refused; after unlocking it goes through", async () => {
    const staged = await modifierCpx("9001234569");
    expect(staged.__typename).toBe("AdministrateurModifierSucces");
    await mutation(BLOC_VALIDER, { bloc: "ADMINISTRATEURS" });
    const refus = await confirmer(staged.brouillon.versionBase);
    expect(refus).toMatchObject({ __typename: "ErreurVerrouillage", code: "BLOC_VERROUILLE", bloc: "ADMINISTRATEURS" });
    expect(await app.prisma.version.count()).toBe(1);
    const cpx = await app.prisma.administrateurTechnique.findFirstOrThrow({ where: { finessJuridique: "330058068" } });
    expect(cpx.numeroCarteCPX).toBe("8001234569");

    await mutation(BLOC_DEVERROUILLER, { bloc: "ADMINISTRATEURS", motif: "Reprise de la modification" });
    expect((await confirmer(staged.brouillon.versionBase)).__typename).toBe("BrouillonConfirmerSucces");
    const apres = await app.prisma.administrateurTechnique.findFirstOrThrow({
      where: { finessJuridique: "330058068" },
    });
    expect(apres).toMatchObject({ numeroCarteCPX: "9001234569", validation: "A_VALIDER", valideePar: null });
  });
});
