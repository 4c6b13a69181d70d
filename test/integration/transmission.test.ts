import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { creerAppTest, importerExemple, type AppTest, type Identite } from "../../server/test/aide.js";
import {
  COLONNES_LOT,
  csvLot,
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
    expect(lignes[0]).toBe(COLONNES_LOT.map((c) => c.entete).join(";"));
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
      where: { type: "LOT_TRANSMISSION" },
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
