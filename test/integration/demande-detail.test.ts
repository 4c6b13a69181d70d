import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creerAppTest, importerExemple, type AppTest } from "../../server/test/aide.js";
import { semer } from "../../server/src/seed/service.js";

let app: AppTest;
let numero: string;
beforeAll(async () => {
  app = await creerAppTest();
  numero = await importerExemple(app);
  await semer(app.prisma, app.config, { count: 45 });
});
afterAll(() => app.fermer());

// The consultation screen's query (admin/src/graphql/demande.graphql): every block of the demande.
const DETAIL = `query($numero: String!) { demande(numero: $numero) {
  numero type couloir numeroEditeur logiciel dateDepot dateCommande statut etatPaiement montant mandataire
  courrielContact scenarioInstallation versionCourante blocCertificatVisible
  avertissements { code message champ path }
  droits { modifier valider changerStatut }
  blocs { bloc verrouille nombreLignes nombreValidees nombreRejetees }
  coordonneesBancaires { iban ibanFormate bic titulaire domiciliation validation { etat motif par le } }
  beneficiaires { cle nomResponsable emailResponsable telResponsable finessJuridique finessGeographique
    presentSolde ancienneVersion maitreIdentite stockageIdentite operateurMessagerie
    validation { etat motif par le } avertissements { code message } }
  administrateurs { finessJuridique contractualisationOG statutAdminTechnique contractualisationEditeur
    numeroCarteCPX nomAdminTechnique telAdminTechnique emailAdminTechnique utiliteCertificat
    validation { etat motif par le } avertissements { code message } doublonsPossibles }
  pieces { cle nomFichier type taille url validation { etat motif par le } }
  courriels { id destinataire sujet etat tentatives derniereErreur creeLe dateEnvoi prochainEssaiLe }
  messageStatut { statut message le }
} }`;

const table = (q: string) => /FROM `main`\.`(\w+)`/.exec(q)?.[1] ?? q.trim().slice(0, 40);

describe("one demande with every block", () => {
  it("reads each table once: the demande, its blocks, and one statement for the certificate rows' checks", async () => {
    await app.gql(DETAIL, { numero }, app.gestionnaire); // first read: the consultation trace is written
    const avant = app.requetes.length;
    const r = await app.gql(DETAIL, { numero }, app.gestionnaire);
    const faites = app.requetes.slice(avant);
    expect(r.errors).toBeUndefined();
    expect(r.data.demande.beneficiaires.length).toBeGreaterThan(0);
    expect(r.data.demande.administrateurs.length).toBeGreaterThan(0);
    expect(r.data.demande.blocs.find((b: any) => b.bloc === "BENEFICIAIRES").nombreLignes).toBe(
      r.data.demande.beneficiaires.length,
    );
    const tables = faites.map(table);
    // Before: 19 statements — the demande read twice, bénéficiaires twice, certificate rows three times.
    for (const t of [
      "Demande",
      "Beneficiaire",
      "AdministrateurTechnique",
      "PieceJustificative",
      "Session",
      "Utilisateur",
    ]) {
      expect(tables.filter((x) => x === t).length, `${t} : ${tables.join(", ")}`).toBeLessThanOrEqual(1);
    }
    // Session (1) + the demande (1) + bénéficiaires, certificate rows, emails, status message (4) + bank
    // details, block states and pièces together (1) + the trace, checked and written (1) + the certificate checks (1).
    expect(faites.length, tables.join(", ")).toBeLessThanOrEqual(9);
  });

  it("answers the same warnings and possible duplicates as before (one batched statement)", async () => {
    const r = await app.gql(DETAIL, { numero }, app.gestionnaire);
    const f = await app.fournisseur("00001");
    const rf = await app.gql(DETAIL, { numero }, f);
    for (const a of rf.data.demande.administrateurs) expect(a.doublonsPossibles).toEqual([]);
    expect(rf.data.demande.administrateurs.map((a: any) => a.avertissements)).toEqual(
      r.data.demande.administrateurs.map((a: any) => a.avertissements),
    );
  });
});

describe("certificate rows of a whole page", () => {
  it("are checked (warnings, possible duplicates) in one statement whatever the page size", async () => {
    const PAGE = `query($first: Int) { demandes(first: $first, tri: NUMERO) { edges { node { numero
      administrateurs { finessJuridique avertissements { code } doublonsPossibles } } } } }`;
    const compter = async (first: number) => {
      const avant = app.requetes.length;
      const r = await app.gql(PAGE, { first }, app.gestionnaire);
      expect(r.errors).toBeUndefined();
      return app.requetes.length - avant;
    };
    expect(await compter(40)).toBe(await compter(15));
  });
});
