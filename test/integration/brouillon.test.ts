import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { creerAppTest, importerExemple, type AppTest, type Identite } from "../../server/test/aide.js";

let app: AppTest;
let numero: string;
beforeEach(async () => {
  app = await creerAppTest();
  numero = await importerExemple(app);
});
afterEach(() => app.fermer());

const APERCU = `fragment Apercu on Brouillon {
  versionBase aJour nombreModifications
  administrateurs { cle etat champsModifies valeurs { finessJuridique nomAdminTechnique numeroCarteCPX utiliteCertificat } avertissements { code } }
}`;
const RESULTAT = `__typename ... on Erreur { code message path } ... on ErreurValidation { problemes { path champ message code } }`;

const modifier = (who: Identite, finess: string, valeurs: Record<string, unknown>) =>
  app.gql(
    `${APERCU} mutation($i: AdministrateurModifierInput!) { administrateurModifier(input: $i) { ${RESULTAT} ... on AdministrateurModifierSucces { brouillon { ...Apercu } } } }`,
    { i: { numero, finessJuridique: finess, valeurs } },
    who,
  );
const ajouter = (who: Identite, valeurs: Record<string, unknown>) =>
  app.gql(
    `${APERCU} mutation($i: AdministrateurAjouterInput!) { administrateurAjouter(input: $i) { ${RESULTAT} ... on AdministrateurAjouterSucces { brouillon { ...Apercu } } } }`,
    { i: { numero, valeurs } },
    who,
  );
const supprimer = (who: Identite, finess: string) =>
  app.gql(
    `${APERCU} mutation($i: AdministrateurSupprimerInput!) { administrateurSupprimer(input: $i) { ${RESULTAT} ... on AdministrateurSupprimerSucces { brouillon { ...Apercu } } } }`,
    { i: { numero, finessJuridique: finess } },
    who,
  );
const confirmer = (who: Identite, versionBase: number, commentaire?: string) =>
  app.gql(
    `mutation($i: BrouillonConfirmerInput!) { brouillonConfirmer(input: $i) { ${RESULTAT}
    ... on ErreurConflit { versionActuelle }
    ... on BrouillonConfirmerSucces { confirmation { version { numero auteur role commentaire changements { bloc cle nature champ ancienneValeur nouvelleValeur } } demande { versionCourante administrateurs { finessJuridique nomAdminTechnique } } } } } }`,
    { i: { numero, versionBase, commentaire } },
    who,
  );

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
const NOUVEAU = {
  finessJuridique: "750712184",
  contractualisationOG: false,
  statutAdminTechnique: "S",
  contractualisationEditeur: false,
  numeroCarteCPX: null,
  nomAdminTechnique: "Dupont-Durand",
  telAdminTechnique: "01 45 00 00 06",
  emailAdminTechnique: "c.dupont@ehpad-paris.fr",
  utiliteCertificat: "DMP_INS",
};

describe("drafts with deferred commit", () => {
  it("walks the supplier guide's flow: edit, delete, add, preview, confirm, version n+1", async () => {
    const m = await modifier(app.gestionnaire, "330058066", {
      ...STU,
      nomAdminTechnique: "STUART",
      numeroCarteCPX: "8009999999",
    });
    expect(m.data.administrateurModifier.__typename).toBe("AdministrateurModifierSucces");
    await supprimer(app.gestionnaire, "330058067");
    const a = await ajouter(app.gestionnaire, NOUVEAU);
    const apercu = a.data.administrateurAjouter.brouillon;
    expect(apercu.nombreModifications).toBe(3);
    const etat = Object.fromEntries(apercu.administrateurs.map((l: any) => [l.cle, l]));
    expect(etat["330058066"].etat).toBe("MODIFIEE");
    expect(etat["330058066"].champsModifies.sort()).toEqual(["nomAdminTechnique", "numeroCarteCPX"]);
    expect(etat["330058067"].etat).toBe("SUPPRIMEE");
    expect(etat["330058068"].etat).toBe("INCHANGEE");
    expect(etat["750712184"].etat).toBe("AJOUTEE");
    expect(etat["750712184"].valeurs.utiliteCertificat).toBe("DMP_INS");

    // Nothing is saved before confirmation.
    const avant = await app.gql(
      `query($n: String!) { demande(numero: $n) { versionCourante administrateurs { finessJuridique nomAdminTechnique } } }`,
      { n: numero },
      app.gestionnaire,
    );
    expect(
      avant.data.demande.administrateurs.find((x: any) => x.finessJuridique === "330058066").nomAdminTechnique,
    ).toBe("STU");

    const c = await confirmer(app.gestionnaire, apercu.versionBase, "Corrections du guide");
    expect(c.data.brouillonConfirmer.__typename).toBe("BrouillonConfirmerSucces");
    const { version, demande } = c.data.brouillonConfirmer.confirmation;
    expect(version.numero).toBe(2);
    expect(version.role).toBe("GESTIONNAIRE");
    expect(demande.versionCourante).toBe(2);
    expect(demande.administrateurs.map((x: any) => x.finessJuridique)).toEqual([
      "330058066",
      "330058068",
      "330058069",
      "330058070",
      "750712184",
    ]);
    const parNature = (n: string) => version.changements.filter((x: any) => x.nature === n);
    expect(parNature("MODIFICATION")).toEqual([
      {
        bloc: "ADMINISTRATEURS",
        cle: "330058066",
        nature: "MODIFICATION",
        champ: "numeroCarteCPX",
        ancienneValeur: "8001234567",
        nouvelleValeur: "8009999999",
      },
      {
        bloc: "ADMINISTRATEURS",
        cle: "330058066",
        nature: "MODIFICATION",
        champ: "nomAdminTechnique",
        ancienneValeur: "STU",
        nouvelleValeur: "STUART",
      },
    ]);
    expect(new Set(parNature("SUPPRESSION").map((x: any) => x.cle))).toEqual(new Set(["330058067"]));
    expect(new Set(parNature("AJOUT").map((x: any) => x.cle))).toEqual(new Set(["750712184"]));
    expect(parNature("AJOUT").find((x: any) => x.champ === "contractualisationOG").nouvelleValeur).toBe("false");

    // Version 1 still reads as before; the comparison lists exactly the changes.
    const v1 = await app.gql(
      `query($n: String!) { demandeALaVersion(numero: $n, version: 1) { administrateurs { cle valeurs { nomAdminTechnique } } } }`,
      { n: numero },
      app.auditeur,
    );
    expect(v1.data.demandeALaVersion.administrateurs.map((l: any) => l.cle)).toEqual([
      "330058066",
      "330058067",
      "330058068",
      "330058069",
      "330058070",
    ]);
    expect(v1.data.demandeALaVersion.administrateurs[0].valeurs.nomAdminTechnique).toBe("STU");
    const cmp = await app.gql(
      `query($n: String!) { demandeComparer(numero: $n, de: 1, a: 2) { cle champ } }`,
      { n: numero },
      app.auditeur,
    );
    expect(cmp.data.demandeComparer).toHaveLength(version.changements.length);
    // The draft is gone.
    const b = await app.gql(
      `query($n: String!) { brouillon(numero: $n) { versionBase } }`,
      { n: numero },
      app.gestionnaire,
    );
    expect(b.data.brouillon).toBeNull();
  });

  it("checks each staged operation at once and stages nothing wrong", async () => {
    const r = await modifier(app.gestionnaire, "330058066", {
      ...STU,
      numeroCarteCPX: null,
      nomAdminTechnique: "St3v3",
    });
    const res = r.data.administrateurModifier;
    expect(res.__typename).toBe("ErreurValidation");
    const champs = res.problemes.map((p: any) => p.champ).sort();
    expect(champs).toEqual(["nomAdminTechnique", "numeroCarteCPX"]);
    expect(res.problemes.find((p: any) => p.champ === "numeroCarteCPX").path).toEqual([
      "input",
      "valeurs",
      "numeroCarteCPX",
    ]);
    expect(res.problemes.find((p: any) => p.champ === "numeroCarteCPX").message).toMatch(/Numéro de carte CPX/);
    const b = await app.gql(
      `query($n: String!) { brouillon(numero: $n) { nombreModifications } }`,
      { n: numero },
      app.gestionnaire,
    );
    expect(b.data.brouillon?.nombreModifications ?? 0).toBe(0);
    // one certificate per FINESS juridique
    const d = await ajouter(app.gestionnaire, { ...NOUVEAU, finessJuridique: "330058068" });
    expect(d.data.administrateurAjouter.__typename).toBe("ErreurValidation");
    expect(d.data.administrateurAjouter.problemes[0].code).toBe("DOUBLON_FINESS");
  });

  it("folds operations on the same row, and re-adding a deleted row is an edit", async () => {
    await supprimer(app.gestionnaire, "330058066");
    const r = await ajouter(app.gestionnaire, { ...STU, finessJuridique: "330058066", nomAdminTechnique: "NOUVEL" });
    const l = r.data.administrateurAjouter.brouillon.administrateurs.find((x: any) => x.cle === "330058066");
    expect(l.etat).toBe("MODIFIEE");
    expect(l.champsModifies).toEqual(["nomAdminTechnique"]);
    // editing back to the saved values leaves nothing to confirm
    const back = await modifier(app.gestionnaire, "330058066", STU);
    expect(back.data.administrateurModifier.brouillon.nombreModifications).toBe(0);
  });

  it("lets the first of two concurrent drafts win; the second gets a conflict and keeps its draft", async () => {
    const autre = await app.fournisseur("00001");
    await app.prisma.demande.update({ where: { numero }, data: { statut: "A_MODIFIER" } });
    const g = await modifier(app.gestionnaire, "330058068", {
      ...STU,
      nomAdminTechnique: "GESTION",
      contractualisationOG: false,
      statutAdminTechnique: "S",
      contractualisationEditeur: false,
    });
    const f = await modifier(autre, "330058069", { ...STU, nomAdminTechnique: "FOURNI" });
    expect(g.data.administrateurModifier.brouillon.versionBase).toBe(1);
    expect(f.data.administrateurModifier.brouillon.versionBase).toBe(1);
    const premier = await confirmer(autre, 1);
    expect(premier.data.brouillonConfirmer.__typename).toBe("BrouillonConfirmerSucces");
    const second = await confirmer(app.gestionnaire, 1);
    expect(second.data.brouillonConfirmer.__typename).toBe("ErreurConflit");
    expect(second.data.brouillonConfirmer.versionActuelle).toBe(2);
    expect(second.data.brouillonConfirmer.message).toMatch(/modifiée par quelqu'un d'autre/);
    const kept = await app.gql(
      `query($n: String!) { brouillon(numero: $n) { aJour nombreModifications } }`,
      { n: numero },
      app.gestionnaire,
    );
    expect(kept.data.brouillon).toEqual({ aJour: false, nombreModifications: 1 });
    // after rebasing, the kept draft confirms as version 3
    await app.gql(
      `mutation($i: BrouillonRebaserInput!) { brouillonRebaser(input: $i) { __typename } }`,
      { i: { numero } },
      app.gestionnaire,
    );
    const troisieme = await confirmer(app.gestionnaire, 2);
    expect(troisieme.data.brouillonConfirmer.confirmation.version.numero).toBe(3);
    // the supplier's confirmation moved the statut back to En cours
    expect((await app.prisma.demande.findUniqueOrThrow({ where: { numero } })).statut).toBe("EN_COURS");
  });

  it("refuses a supplier's draft while the statut does not allow it, and hides other suppliers' demandes", async () => {
    const proprietaire = await app.fournisseur("00001");
    const r = await modifier(proprietaire, "330058066", STU);
    expect(r.data.administrateurModifier.__typename).toBe("ErreurEtat");
    expect(r.data.administrateurModifier.code).toBe("STATUT_NON_MODIFIABLE");
    const autre = await app.fournisseur("00017");
    const x = await modifier(autre, "330058066", STU);
    expect(x.data.administrateurModifier.__typename).toBe("ErreurIntrouvable");
    // the same answer as for a number that does not exist
    const inexistant = await app.gql(
      `mutation($i: AdministrateurModifierInput!) { administrateurModifier(input: $i) { __typename ... on Erreur { code message } } }`,
      { i: { numero: "FINMS2999999M0", finessJuridique: "330058066", valeurs: STU } },
      autre,
    );
    expect(x.data.administrateurModifier.code).toBe(inexistant.data.administrateurModifier.code);
    expect(x.data.administrateurModifier.message.replace(numero, "N")).toBe(
      inexistant.data.administrateurModifier.message.replace("FINMS2999999M0", "N"),
    );
    const audit = await modifier(app.auditeur, "330058066", STU);
    expect(audit.data.administrateurModifier.__typename).toBe("ErreurAutorisation");
  });

  it("abandons a draft without saving anything", async () => {
    await supprimer(app.gestionnaire, "330058066");
    const r = await app.gql(
      `mutation($i: BrouillonAbandonnerInput!) { brouillonAbandonner(input: $i) { __typename ... on BrouillonAbandonnerSucces { abandonne } } }`,
      { i: { numero } },
      app.gestionnaire,
    );
    expect(r.data.brouillonAbandonner.abandonne).toBe(true);
    expect(await app.prisma.administrateurTechnique.count({ where: { demande: { numero } } })).toBe(5);
    expect(await app.prisma.version.count()).toBe(1);
  });
});

describe("informations de la demande in a draft", () => {
  const INFOS = `mutation($i: InformationsModifierInput!) { informationsModifier(input: $i) { ${RESULTAT}
    ... on ErreurVerrouillage { bloc }
    ... on InformationsModifierSucces { brouillon { versionBase nombreModifications informations { cle etat champsModifies valeurs { courrielContact scenarioInstallation numero } original { courrielContact } } } } } }`;
  const modifierInfos = (valeurs: Record<string, unknown>, who: Identite = app.gestionnaire) =>
    app.gql(INFOS, { i: { numero, valeurs } }, who);

  it("stages the contact email and the scenario, field by field, then confirms them in one version", async () => {
    const a = await modifierInfos({ courrielContact: " nouveau.contact@editeur-dui.fr " });
    expect(a.data.informationsModifier.__typename).toBe("InformationsModifierSucces");
    const b = await modifierInfos({ scenarioInstallation: "Installation sur site." });
    const apercu = b.data.informationsModifier.brouillon;
    // One row, both fields: the second call kept the first one's change; each field counts.
    expect(apercu.nombreModifications).toBe(2);
    expect(apercu.informations).toMatchObject({
      cle: "demande",
      etat: "MODIFIEE",
      valeurs: {
        courrielContact: "nouveau.contact@editeur-dui.fr",
        scenarioInstallation: "Installation sur site.",
        numero,
      },
      original: { courrielContact: "contact@editeur-dui.fr" },
    });
    expect(apercu.informations.champsModifies.sort()).toEqual(["courrielContact", "scenarioInstallation"]);
    expect((await app.prisma.demande.findUniqueOrThrow({ where: { numero } })).courrielContact).toBe(
      "contact@editeur-dui.fr",
    );

    const c = await confirmer(app.gestionnaire, apercu.versionBase);
    const { version } = c.data.brouillonConfirmer.confirmation;
    expect(version.changements).toEqual([
      {
        bloc: "INFORMATIONS",
        cle: "demande",
        nature: "MODIFICATION",
        champ: "courrielContact",
        ancienneValeur: "contact@editeur-dui.fr",
        nouvelleValeur: "nouveau.contact@editeur-dui.fr",
      },
      {
        bloc: "INFORMATIONS",
        cle: "demande",
        nature: "MODIFICATION",
        champ: "scenarioInstallation",
        ancienneValeur: expect.stringMatching(/^Installation du DUI-PDS/),
        nouvelleValeur: "Installation sur site.",
      },
    ]);
    const d = await app.prisma.demande.findUniqueOrThrow({ where: { numero } });
    expect([d.courrielContact, d.scenarioInstallation, d.versionCourante]).toEqual([
      "nouveau.contact@editeur-dui.fr",
      "Installation sur site.",
      2,
    ]);
  });

  it("refuses a bad email on its field and stages nothing; setting a field back as saved drops the change", async () => {
    const r = await modifierInfos({ courrielContact: "pas-un-courriel" });
    expect(r.data.informationsModifier.__typename).toBe("ErreurValidation");
    expect(r.data.informationsModifier.problemes[0]).toMatchObject({
      path: ["input", "valeurs", "courrielContact"],
      champ: "courrielContact",
    });
    expect(r.data.informationsModifier.problemes[0].message).toMatch(
      /^Courriel de contact : adresse email valide attendue/,
    );
    expect(await app.prisma.operationBrouillon.count()).toBe(0);
    const vide = await modifierInfos({});
    expect(vide.data.informationsModifier).toMatchObject({
      __typename: "ErreurValidation",
      path: ["input", "valeurs"],
    });

    await modifierInfos({ courrielContact: "autre@editeur-dui.fr" });
    const retour = await modifierInfos({ courrielContact: "contact@editeur-dui.fr" });
    expect(retour.data.informationsModifier.brouillon.nombreModifications).toBe(0);
    expect(retour.data.informationsModifier.brouillon.informations.etat).toBe("INCHANGEE");
  });

  it("the scenario follows the bénéficiaires block's lock; the contact email does not", async () => {
    const saved = (await app.prisma.demande.findUniqueOrThrow({ where: { numero } })).scenarioInstallation;
    await modifierInfos({ scenarioInstallation: "Staged before the lock." });
    const beneficiaires = await app.prisma.beneficiaire.findMany({
      where: { demande: { numero } },
      select: { cle: true },
    });
    for (const { cle } of beneficiaires) {
      await app.gql(
        `mutation($i: LigneValiderInput!) { ligneValider(input: $i) { __typename } }`,
        { i: { numero, bloc: "BENEFICIAIRES", cle } },
        app.gestionnaire,
      );
    }
    const r = await modifierInfos({ scenarioInstallation: "Autre scénario." });
    expect(r.data.informationsModifier).toMatchObject({ __typename: "ErreurVerrouillage", bloc: "BENEFICIAIRES" });
    const ok = await modifierInfos({ courrielContact: "autre@editeur-dui.fr" });
    expect(ok.data.informationsModifier.__typename).toBe("InformationsModifierSucces");
    // Putting the scenario back as saved is not a change: allowed, and it leaves the draft.
    const retour = await modifierInfos({ scenarioInstallation: saved });
    expect(retour.data.informationsModifier.brouillon.informations.champsModifies).toEqual(["courrielContact"]);
  });
});
