import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exempleDocumentImport } from "@segur/shared";
import { creerAppTest, type AppTest } from "../../server/test/aide.js";

let app: AppTest;
beforeEach(async () => {
  app = await creerAppTest();
});
afterEach(() => app.fermer());

const IMPORTER = `mutation($i: DemandesImporterInput!) { demandesImporter(input: $i) {
  __typename
  ... on Erreur { code message }
  ... on ErreurValidation { problemes { path champ message gravite code } }
  ... on DemandesImporterSucces { resultat { demandes { numero numeroEditeur administrateurs { finessJuridique } beneficiaires { finessJuridique } } avertissements { code path } } }
} }`;

const compter = async () => ({
  demandes: await app.prisma.demande.count(),
  admins: await app.prisma.administrateurTechnique.count(),
  versions: await app.prisma.version.count(),
});

describe("JSON import through the API", () => {
  it("creates the demande with exactly the rows whose demandeCertificatServeur is true", async () => {
    const f = await app.fournisseur("00001");
    const r = await app.gql(IMPORTER, { i: { document: exempleDocumentImport() } }, f);
    const res = r.data.demandesImporter;
    expect(res.__typename).toBe("DemandesImporterSucces");
    const [d] = res.resultat.demandes;
    expect(d.numero).toMatch(/^FINMS2\d{6}M0$/);
    expect(d.beneficiaires).toHaveLength(6);
    expect(d.administrateurs.map((a: any) => a.finessJuridique)).toEqual([
      "330058066",
      "330058067",
      "330058068",
      "330058069",
      "330058070",
    ]);
    expect(res.resultat.avertissements.some((a: any) => a.code === "CLE_FINESS")).toBe(true);
    expect(await compter()).toEqual({ demandes: 1, admins: 5, versions: 1 });
  });

  it("rejects a file with one bad certificate row: JSON path, French message, database unchanged", async () => {
    const doc = exempleDocumentImport();
    // 330058068 is OG false / Structure / éditeur false → CPX optional; make it OG true → CPX required, and remove it.
    const b = doc.demandes[0]!.beneficiaires[2]!;
    b.contracutualisationOG = true;
    b.certificatServeur!.numeroCarteCPX = null;
    const avant = await compter();
    const r = await app.gql(IMPORTER, { i: { document: doc } }, app.gestionnaire);
    const res = r.data.demandesImporter;
    expect(res.__typename).toBe("ErreurValidation");
    expect(res.problemes).toHaveLength(1);
    expect(res.problemes[0].path).toEqual([
      "demandes",
      "0",
      "beneficiaires",
      "2",
      "certificatServeur",
      "numeroCarteCPX",
    ]);
    expect(res.problemes[0].message).toMatch(/^Numéro de carte CPX : obligatoire/);
    expect(res.message).toMatch(/Aucune demande n'a été créée/);
    expect(await compter()).toEqual(avant);
  });

  it("lists every problem of the file, not only the first", async () => {
    const doc = exempleDocumentImport();
    const d = doc.demandes[0]!;
    d.beneficiaires[0]!.certificatServeur!.emailAdminTechnique = "pas-un-email";
    d.beneficiaires[5]!.certificatServeur = { numeroCarteCPX: "123" }; // demandeCertificatServeur false
    d.beneficiaires[1]!.finessJuridique = "330058066"; // same FINESS juridique twice with a request
    const r = await app.gql(IMPORTER, { i: { document: doc } }, app.gestionnaire);
    const codes = r.data.demandesImporter.problemes.map((p: any) => p.code).sort();
    expect(codes).toEqual(expect.arrayContaining(["DOUBLON_FINESS", "FORMAT", "INTERDIT"]));
    expect(await app.prisma.demande.count()).toBe(0);
  });

  it("refuses a supplier importing for another numéro éditeur", async () => {
    const f = await app.fournisseur("00017");
    const r = await app.gql(IMPORTER, { i: { document: exempleDocumentImport() } }, f);
    expect(r.data.demandesImporter.__typename).toBe("ErreurValidation");
    expect(r.data.demandesImporter.problemes[0].path).toEqual(["demandes", "0", "numeroEditeur"]);
    expect(await app.prisma.demande.count()).toBe(0);
  });

  it("flags a FINESS juridique already requested in another demande to gestionnaires only", async () => {
    const f = await app.fournisseur("00001");
    await app.gql(IMPORTER, { i: { document: exempleDocumentImport() } }, f);
    const second = await app.gql(IMPORTER, { i: { document: exempleDocumentImport() } }, f);
    const res = second.data.demandesImporter.resultat;
    expect(res.avertissements.some((a: any) => a.code === "DOUBLON_AUTRE_DEMANDE")).toBe(false);
    const numero = res.demandes[0].numero;
    const q = `query($n: String!) { demande(numero: $n) { avertissements { code message } administrateurs { finessJuridique doublonsPossibles } } }`;
    const vueFournisseur = await app.gql(q, { n: numero }, f);
    expect(vueFournisseur.data.demande.avertissements).toEqual([]);
    expect(vueFournisseur.data.demande.administrateurs[0].doublonsPossibles).toEqual([]);
    const vueGestionnaire = await app.gql(q, { n: numero }, app.gestionnaire);
    expect(
      vueGestionnaire.data.demande.avertissements.filter((a: any) => a.code === "DOUBLON_AUTRE_DEMANDE"),
    ).toHaveLength(5);
    expect(vueGestionnaire.data.demande.administrateurs[0].doublonsPossibles).toHaveLength(1);
  });

  it("is refused to auditeurs and anonymous callers", async () => {
    const r = await app.gql(IMPORTER, { i: { document: exempleDocumentImport() } }, app.auditeur);
    expect(r.data.demandesImporter.__typename).toBe("ErreurAutorisation");
    const anonyme = await app.gql(IMPORTER, { i: { document: exempleDocumentImport() } });
    expect(anonyme.data.demandesImporter.code).toBe("UNAUTHENTICATED");
    expect(await app.prisma.demande.count()).toBe(0);
  });

  it("makes retries safe with the supplier's own reference", async () => {
    const f = await app.fournisseur("00001");
    const doc = exempleDocumentImport();
    doc.demandes[0]!.referenceFournisseur = "DUI-2026-0042";
    const premier = await app.gql(IMPORTER, { i: { document: doc } }, f);
    const numero = premier.data.demandesImporter.resultat.demandes[0].numero;
    const retry = await app.gql(IMPORTER, { i: { document: doc } }, f);
    expect(retry.data.demandesImporter.__typename).toBe("ErreurValidation");
    expect(retry.data.demandesImporter.problemes).toEqual([
      {
        code: "DEJA_IMPORTEE",
        gravite: "ERREUR",
        champ: "referenceFournisseur",
        path: ["demandes", "0", "referenceFournisseur"],
        message: `Référence fournisseur : « DUI-2026-0042 » a déjà été importée (demande ${numero}).`,
      },
    ]);
    const deux = {
      demandes: [doc.demandes[0]!, { ...exempleDocumentImport().demandes[0]!, referenceFournisseur: "DUI-2026-0042" }],
    };
    deux.demandes[0] = { ...deux.demandes[0]!, referenceFournisseur: "DUI-2026-0043" };
    const doublon = await app.gql(IMPORTER, { i: { document: deux } }, f);
    expect(doublon.data.demandesImporter.problemes.map((p: any) => [p.code, p.path.join(".")])).toEqual([
      ["DEJA_IMPORTEE", "demandes.1.referenceFournisseur"],
    ]);
    const memeFichier = {
      demandes: [
        { ...doc.demandes[0]!, referenceFournisseur: "A-1" },
        { ...doc.demandes[0]!, referenceFournisseur: "A-1" },
      ],
    };
    const r = await app.gql(IMPORTER, { i: { document: memeFichier } }, f);
    expect(r.data.demandesImporter.problemes.map((p: any) => p.code)).toEqual(["DOUBLON_REFERENCE"]);
    expect(await app.prisma.demande.count()).toBe(1);
    const trouvee = await app.gql(
      `{ demandes(filtre: { referenceFournisseur: "DUI-2026-0042" }) { edges { node { numero referenceFournisseur } } } }`,
      {},
      f,
    );
    expect(trouvee.data.demandes.edges).toEqual([{ node: { numero, referenceFournisseur: "DUI-2026-0042" } }]);
  });
});
