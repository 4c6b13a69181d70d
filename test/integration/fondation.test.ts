import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exempleDocumentImport } from "@segur/shared";
import { creerAppTest, type AppTest } from "../../server/test/aide.js";
import { importerDocument } from "../../server/src/import/service.js";
import { AUTEUR_SYSTEME } from "../../server/src/historique/service.js";

let app: AppTest;
beforeEach(async () => {
  app = await creerAppTest();
});
afterEach(() => app.fermer());

const DEMANDE = `query($n: String!) { demande(numero: $n) {
  numero type numeroEditeur montant montantFormate statut blocCertificatVisible versionCourante
  coordonneesBancaires { iban bic titulaire }
  beneficiaires { cle finessJuridique }
  administrateurs { finessJuridique contractualisationOG statutAdminTechnique numeroCarteCPX nomAdminTechnique utiliteCertificat
    validation { etat } avertissements { code gravite } }
  pieces { nomFichier type url }
  blocs { bloc verrouille nombreLignes }
} }`;

describe("foundation", () => {
  it("imports the supplier guide's demande and reads every block through GraphQL", async () => {
    const { demandes } = await importerDocument(app.prisma, app.config, exempleDocumentImport(), {
      auteur: AUTEUR_SYSTEME,
    });
    const numero = demandes[0]!.numero;
    expect(numero).toMatch(/^FINMS2\d{6}M\d$/);
    const r = await app.gql(DEMANDE, { n: numero }, app.gestionnaire);
    expect(r.errors).toBeUndefined();
    const d = r.data.demande;
    expect(d.montant).toBe("2920.00");
    expect(d.blocCertificatVisible).toBe(true);
    expect(d.administrateurs.map((a: any) => a.finessJuridique)).toEqual([
      "330058066",
      "330058067",
      "330058068",
      "330058069",
      "330058070",
    ]);
    expect(d.administrateurs[1].avertissements.map((a: any) => a.code)).toContain("CLE_FINESS");
    expect(d.pieces).toHaveLength(2);
    expect(d.versionCourante).toBe(1);
  });

  it("never shows a supplier another supplier's demande", async () => {
    const { demandes } = await importerDocument(app.prisma, app.config, exempleDocumentImport(), {
      auteur: AUTEUR_SYSTEME,
    });
    const numero = demandes[0]!.numero; // éditeur 00001
    const autre = await app.fournisseur("00017");
    const r = await app.gql(DEMANDE, { n: numero }, autre);
    expect(r.data.demande).toBeNull();
    const liste = await app.gql(`{ demandes { totalCount edges { node { numero } } } }`, {}, autre);
    expect(liste.data.demandes.totalCount).toBe(0);
    const proprietaire = await app.fournisseur("00001");
    const r2 = await app.gql(DEMANDE, { n: numero }, proprietaire);
    expect(r2.data.demande.numero).toBe(numero);
    const piece = await app.fetch(`http://test${r2.data.demande.pieces[0].url}`, { headers: autre.headers });
    expect(piece.status).toBe(404);
  });
});
