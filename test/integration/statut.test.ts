import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BLOCS_VALIDABLES, type StatutDemande } from "@segur/shared";
import { creerAppTest, importerExemple, type AppTest, type Identite } from "../../server/test/aide.js";
import { courrielChangementStatut, sansAdresses } from "../../server/src/courriel/service.js";
import { changerStatut, verifierChangementStatut } from "../../server/src/statut/service.js";
import { ErreurEtat, ErreurValidation } from "../../server/src/commun/erreurs.js";
import type { Acteur } from "../../server/src/auth/acteur.js";

const ERREUR = `... on Erreur { __typename code message path }`;
const CHANGER = `mutation($i: DemandeChangerStatutInput!) { demandeChangerStatut(input: $i) {
  __typename ... on DemandeChangerStatutSucces { demande { numero statut courriels { destinataire sujet corps transport etat creeLe } } } ${ERREUR} } }`;
const BLOC_VALIDER = `mutation($i: BlocValiderInput!) { blocValider(input: $i) { __typename ${ERREUR} } }`;
const ADMIN_MODIFIER = `mutation($i: AdministrateurModifierInput!) { administrateurModifier(input: $i) { __typename ... on AdministrateurModifierSucces { brouillon { versionBase } } ${ERREUR} } }`;
const CONFIRMER = `mutation($i: BrouillonConfirmerInput!) { brouillonConfirmer(input: $i) { __typename ... on BrouillonConfirmerSucces { confirmation { demande { statut versionCourante } } } ${ERREUR} } }`;
const EVENEMENTS = `query($n: String!) { demande(numero: $n) { statut evenements { type auteur details } } }`;

let app: AppTest;
let numero: string;
beforeEach(async () => {
  app = await creerAppTest();
  numero = await importerExemple(app);
});
afterEach(() => app.fermer());

async function changer(statut: StatutDemande, message?: string | null, as: Identite = app.gestionnaire) {
  const r = await app.gql(CHANGER, { i: { numero, statut, message } }, as);
  expect(r.errors).toBeUndefined();
  return r.data.demandeChangerStatut;
}
const evenements = async () => (await app.gql(EVENEMENTS, { n: numero }, app.gestionnaire)).data.demande;
const validerTout = async () => {
  for (const bloc of BLOCS_VALIDABLES) {
    expect((await app.gql(BLOC_VALIDER, { i: { numero, bloc } }, app.gestionnaire)).data.blocValider.__typename).toBe(
      "BlocValiderSucces",
    );
  }
};
const VALEURS_VIE = {
  contractualisationOG: false,
  statutAdminTechnique: "S",
  contractualisationEditeur: false,
  numeroCarteCPX: "9001234569",
  nomAdminTechnique: "VIE",
  telAdminTechnique: "0613434174",
  emailAdminTechnique: "g.vi@mail.com",
  utiliteCertificat: "INS",
};

describe("automatic emails (pure)", () => {
  it("composes the French email of each statut that sends one, and none otherwise", () => {
    const base = { numero: "FINMS2007720M0", type: "AVANCE", logiciel: "DUI-PDS" };
    const modif = courrielChangementStatut({
      ...base,
      vers: "A_MODIFIER",
      message: "Merci de corriger le numéro de carte CPX.",
    })!;
    expect(modif.sujet).toBe("Demande FINMS2007720M0 : modifications demandées");
    expect(modif.corps).toContain("« A modifier »");
    expect(modif.corps).toContain("Merci de corriger le numéro de carte CPX.");
    expect(modif.corps).toContain("logiciel DUI-PDS");
    const piece = courrielChangementStatut({ ...base, vers: "EN_ATTENTE_PIECE", message: "Facture manquante." })!;
    expect(piece.sujet).toBe("Demande FINMS2007720M0 : pièce jointe complémentaire attendue");
    expect(piece.corps).toContain("« En attente de pièce jointe complémentaire »");
    const decision = courrielChangementStatut({ ...base, vers: "DECIDEE", message: null })!;
    expect(decision.sujet).toBe("Demande FINMS2007720M0 : décision");
    expect(decision.corps).not.toContain("Message du gestionnaire");
    expect(courrielChangementStatut({ ...base, vers: "EN_COURS", message: "x" })).toBeNull();
    expect(courrielChangementStatut({ ...base, vers: "REGULARISATION_EN_COURS", message: null })).toBeNull();
  });

  it("removes email addresses from transport errors before logging them", () => {
    expect(sansAdresses("550 5.1.1 <contact@editeur-dui.fr>: Recipient address rejected")).toBe(
      "550 5.1.1 <[adresse masquée]>: Recipient address rejected",
    );
  });
});

describe("statut rules (pure)", () => {
  const tousValides = BLOCS_VALIDABLES.map((bloc) => ({
    bloc,
    verrouille: true,
    nombreLignes: 1,
    nombreValidees: 1,
    nombreRejetees: 0,
  }));
  const code = (f: () => unknown) => {
    try {
      f();
      return null;
    } catch (e) {
      return e instanceof ErreurEtat || e instanceof ErreurValidation ? e.code : String(e);
    }
  };

  it("follows the transition table and never leaves Décidée", () => {
    expect(
      verifierChangementStatut({ de: "EN_COURS", vers: "REGULARISATION_EN_COURS", message: null, blocs: [] }),
    ).toBeNull();
    expect(code(() => verifierChangementStatut({ de: "EN_COURS", vers: "EN_COURS", message: null, blocs: [] }))).toBe(
      "STATUT_INCHANGE",
    );
    expect(
      code(() => verifierChangementStatut({ de: "A_MODIFIER", vers: "DECIDEE", message: null, blocs: tousValides })),
    ).toBe("TRANSITION_INTERDITE");
    expect(code(() => verifierChangementStatut({ de: "DECIDEE", vers: "EN_COURS", message: null, blocs: [] }))).toBe(
      "TRANSITION_INTERDITE",
    );
  });

  it("requires a message of at most 2000 characters for A modifier and En attente de pièce", () => {
    for (const vers of ["A_MODIFIER", "EN_ATTENTE_PIECE"] as const) {
      expect(code(() => verifierChangementStatut({ de: "EN_COURS", vers, message: "  ", blocs: [] }))).toBe(
        "VALIDATION",
      );
      expect(code(() => verifierChangementStatut({ de: "EN_COURS", vers, message: "x".repeat(2001), blocs: [] }))).toBe(
        "VALIDATION",
      );
      expect(verifierChangementStatut({ de: "EN_COURS", vers, message: " Merci de compléter. ", blocs: [] })).toBe(
        "Merci de compléter.",
      );
    }
  });

  it("refuses Décidée while a block with rows is not validated, naming it in French", () => {
    const blocs = tousValides.map((b) => (b.bloc === "PIECES" ? { ...b, verrouille: false, nombreValidees: 0 } : b));
    try {
      verifierChangementStatut({ de: "EN_COURS", vers: "DECIDEE", message: null, blocs });
      expect.unreachable();
    } catch (e) {
      expect((e as ErreurEtat).code).toBe("BLOCS_NON_VALIDES");
      expect((e as ErreurEtat).message).toContain("« Pièces justificatives »");
      expect((e as ErreurEtat).message).not.toContain("Coordonnées bancaires");
    }
    // A block without rows (e.g. no certificate request) does not hold the decision.
    const sansAdmin = tousValides.map((b) =>
      b.bloc === "ADMINISTRATEURS" ? { ...b, verrouille: false, nombreLignes: 0, nombreValidees: 0 } : b,
    );
    expect(verifierChangementStatut({ de: "EN_COURS", vers: "DECIDEE", message: null, blocs: sansAdmin })).toBeNull();
  });
});

describe("demandeChangerStatut", () => {
  it("A modifier without a message is refused and changes nothing", async () => {
    const r = await changer("A_MODIFIER", null);
    expect(r).toMatchObject({ __typename: "ErreurValidation", code: "VALIDATION", path: ["input", "message"] });
    expect(r.message).toMatch(/^Message au fournisseur : obligatoire/);
    const d = await evenements();
    expect(d.statut).toBe("EN_COURS");
    expect(d.evenements.map((e: any) => e.type)).not.toContain("STATUT_MODIFIE");
    expect(app.courriels).toHaveLength(0);
  });

  it("A modifier records the email on the demande, the outbox hands it to the transport, and both are logged", async () => {
    const r = await changer("A_MODIFIER", "Merci de corriger le numéro de carte CPX de 330058068.");
    expect(r.__typename).toBe("DemandeChangerStatutSucces");
    expect(r.demande.statut).toBe("A_MODIFIER");
    expect(r.demande.courriels).toHaveLength(1);
    const c = r.demande.courriels[0];
    expect(c).toMatchObject({
      destinataire: "contact@editeur-dui.fr",
      sujet: `Demande ${numero} : modifications demandées`,
      transport: "test",
    });
    expect(c.corps).toContain("Merci de corriger le numéro de carte CPX de 330058068.");
    await app.boiteEnvoi.inactive();
    expect(app.courriels).toEqual([{ destinataire: "contact@editeur-dui.fr", sujet: c.sujet, corps: c.corps }]);
    expect(await app.prisma.courriel.findFirstOrThrow()).toMatchObject({
      etat: "ENVOYE",
      tentatives: 1,
      derniereErreur: null,
      prochainEssaiLe: null,
    });

    const ev = (await evenements()).evenements;
    expect(ev[0]).toMatchObject({ type: "COURRIEL_ENVOYE", details: { envoye: true, transport: "test" } });
    expect(ev[1]).toMatchObject({
      type: "STATUT_MODIFIE",
      auteur: "Gaëlle Gestion",
      details: {
        de: "EN_COURS",
        vers: "A_MODIFIER",
        message: "Merci de corriger le numéro de carte CPX de 330058068.",
      },
    });
  });

  it("the service runs on a database, an actor and an outbox, without a GraphQL context", async () => {
    const u = await app.prisma.utilisateur.findFirstOrThrow({
      where: { role: "GESTIONNAIRE" },
      select: { id: true, nom: true, email: true },
    });
    const acteur: Acteur = { ...u, type: "UTILISATEUR", cle: `U:${u.id}`, role: "GESTIONNAIRE", numeroEditeur: null };
    let signaux = 0;
    const envoi = {
      courrielleur: { nom: "test", envoyer: async () => {} },
      boiteEnvoi: { signaler: () => void signaux++ },
    };
    const id = await changerStatut(app.prisma, acteur, envoi, {
      numero,
      statut: "A_MODIFIER",
      message: "Merci de compléter.",
    });
    const d = await app.prisma.demande.findUniqueOrThrow({ where: { id }, include: { courriels: true } });
    expect(d).toMatchObject({ numero, statut: "A_MODIFIER", courriels: [{ etat: "EN_ATTENTE", transport: "test" }] });
    // Told once, after the commit.
    expect(signaux).toBe(1);
  });

  it("a transport failure does not undo the statut: the email stays in the outbox and the failure is an event", async () => {
    // The test transport pushes onto app.courriels: make it fail like an SMTP refusal.
    app.courriels.push = () => {
      throw new Error("550 <contact@editeur-dui.fr>: boîte inconnue");
    };
    const erreurs: unknown[] = [];
    const consoleError = console.error;
    console.error = (...a: unknown[]) => void erreurs.push(a.join(" "));
    try {
      const r = await changer("EN_ATTENTE_PIECE", "La facture est illisible.");
      expect(r.__typename).toBe("DemandeChangerStatutSucces");
      expect(r.demande.statut).toBe("EN_ATTENTE_PIECE");
      expect(r.demande.courriels).toHaveLength(1);
      await app.boiteEnvoi.inactive();
    } finally {
      console.error = consoleError;
    }
    const ev = (await evenements()).evenements;
    expect(ev[0]).toMatchObject({
      type: "COURRIEL_ECHEC",
      auteur: "Système",
      details: { tentative: 1, abandon: false, erreur: "550 <[adresse masquée]>: boîte inconnue" },
    });
    expect(await app.prisma.courriel.findFirstOrThrow()).toMatchObject({
      etat: "EN_ATTENTE",
      tentatives: 1,
      derniereErreur: "550 <[adresse masquée]>: boîte inconnue",
    });
    expect(erreurs.join("\n")).not.toContain("contact@editeur-dui.fr");
  });

  it("without a contact address, the statut changes and the event says no email was sent", async () => {
    await app.prisma.demande.update({ where: { numero }, data: { courrielContact: null } });
    const r = await changer("A_MODIFIER", "Merci de compléter.");
    expect(r.demande).toMatchObject({ statut: "A_MODIFIER", courriels: [] });
    expect(app.courriels).toHaveLength(0);
    const ev = (await evenements()).evenements;
    expect(ev[0].type).toBe("STATUT_MODIFIE");
    expect(ev[0].details.courriel).toMatch(/Aucun courriel de contact/);
  });

  it("Décidée is refused until every block is validated, then sends the decision email and is final", async () => {
    const refus = await changer("DECIDEE");
    expect(refus).toMatchObject({ __typename: "ErreurEtat", code: "BLOCS_NON_VALIDES" });
    for (const label of [
      "Coordonnées bancaires",
      "Bénéficiaire(s) et scénario d'installation",
      "Informations sur le(s) administrateur(s) technique(s)",
      "Pièces justificatives",
    ]) {
      expect(refus.message).toContain(`« ${label} »`);
    }
    await validerTout();
    // An unlocked block is open for changes again: not validated.
    await app.gql(
      `mutation($i: BlocDeverrouillerInput!) { blocDeverrouiller(input: $i) { __typename } }`,
      { i: { numero, bloc: "PIECES", motif: "Vérification" } },
      app.gestionnaire,
    );
    const encore = await changer("DECIDEE");
    expect(encore.code).toBe("BLOCS_NON_VALIDES");
    expect(encore.message).toContain("« Pièces justificatives »");
    expect(encore.message).not.toContain("Coordonnées bancaires");
    expect(
      (await app.gql(BLOC_VALIDER, { i: { numero, bloc: "PIECES" } }, app.gestionnaire)).data.blocValider.__typename,
    ).toBe("BlocValiderSucces");

    const r = await changer("DECIDEE");
    expect(r.demande.statut).toBe("DECIDEE");
    expect(r.demande.courriels[0].sujet).toBe(`Demande ${numero} : décision`);
    await app.boiteEnvoi.inactive();
    expect(app.courriels.map((c) => c.sujet)).toEqual([`Demande ${numero} : décision`]);

    expect(await changer("EN_COURS")).toMatchObject({ __typename: "ErreurEtat", code: "TRANSITION_INTERDITE" });
    // Nobody modifies a Décidée demande.
    const m = await app.gql(
      ADMIN_MODIFIER,
      { i: { numero, finessJuridique: "330058068", valeurs: VALEURS_VIE } },
      app.gestionnaire,
    );
    expect(m.data.administrateurModifier.code).toBe("STATUT_NON_MODIFIABLE");
  });

  it("a transition outside the table is refused", async () => {
    await changer("A_MODIFIER", "Merci de compléter.");
    expect(await changer("DECIDEE")).toMatchObject({
      __typename: "ErreurEtat",
      code: "TRANSITION_INTERDITE",
      path: ["input", "statut"],
    });
    expect(await changer("A_MODIFIER", "encore")).toMatchObject({ code: "STATUT_INCHANGE" });
  });

  it("fournisseurs and auditeurs may not change a statut", async () => {
    for (const as of [await app.fournisseur("00001"), app.auditeur]) {
      expect(await changer("REGULARISATION_EN_COURS", null, as)).toMatchObject({ __typename: "ErreurAutorisation" });
    }
    expect((await evenements()).statut).toBe("EN_COURS");
  });
});

describe("supplier modifications and statut", () => {
  it("a fournisseur modifies only in A modifier / En attente de pièce; its confirmation moves the statut back to En cours", async () => {
    const fournisseur = await app.fournisseur("00001");
    let cpx = "9001234569";
    const modifier = () =>
      app.gql(
        ADMIN_MODIFIER,
        { i: { numero, finessJuridique: "330058068", valeurs: { ...VALEURS_VIE, numeroCarteCPX: cpx } } },
        fournisseur,
      );

    for (const statut of ["EN_COURS", "REGULARISATION_EN_COURS"] as const) {
      await app.prisma.demande.update({ where: { numero }, data: { statut } });
      expect((await modifier()).data.administrateurModifier).toMatchObject({
        __typename: "ErreurEtat",
        code: "STATUT_NON_MODIFIABLE",
      });
    }
    await app.prisma.demande.update({ where: { numero }, data: { statut: "EN_COURS" } });

    for (const [statut, message] of [
      ["A_MODIFIER", "Merci de corriger le CPX."],
      ["EN_ATTENTE_PIECE", "Merci de joindre la facture."],
    ] as const) {
      expect((await changer(statut, message)).demande.statut).toBe(statut);
      const staged = (await modifier()).data.administrateurModifier;
      expect(staged.__typename).toBe("AdministrateurModifierSucces");
      // Another supplier does not even see the demande.
      const autre = await app.gql(
        ADMIN_MODIFIER,
        { i: { numero, finessJuridique: "330058068", valeurs: VALEURS_VIE } },
        await app.fournisseur("00017"),
      );
      expect(autre.data.administrateurModifier.__typename).toBe("ErreurIntrouvable");

      const c = await app.gql(CONFIRMER, { i: { numero, versionBase: staged.brouillon.versionBase } }, fournisseur);
      expect(c.data.brouillonConfirmer.__typename).toBe("BrouillonConfirmerSucces");
      expect(c.data.brouillonConfirmer.confirmation.demande.statut).toBe("EN_COURS");
      const ev = (await evenements()).evenements;
      expect(ev[0]).toMatchObject({ type: "STATUT_MODIFIE", details: { de: statut, vers: "EN_COURS" } });
      cpx = "9001234560"; // a new change for the next round
    }
  });
});
