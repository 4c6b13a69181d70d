import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { messageBase } from "@segur/prisma";
import { creerAppTest, importerExemple, type AppTest, type Identite } from "../../server/test/aide.js";
import { compterDemandes } from "../../server/src/demande/liste-sql.js";
import { verifierChaines } from "../../server/src/historique/service.js";
import {
  csvLot,
  filtreModifieeDepuisTransmission,
  jourFrance,
  jsonLot,
  prochainNumeroLot,
  type LigneLot,
} from "../../server/src/transmission/service.js";

const ERREUR = `... on Erreur { __typename code message path }`;
const CREER = `mutation($i: LotTransmissionCreerInput!) { lotTransmissionCreer(input: $i) {
  __typename ... on LotTransmissionCreerSucces { lot { numero creeLe auteur nombre urlCsv urlJson } } ${ERREUR} } }`;
const LOTS = `{ certificatsATransmettre lotsTransmission { totalCount edges { node { numero nombre auteur urlCsv urlJson } } } }`;
const LIGNE_VALIDER = `mutation($i: LigneValiderInput!) { ligneValider(input: $i) { __typename ${ERREUR} } }`;
const LIGNE_REJETER = `mutation($i: LigneRejeterInput!) { ligneRejeter(input: $i) { __typename ${ERREUR} } }`;
const BLOC_VALIDER = `mutation($i: BlocValiderInput!) { blocValider(input: $i) { __typename ... on BlocValiderSucces { lignesRejetees { cle motif } demande { blocs { bloc verrouille } } } ${ERREUR} } }`;

let app: AppTest;
let numero: string;
beforeEach(async () => {
  app = await creerAppTest();
  numero = await importerExemple(app);
});
afterEach(() => app.fermer());

async function creer(commentaire?: string | null, as: Identite = app.gestionnaire) {
  const r = await app.gql(CREER, { i: { commentaire } }, as);
  expect(r.errors).toBeUndefined();
  return r.data.lotTransmissionCreer;
}
async function valider(cle: string) {
  const r = await app.gql(LIGNE_VALIDER, { i: { numero, bloc: "ADMINISTRATEURS", cle } }, app.gestionnaire);
  expect(r.data.ligneValider.__typename).toBe("LigneValiderSucces");
}

const LIGNE: LigneLot = {
  numeroDossier: "FINMS2007720M0",
  numeroEditeur: "00001",
  finessJuridique: "330058069",
  contractualisationOG: true,
  statutAdminTechnique: "E",
  contractualisationEditeur: false,
  numeroCarteCPX: null,
  nomAdminTechnique: "LU",
  telAdminTechnique: "0613438174",
  emailAdminTechnique: "s.lu@mail.com",
  utiliteCertificat: "DMP,INS",
};

describe("batch files (pure)", () => {
  it("CSV: UTF-8 BOM, `;`, French headers, Oui/Non, Editeur/Structure, « DMP, INS »", () => {
    const csv = csvLot([
      LIGNE,
      {
        ...LIGNE,
        finessJuridique: "330058070",
        statutAdminTechnique: "S",
        contractualisationOG: null,
        utiliteCertificat: "INS",
      },
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lignes = csv.slice(1).split("\r\n");
    expect(lignes[0]).toBe(
      "Numéro de dossier;Numéro éditeur;FINESS juridique;Contractualisation organisme de gestion;" +
        "Statut administrateur;Contractualisation éditeur;Numéro de carte CPX;Nom;Téléphone;Email;Utilité certificat",
    );
    expect(lignes[1]).toBe("FINMS2007720M0;00001;330058069;Oui;Editeur;Non;;LU;0613438174;s.lu@mail.com;DMP, INS");
    expect(lignes[2]).toBe("FINMS2007720M0;00001;330058070;;Structure;Non;;LU;0613438174;s.lu@mail.com;INS");
  });

  it("JSON: an array of objects in the import format's French camelCase", () => {
    expect(JSON.parse(jsonLot([LIGNE]))).toEqual([LIGNE]);
  });

  it("numbers batches per French day", () => {
    const d = new Date("2026-11-25T10:00:00Z");
    expect(prochainNumeroLot(d, null)).toBe("LOT-20261125-001");
    expect(prochainNumeroLot(d, "LOT-20261125-009")).toBe("LOT-20261125-010");
    expect(prochainNumeroLot(d, "LOT-20261124-004")).toBe("LOT-20261125-001");
    // 23:30 UTC on 25 November is already 26 November in Paris.
    expect(jourFrance(new Date("2026-11-25T23:30:00Z"))).toBe("20261126");
  });
});

describe("transmission batches", () => {
  it("nothing validated: LOT_VIDE, nothing created", async () => {
    expect((await app.gql(LOTS, {}, app.gestionnaire)).data).toEqual({
      certificatsATransmettre: 0,
      lotsTransmission: { totalCount: 0, edges: [] },
    });
    expect(await creer("premier essai")).toMatchObject({ __typename: "ErreurEtat", code: "LOT_VIDE" });
    expect(await app.prisma.lotTransmission.count()).toBe(0);
    expect(await app.prisma.evenementAudit.count({ where: { type: "LOT_TRANSMISSION" } })).toBe(0);
  });

  it("sends only validated requests, each once; the next batch takes only the new ones, then LOT_VIDE", async () => {
    await valider("330058066");
    await valider("330058068");
    await app.gql(
      LIGNE_REJETER,
      { i: { numero, bloc: "ADMINISTRATEURS", cle: "330058067", motif: "CPX inconnu" } },
      app.gestionnaire,
    );
    expect((await app.gql(LOTS, {}, app.auditeur)).data.certificatsATransmettre).toBe(2);

    const r = await creer("Envoi hebdomadaire");
    expect(r.__typename).toBe("LotTransmissionCreerSucces");
    const jour = jourFrance(new Date());
    expect(r.lot).toMatchObject({
      numero: `LOT-${jour}-001`,
      nombre: 2,
      auteur: "Gaëlle Gestion",
      urlCsv: `/lots/LOT-${jour}-001.csv`,
      urlJson: `/lots/LOT-${jour}-001.json`,
    });

    const envoyes = await app.prisma.administrateurTechnique.findMany({
      where: { lotTransmissionId: { not: null } },
      orderBy: { finessJuridique: "asc" },
    });
    expect(envoyes.map((a) => a.finessJuridique)).toEqual(["330058066", "330058068"]);
    expect(envoyes.every((a) => a.transmisLe instanceof Date)).toBe(true);
    expect((await app.gql(LOTS, {}, app.gestionnaire)).data.certificatsATransmettre).toBe(0);

    // The CSV download: BOM, `;`, one line per request.
    const csv = await app.fetch(`http://test${r.lot.urlCsv}`, { headers: app.gestionnaire.headers });
    expect(csv.status).toBe(200);
    const octets = new Uint8Array(await csv.arrayBuffer());
    expect([...octets.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const texte = new TextDecoder().decode(octets);
    expect(texte).toContain(`${numero};00001;330058066;Oui;Editeur;Oui;8001234567;STU;0603334174;a.st@mail.com;DMP`);
    expect(texte).toContain(`${numero};00001;330058068;Non;Structure;Non;8001234569;VIE;0613434174;g.vi@mail.com;INS`);
    expect(texte.trim().split("\r\n")).toHaveLength(3);
    const json = await (await app.fetch(`http://test${r.lot.urlJson}`, { headers: app.auditeur.headers })).json();
    expect(json.map((l: any) => l.finessJuridique)).toEqual(["330058066", "330058068"]);
    expect(json[0]).toMatchObject({
      numeroDossier: numero,
      numeroEditeur: "00001",
      contractualisationOG: true,
      statutAdminTechnique: "E",
      utiliteCertificat: "DMP",
    });

    // Nothing new: LOT_VIDE, nothing sent twice.
    expect(await creer()).toMatchObject({ __typename: "ErreurEtat", code: "LOT_VIDE" });

    await valider("330058069");
    const r2 = await creer(null);
    expect(r2.lot).toMatchObject({ numero: `LOT-${jour}-002`, nombre: 1 });
    const json2 = JSON.parse(
      (await app.prisma.lotTransmission.findUniqueOrThrow({ where: { numero: r2.lot.numero } })).json,
    );
    expect(json2.map((l: any) => l.finessJuridique)).toEqual(["330058069"]);
    expect(
      await app.prisma.administrateurTechnique.count({ where: { lotTransmission: { numero: r.lot.numero } } }),
    ).toBe(2);

    const liste = (await app.gql(LOTS, {}, app.auditeur)).data.lotsTransmission;
    expect(liste.totalCount).toBe(2);
    expect(liste.edges.map((e: any) => e.node.numero)).toEqual([`LOT-${jour}-002`, `LOT-${jour}-001`]);

    const ev = await app.prisma.evenementAudit.findMany({
      where: { type: "LOT_TRANSMISSION", demandeId: null },
      orderBy: { id: "asc" },
    });
    expect(ev).toHaveLength(2);
    expect(ev[0]!.demandeId).toBeNull();
    expect(JSON.parse(ev[0]!.details)).toMatchObject({
      lot: `LOT-${jour}-001`,
      nombre: 2,
      commentaire: "Envoi hebdomadaire",
    });
  });

  it("refuses a too long comment, and anyone but a gestionnaire", async () => {
    await valider("330058066");
    expect(await creer("x".repeat(501))).toMatchObject({
      __typename: "ErreurValidation",
      path: ["input", "commentaire"],
    });
    for (const as of [app.auditeur, await app.fournisseur("00001")]) {
      expect(await creer(null, as)).toMatchObject({ __typename: "ErreurAutorisation" });
    }
    const fournisseur = await app.fournisseur("00001");
    const lecture = await app.gql(LOTS, {}, fournisseur);
    expect(lecture.data).toBeNull();
    expect(lecture.errors?.length).toBeGreaterThan(0);
    expect(await app.prisma.lotTransmission.count()).toBe(0);
    // The download route is for agents only.
    const r = await creer(null);
    expect((await app.fetch(`http://test${r.lot.urlCsv}`, { headers: fournisseur.headers })).status).toBe(403);
  });
});

/** The FINESS juridiques of a batch, from its stored JSON and CSV (the files the agency receives). */
async function contenuLot(numeroLot: string) {
  const lot = await app.prisma.lotTransmission.findUniqueOrThrow({ where: { numero: numeroLot } });
  const json = (JSON.parse(lot.json) as LigneLot[]).map((l) => l.finessJuridique);
  const csv = lot.csv
    .slice(1)
    .trim()
    .split("\r\n")
    .slice(1)
    .map((l) => l.split(";")[2]);
  return { lot, json, csv };
}

describe("a batch holds only validated, not rejected, not yet sent requests (SPEC §10)", () => {
  it("a row rejected before « Valider le bloc » stays out of the batch; lifting the rejection explicitly sends it next", async () => {
    await app.gql(
      LIGNE_REJETER,
      { i: { numero, bloc: "ADMINISTRATEURS", cle: "330058067", motif: "CPX inconnu" } },
      app.gestionnaire,
    );
    const v = (await app.gql(BLOC_VALIDER, { i: { numero, bloc: "ADMINISTRATEURS" } }, app.gestionnaire)).data
      .blocValider;
    expect(v.lignesRejetees).toEqual([{ cle: "330058067", motif: "CPX inconnu" }]);
    expect(v.demande.blocs.find((b: any) => b.bloc === "ADMINISTRATEURS").verrouille).toBe(false);

    const r = await creer("Envoi");
    expect(r.lot.nombre).toBe(4);
    const { json, csv } = await contenuLot(r.lot.numero);
    expect(json).toEqual(["330058066", "330058068", "330058069", "330058070"]);
    expect(csv).toEqual(json);
    expect(
      await app.prisma.administrateurTechnique.findFirstOrThrow({ where: { finessJuridique: "330058067" } }),
    ).toMatchObject({ validation: "REJETEE", lotTransmissionId: null });

    const leve = (
      await app.gql(BLOC_VALIDER, { i: { numero, bloc: "ADMINISTRATEURS", inclureRejetees: true } }, app.gestionnaire)
    ).data.blocValider;
    expect(leve.lignesRejetees).toEqual([]);
    const r2 = await creer(null);
    expect((await contenuLot(r2.lot.numero)).json).toEqual(["330058067"]);
  });

  it("never takes a rejected, « à valider », already sent or not-requested row, whatever their state in the database", async () => {
    const ancien = await app.prisma.lotTransmission.create({
      data: { numero: "LOT-20200101-001", auteur: "x", nombre: 1, csv: "", json: "[]" },
    });
    const etat = (finessJuridique: string, data: object) =>
      app.prisma.administrateurTechnique.updateMany({ where: { finessJuridique }, data });
    await etat("330058066", { validation: "REJETEE", validationMotif: "CPX inconnu" });
    await etat("330058067", { validation: "A_VALIDER" });
    await etat("330058068", {
      validation: "VALIDEE",
      lotTransmissionId: ancien.id,
      transmisLe: new Date("2020-01-01"),
    });
    await etat("330058069", { validation: "VALIDEE" });
    await etat("330058070", { validation: "VALIDEE" });
    // 750712184 asks no certificate: even marked validated, it is not a request.
    await etat("750712184", { validation: "VALIDEE" });
    expect((await app.gql(LOTS, {}, app.gestionnaire)).data.certificatsATransmettre).toBe(2);

    const r = await creer(null);
    const { lot, json, csv } = await contenuLot(r.lot.numero);
    expect(json).toEqual(["330058069", "330058070"]);
    expect(csv).toEqual(json);
    expect(lot.nombre).toBe(2);
    for (const f of ["330058066", "330058067", "330058068", "750712184"]) {
      expect(lot.json).not.toContain(f);
      expect(lot.csv).not.toContain(f);
    }
    expect(await app.prisma.administrateurTechnique.count({ where: { lotTransmissionId: ancien.id } })).toBe(1);
    // Nothing ready is left: the next attempt creates nothing.
    expect(await creer(null)).toMatchObject({ __typename: "ErreurEtat", code: "LOT_VIDE" });
    expect(await app.prisma.lotTransmission.count()).toBe(2);
  });

  it("sends more requests than SQLite's 999 bound parameters in one batch", async () => {
    const N = 1_050;
    const modele = await app.prisma.demande.findUniqueOrThrow({ where: { numero } });
    await app.prisma.demande.createMany({
      data: Array.from({ length: N }, (_, i) => ({
        numero: `FINMS2${String(900000 + i)}M0`,
        type: modele.type,
        couloir: modele.couloir,
        numeroEditeur: modele.numeroEditeur,
        logiciel: modele.logiciel,
        dateDepot: modele.dateDepot,
        montantCentimes: modele.montantCentimes,
      })),
    });
    const demandes = await app.prisma.demande.findMany({
      where: { numero: { startsWith: "FINMS29" } },
      select: { id: true },
    });
    expect(demandes).toHaveLength(N);
    await app.prisma.administrateurTechnique.createMany({
      data: demandes.map((d, i) => ({
        demandeId: d.id,
        finessJuridique: String(100000000 + i),
        validation: "VALIDEE",
        nomAdminTechnique: "LOT",
        utiliteCertificat: "DMP",
      })),
    });
    expect((await app.gql(LOTS, {}, app.gestionnaire)).data.certificatsATransmettre).toBe(N);

    const debut = app.requetes.length;
    const r = await creer("Gros lot");
    expect(r.__typename).toBe("LotTransmissionCreerSucces");
    // No statement binds one parameter per request (SQLite's limit; Prisma would otherwise split it silently).
    const parametres = app.requetes.slice(debut).map((q) => q.split("?").length - 1);
    expect(Math.max(...parametres)).toBeLessThan(50);
    // Nor one statement per request or demande (the envois and the demandes' events are written in bulk).
    expect(app.requetes.length - debut).toBeLessThan(40);
    expect(r.lot.nombre).toBe(N);
    const { json, csv } = await contenuLot(r.lot.numero);
    expect(json).toHaveLength(N);
    expect(csv).toHaveLength(N);
    expect(
      await app.prisma.administrateurTechnique.count({ where: { lotTransmission: { numero: r.lot.numero } } }),
    ).toBe(N);
    expect((await app.gql(LOTS, {}, app.gestionnaire)).data.certificatsATransmettre).toBe(0);
  });
});

describe("transmission batches, minimal selection", () => {
  it("answers a client that selects only __typename (no lot field)", async () => {
    await app.gql(
      `mutation($i: BlocValiderInput!) { blocValider(input: $i) { __typename } }`,
      { i: { numero, bloc: "ADMINISTRATEURS" } },
      app.gestionnaire,
    );
    const r = await app.gql(`mutation { lotTransmissionCreer(input: {}) { __typename } }`, {}, app.gestionnaire);
    expect(r.errors).toBeUndefined();
    expect(r.data.lotTransmissionCreer.__typename).toBe("LotTransmissionCreerSucces");
  });
});

// ——— « modifiée depuis la transmission » and corrective batches (SPEC §10)

const LOT_CREER = `mutation($i: LotTransmissionCreerInput!) { lotTransmissionCreer(input: $i) {
  __typename ... on LotTransmissionCreerSucces { lot { numero nombre nature } } ${ERREUR} } }`;
const APERCU = `query($n: NatureLotTransmission, $p: Int, $d: Int) {
  lotTransmissionApercu(nature: $n, premiers: $p, decalage: $d) { total lignes { numeroDossier finessJuridique nomAdminTechnique lot } } }`;
const SUIVI = `{ certificatsATransmettre certificatsACorriger
  certificatsModifiesDepuisTransmission { total lignes { numeroDossier finessJuridique nomAdminTechnique validation lot envoyeLe } }
  certificatsSupprimesApresTransmission { total lignes { numeroDossier finessJuridique lot envoyeLe } } }`;
const DEMANDE = `query($n: String!) { demande(numero: $n) { certificatsModifiesDepuisTransmission
  administrateurs { finessJuridique modifieeDepuisTransmission derniereTransmission { lot nature envoyeLe numeroVersion } } } }`;
const LISTE = `query($f: FiltreDemandes) { demandes(filtre: $f) { totalCount edges { node { numero } } } }`;

async function lot(nature: "ORDINAIRE" | "CORRECTIF", commentaire: string | null = null) {
  const r = await app.gql(LOT_CREER, { i: { nature, commentaire } }, app.gestionnaire);
  expect(r.errors).toBeUndefined();
  return r.data.lotTransmissionCreer;
}
async function apercu(nature: "ORDINAIRE" | "CORRECTIF", premiers = 100, decalage = 0) {
  const r = await app.gql(APERCU, { n: nature, p: premiers, d: decalage }, app.gestionnaire);
  expect(r.errors).toBeUndefined();
  return r.data.lotTransmissionApercu;
}
/** Stages the operations, then confirms them: one new version of the demande (its block unlocked first, if validated). */
async function version(...operations: [string, object][]) {
  await app.gql(
    `mutation($i: BlocDeverrouillerInput!) { blocDeverrouiller(input: $i) { __typename } }`,
    { i: { numero, bloc: "ADMINISTRATEURS", motif: "Correction de l'administrateur" } },
    app.gestionnaire,
  );
  for (const [mutation, input] of operations) {
    const r = await app.gql(
      `mutation($i: ${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $i) { __typename ${ERREUR} } }`,
      { i: { numero, ...input } },
      app.gestionnaire,
    );
    expect(r.data[mutation].__typename).toMatch(/Succes$/);
  }
  const b = await app.gql(
    `query($n: String!) { brouillon(numero: $n) { versionBase } }`,
    { n: numero },
    app.gestionnaire,
  );
  const c = await app.gql(
    `mutation($i: BrouillonConfirmerInput!) { brouillonConfirmer(input: $i) { __typename ${ERREUR} } }`,
    { i: { numero, versionBase: b.data.brouillon.versionBase } },
    app.gestionnaire,
  );
  expect(c.data.brouillonConfirmer.__typename).toBe("BrouillonConfirmerSucces");
}
/** A row's values as the pop-in sends them (every field), from the database. */
async function valeursDe(finessJuridique: string) {
  const a = await app.prisma.administrateurTechnique.findFirstOrThrow({ where: { finessJuridique } });
  return {
    contractualisationOG: a.contractualisationOG,
    statutAdminTechnique: a.statutAdminTechnique,
    contractualisationEditeur: a.contractualisationEditeur,
    numeroCarteCPX: a.numeroCarteCPX,
    nomAdminTechnique: a.nomAdminTechnique,
    telAdminTechnique: a.telAdminTechnique,
    emailAdminTechnique: a.emailAdminTechnique,
    utiliteCertificat: a.utiliteCertificat === "DMP,INS" ? "DMP_INS" : a.utiliteCertificat,
  };
}
const renommer = async (finessJuridique: string, nomAdminTechnique: string): Promise<[string, object]> => [
  "administrateurModifier",
  { finessJuridique, valeurs: { ...(await valeursDe(finessJuridique)), nomAdminTechnique } },
];
const lireDemande = async () => (await app.gql(DEMANDE, { n: numero }, app.gestionnaire)).data.demande;
const filtrees = async (modifieeDepuisTransmission: boolean) => {
  const r = (await app.gql(LISTE, { f: { modifieeDepuisTransmission } }, app.gestionnaire)).data.demandes;
  // The list's plain-SQL count and Prisma's agree on the filter.
  const where = filtreModifieeDepuisTransmission(modifieeDepuisTransmission);
  expect(await compterDemandes(app.prisma, where)).toBe(await app.prisma.demande.count({ where }));
  expect(await compterDemandes(app.prisma, where)).toBe(r.totalCount);
  return r.edges.map((e: any) => e.node.numero);
};
const envois = async () =>
  (
    await app.prisma.envoiCertificat.findMany({
      orderBy: { id: "asc" },
      include: { lot: { select: { numero: true } }, envoiPrecedent: { select: { lot: { select: { numero: true } } } } },
    })
  ).map((e) => ({
    finess: e.finessJuridique,
    version: e.numeroVersion,
    lot: e.lot.numero,
    precedent: e.envoiPrecedent?.lot.numero ?? null,
  }));

describe("corrective batches: a request changed since its transmission is resent, never the same version twice", () => {
  it("flags the changed requests (row, demande, list filter, Transmissions screen), resends exactly those once validated again", async () => {
    await app.gql(BLOC_VALIDER, { i: { numero, bloc: "ADMINISTRATEURS" } }, app.gestionnaire);
    const tous = ["330058066", "330058067", "330058068", "330058069", "330058070"];
    // The preview is what the creation sends, in the same order; paged.
    const avant = await apercu("ORDINAIRE");
    expect(avant.total).toBe(5);
    expect(avant.lignes.map((l: any) => l.finessJuridique)).toEqual(tous);
    expect(avant.lignes[0]).toMatchObject({ numeroDossier: numero, nomAdminTechnique: "STU", lot: null });
    expect((await apercu("ORDINAIRE", 2, 1)).lignes.map((l: any) => l.finessJuridique)).toEqual(tous.slice(1, 3));
    const l1 = (await lot("ORDINAIRE")).lot;
    expect(l1).toMatchObject({ nombre: 5, nature: "ORDINAIRE" });
    expect((await contenuLot(l1.numero)).json).toEqual(tous);
    expect(await envois()).toEqual(tous.map((finess) => ({ finess, version: 1, lot: l1.numero, precedent: null })));

    // The demande's Historique: one event naming the batch and its requests.
    const d = await app.prisma.demande.findUniqueOrThrow({ where: { numero } });
    const evenements = await app.prisma.evenementAudit.findMany({
      where: { demandeId: d.id, type: "LOT_TRANSMISSION" },
    });
    expect(evenements.map((e) => JSON.parse(e.details))).toEqual([
      { lot: l1.numero, nature: "ORDINAIRE", certificats: tous },
    ]);
    let demande = await lireDemande();
    expect(demande.certificatsModifiesDepuisTransmission).toBe(0);
    const transmis = demande.administrateurs.find((a: any) => a.finessJuridique === "330058067");
    expect(transmis).toMatchObject({
      modifieeDepuisTransmission: false,
      derniereTransmission: { lot: l1.numero, nature: "ORDINAIRE", numeroVersion: 1 },
    });
    expect(await filtrees(true)).toEqual([]);

    // Version 2 changes two transmitted requests: flagged, back to « à valider », out of any batch.
    await version(await renommer("330058067", "BOUVIER"), await renommer("330058069", "LUC"));
    demande = await lireDemande();
    expect(demande.certificatsModifiesDepuisTransmission).toBe(2);
    const modifiees = demande.administrateurs
      .filter((a: any) => a.modifieeDepuisTransmission)
      .map((a: any) => a.finessJuridique);
    expect(modifiees).toEqual(["330058067", "330058069"]);
    // Still says when and in which batch it was sent.
    expect(
      demande.administrateurs.find((a: any) => a.finessJuridique === "330058069").derniereTransmission,
    ).toMatchObject({
      lot: l1.numero,
      numeroVersion: 1,
    });
    expect(await filtrees(true)).toEqual([numero]);
    expect(await filtrees(false)).not.toContain(numero);
    // The list's CSV export reads the same filter from its URL.
    const exporte = async (v: string) =>
      (
        await app.fetch(`http://test/export/demandes.csv?modifieeDepuisTransmission=${v}`, {
          headers: app.gestionnaire.headers,
        })
      ).text();
    expect(await exporte("true")).toContain(numero);
    expect(await exporte("false")).not.toContain(numero);
    expect(
      (
        await app.fetch(`http://test/export/demandes.csv?modifieeDepuisTransmission=oui`, {
          headers: app.gestionnaire.headers,
        })
      ).status,
    ).toBe(400);
    let suivi = (await app.gql(SUIVI, {}, app.auditeur)).data;
    expect(suivi).toMatchObject({ certificatsATransmettre: 0, certificatsACorriger: 0 });
    expect(suivi.certificatsModifiesDepuisTransmission.total).toBe(2);
    expect(suivi.certificatsModifiesDepuisTransmission.lignes).toMatchObject([
      {
        numeroDossier: numero,
        finessJuridique: "330058067",
        nomAdminTechnique: "BOUVIER",
        validation: "A_VALIDER",
        lot: l1.numero,
      },
      {
        numeroDossier: numero,
        finessJuridique: "330058069",
        nomAdminTechnique: "LUC",
        validation: "A_VALIDER",
        lot: l1.numero,
      },
    ]);

    // Not validated again: nothing to correct; an ordinary batch never takes them.
    expect((await apercu("CORRECTIF")).total).toBe(0);
    expect(await lot("CORRECTIF")).toMatchObject({
      __typename: "ErreurEtat",
      code: "LOT_CORRECTIF_VIDE",
      path: ["input", "nature"],
      message: expect.stringContaining("Aucune demande de certificat modifiée"),
    });
    await valider("330058067");
    expect(await lot("ORDINAIRE")).toMatchObject({ __typename: "ErreurEtat", code: "LOT_VIDE" });

    // The corrective batch resends exactly the validated changed request, at its new version.
    const previsu = await apercu("CORRECTIF");
    expect(previsu).toEqual({
      total: 1,
      lignes: [{ numeroDossier: numero, finessJuridique: "330058067", nomAdminTechnique: "BOUVIER", lot: l1.numero }],
    });
    const c1 = (await lot("CORRECTIF", "Correctif")).lot;
    expect(c1).toMatchObject({ nombre: 1, nature: "CORRECTIF" });
    const { json, lot: stocke } = await contenuLot(c1.numero);
    expect(json).toEqual(previsu.lignes.map((l: any) => l.finessJuridique));
    expect(JSON.parse(stocke.json)[0]).toMatchObject({ finessJuridique: "330058067", nomAdminTechnique: "BOUVIER" });
    // A second corrective batch right after has nothing to send.
    expect(await lot("CORRECTIF")).toMatchObject({ __typename: "ErreurEtat", code: "LOT_CORRECTIF_VIDE" });

    await valider("330058069");
    const c2 = (await lot("CORRECTIF")).lot;
    expect((await contenuLot(c2.numero)).json).toEqual(["330058069"]);
    expect(await lot("CORRECTIF")).toMatchObject({ __typename: "ErreurEtat", code: "LOT_CORRECTIF_VIDE" });
    expect(await lot("ORDINAIRE")).toMatchObject({ __typename: "ErreurEtat", code: "LOT_VIDE" });

    // Every request's versions, each sent once, each resending linked to the batch before it.
    expect(await envois()).toEqual([
      ...tous.map((finess) => ({ finess, version: 1, lot: l1.numero, precedent: null })),
      { finess: "330058067", version: 2, lot: c1.numero, precedent: l1.numero },
      { finess: "330058069", version: 2, lot: c2.numero, precedent: l1.numero },
    ]);
    demande = await lireDemande();
    expect(demande.certificatsModifiesDepuisTransmission).toBe(0);
    expect(
      demande.administrateurs.find((a: any) => a.finessJuridique === "330058067").derniereTransmission,
    ).toMatchObject({
      lot: c1.numero,
      nature: "CORRECTIF",
      numeroVersion: 2,
    });
    expect(await filtrees(true)).toEqual([]);
    suivi = (await app.gql(SUIVI, {}, app.gestionnaire)).data;
    expect(suivi.certificatsModifiesDepuisTransmission).toEqual({ total: 0, lignes: [] });
    // The events of the demande chain as any other (the verifier recomputes them).
    expect((await verifierChaines(app.prisma)).ruptures).toEqual([]);
  });

  it("a request deleted after its transmission is listed as such; added again, it is a new request of the next ordinary batch", async () => {
    await app.gql(BLOC_VALIDER, { i: { numero, bloc: "ADMINISTRATEURS" } }, app.gestionnaire);
    const l1 = (await lot("ORDINAIRE")).lot;
    const valeurs = await valeursDe("330058070");
    await version(["administrateurSupprimer", { finessJuridique: "330058070" }]);
    let suivi = (await app.gql(SUIVI, {}, app.gestionnaire)).data;
    expect(suivi.certificatsSupprimesApresTransmission).toMatchObject({
      total: 1,
      lignes: [{ numeroDossier: numero, finessJuridique: "330058070", lot: l1.numero }],
    });
    expect(suivi.certificatsModifiesDepuisTransmission.total).toBe(0);

    await version([
      "administrateurAjouter",
      {
        valeurs: { ...valeurs, finessJuridique: "330058070", nomAdminTechnique: "CHANTAL" },
      },
    ]);
    // Until it is sent again, the agency still holds the deleted one.
    expect((await app.gql(SUIVI, {}, app.gestionnaire)).data.certificatsSupprimesApresTransmission.total).toBe(1);
    await valider("330058070");
    expect((await apercu("CORRECTIF")).total).toBe(0);
    expect((await apercu("ORDINAIRE")).lignes.map((l: any) => l.finessJuridique)).toEqual(["330058070"]);
    const l2 = (await lot("ORDINAIRE")).lot;
    expect((await envois()).at(-1)).toEqual({ finess: "330058070", version: 3, lot: l2.numero, precedent: l1.numero });
    suivi = (await app.gql(SUIVI, {}, app.gestionnaire)).data;
    expect(suivi.certificatsSupprimesApresTransmission).toEqual({ total: 0, lignes: [] });
  });

  it("refuses a batch that would send a version already sent (a row put back by hand), creating nothing", async () => {
    await app.gql(BLOC_VALIDER, { i: { numero, bloc: "ADMINISTRATEURS" } }, app.gestionnaire);
    await lot("ORDINAIRE");
    // Out of its batch without a new version: only a hand-made change of the database does that.
    await app.prisma.administrateurTechnique.updateMany({
      where: { finessJuridique: "330058066" },
      data: { lotTransmissionId: null },
    });
    expect((await apercu("CORRECTIF")).total).toBe(1);
    expect(await lot("CORRECTIF")).toMatchObject({ __typename: "ErreurEtat", code: "VERSION_DEJA_TRANSMISE" });
    expect(await app.prisma.lotTransmission.count()).toBe(1);
    expect(await app.prisma.envoiCertificat.count()).toBe(5);
  });

  it("what was sent is append-only: the database refuses to change or delete a sending", async () => {
    await app.gql(BLOC_VALIDER, { i: { numero, bloc: "ADMINISTRATEURS" } }, app.gestionnaire);
    await lot("ORDINAIRE");
    const refus = (sql: string) => app.prisma.$executeRawUnsafe(sql).then(() => null, messageBase);
    expect(await refus(`UPDATE "EnvoiCertificat" SET "numeroVersion" = "numeroVersion" + 1`)).toBe(
      "envois en ajout seul : un envoi ne peut pas être modifié",
    );
    expect(await refus(`DELETE FROM "EnvoiCertificat"`)).toBe(
      "envois en ajout seul : un envoi ne peut pas être supprimé",
    );
    expect(await app.prisma.envoiCertificat.count()).toBe(5);
  });
});
