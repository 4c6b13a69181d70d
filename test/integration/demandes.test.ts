import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creerAppTest, type AppTest } from "../../server/test/aide.js";
import { semer } from "../../server/src/seed/service.js";

let app: AppTest;
beforeAll(async () => {
  app = await creerAppTest();
  await semer(app.prisma, app.config, { count: 45 });
});
afterAll(() => app.fermer());

const LISTE = `query($f: FiltreDemandes, $t: TriDemandes, $o: Ordre, $first: Int, $after: String) {
  demandes(filtre: $f, tri: $t, ordre: $o, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { numero type statut etatPaiement logiciel numeroEditeur dateDepot montant
      administrateurs { finessJuridique validation { etat } } blocs { bloc verrouille } } } } }`;

describe("demandes list", () => {
  it("pages through every demande exactly once with cursors, whatever the sort (stable tie-breaker)", async () => {
    for (const t of ["STATUT", "MONTANT", "DATE_DEPOT", "TYPE"]) {
      const vus: string[] = [];
      let after: string | null = null;
      let total: number;
      do {
        const r: any = await app.gql(LISTE, { t, o: "ASC", first: 7, after }, app.gestionnaire);
        total = r.data.demandes.totalCount;
        vus.push(...r.data.demandes.edges.map((e: any) => e.node.numero));
        after = r.data.demandes.pageInfo.hasNextPage ? r.data.demandes.pageInfo.endCursor : null;
      } while (after);
      expect(total).toBe(47);
      expect(new Set(vus).size).toBe(47);
      expect(vus).toHaveLength(47);
    }
  });

  it("answers a bad cursor or page size in French, with the argument, and no data", async () => {
    const curseur: any = await app.gql(LISTE, { first: 5, after: "pas-un-curseur" }, app.gestionnaire);
    expect(curseur.data?.demandes ?? null).toBeNull();
    expect(curseur.errors[0].message).toMatch(/^Curseur invalide/);
    expect(curseur.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    const taille: any = await app.gql(LISTE, { first: -1 }, app.gestionnaire);
    expect(taille.errors[0].message).toBe("« first » doit être un entier positif ou nul.");
    expect(taille.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "first" });
  });

  it("sorts by the requested column", async () => {
    const r = await app.gql(LISTE, { t: "MONTANT", o: "DESC", first: 20 }, app.gestionnaire);
    // "2920.00" → cents, compared exactly (no float)
    const montants: bigint[] = r.data.demandes.edges.map((e: any) => BigInt(e.node.montant.replace(".", "")));
    expect(montants).toEqual([...montants].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
  });

  it("filters by partial numéro, type, statut, payment, logiciel and deposit dates", async () => {
    const partiel = await app.gql(LISTE, { f: { numero: "s2007720" } }, app.gestionnaire);
    expect(partiel.data.demandes.edges.map((e: any) => e.node.numero)).toEqual(["FINMS2007720M0"]);
    const r = await app.gql(
      LISTE,
      { f: { type: "SOLDE", statut: "REGULARISATION_EN_COURS", etatPaiement: "EN_COURS" }, first: 100 },
      app.gestionnaire,
    );
    expect(r.data.demandes.edges.length).toBeGreaterThan(0);
    for (const e of r.data.demandes.edges)
      expect([e.node.type, e.node.statut, e.node.etatPaiement]).toEqual([
        "SOLDE",
        "REGULARISATION_EN_COURS",
        "EN_COURS",
      ]);
    const jour = await app.gql(
      LISTE,
      { f: { deposeeApres: "2023-04-07", deposeeAvant: "2023-04-07" } },
      app.gestionnaire,
    );
    expect(jour.data.demandes.edges.map((e: any) => e.node.numero)).toContain("FINMS2007947M2");
    for (const e of jour.data.demandes.edges) expect(e.node.dateDepot.slice(0, 10)).toBe("2023-04-07");
    const logiciel = await app.gql(LISTE, { f: { logiciel: "DUI" }, first: 100 }, app.gestionnaire);
    for (const e of logiciel.data.demandes.edges) expect(e.node.logiciel).toContain("DUI");
  });

  it("limits a supplier to its own demandes", async () => {
    const f = await app.fournisseur("00040");
    const r = await app.gql(LISTE, { first: 100 }, f);
    expect(r.data.demandes.totalCount).toBe(r.data.demandes.edges.length);
    for (const e of r.data.demandes.edges) expect(e.node.numeroEditeur).toBe("00040");
    const filtreAutre = await app.gql(LISTE, { f: { numeroEditeur: "00001" } }, f);
    expect(filtreAutre.data.demandes.totalCount).toBe(0);
  });

  it("loads a page with its nested blocks in a bounded number of SQL statements (no N+1)", async () => {
    const avant = app.requetes.length;
    await app.gql(LISTE, { first: 5 }, app.gestionnaire);
    const petite = app.requetes.length - avant;
    const milieu = app.requetes.length;
    await app.gql(LISTE, { first: 40 }, app.gestionnaire);
    const grande = app.requetes.length - milieu;
    expect(grande).toBe(petite);
  });

  it("exports the filtered list as CSV for a French spreadsheet", async () => {
    const res = await app.fetch("http://test/export/demandes.csv?numero=FINMS2007720M0", {
      headers: app.gestionnaire.headers,
    });
    expect(res.headers.get("content-type")).toMatch(/text\/csv; charset=utf-8/);
    const octets = new Uint8Array(await res.arrayBuffer());
    expect([...octets.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lignes = new TextDecoder()
      .decode(octets)
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lignes[0]).toBe(
      "Numéro de dossier;Type;Numéro éditeur;Logiciel;Date de dépôt;Date de la commande;Statut;Statut du dernier paiement;Montant Ségur déclaré",
    );
    expect(lignes[1]).toBe(
      "FINMS2007720M0;AVANCE;00001;DUI-PDS;08/12/2022;20/09/2022;En cours;Aucun paiement en cours;2920,00",
    );
    expect(lignes).toHaveLength(2);
    const f = await app.fournisseur("00099");
    const vide = await (await app.fetch("http://test/export/demandes.csv", { headers: f.headers })).text();
    expect(vide.trim().split("\r\n")).toHaveLength(1);
    expect((await app.fetch("http://test/export/demandes.csv")).status).toBe(401);
  });

  it("shows the certificate block of a demande déposée before the cutoff once modified after it", async () => {
    const r = await app.gql(
      `{ demande(numero: "FINMS2007720M0") { dateDepot blocCertificatVisible versionCourante } }`,
      {},
      app.gestionnaire,
    );
    expect(r.data.demande).toMatchObject({ blocCertificatVisible: true, versionCourante: 2 });
    const solde = await app.gql(
      `{ demande(numero: "FINMS2007947M2") { blocCertificatVisible } }`,
      {},
      app.gestionnaire,
    );
    expect(solde.data.demande.blocCertificatVisible).toBe(false);
  });
});
