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
  ... on ErreurValidation { problemes { path champ message code } }
} }`;

describe("import through the API: every problem at once", () => {
  it("a demande of another éditeur is reported together with its other errors, at its own path", async () => {
    const f = await app.fournisseur("00001");
    const doc = exempleDocumentImport();
    const autre = { ...doc.demandes[0]!, numeroEditeur: "00002", logiciel: "", dateCommande: "9999-12-31" };
    doc.demandes.push(autre);
    const r = (await app.gql(IMPORTER, { i: { document: doc } }, f)).data.demandesImporter;
    expect(r.__typename).toBe("ErreurValidation");
    expect(r.problemes.map((p: any) => [p.code, p.path.join(".")])).toEqual([
      ["REQUIS", "demandes.1.logiciel"],
      ["VALEUR", "demandes.1.dateCommande"],
      ["EDITEUR", "demandes.1.numeroEditeur"],
    ]);
    expect(r.problemes[2].message).toBe(
      "Numéro éditeur : votre clé API est rattachée à l'éditeur 00001, la demande indique « 00002 ».",
    );
    expect(await app.prisma.demande.count()).toBe(0);
  });

  it("an already imported reference is placed at its demande's path even when an earlier demande has errors", async () => {
    const f = await app.fournisseur("00001");
    const premier = exempleDocumentImport();
    premier.demandes[0]!.referenceFournisseur = "REF-1";
    expect((await app.gql(IMPORTER, { i: { document: premier } }, f)).data.demandesImporter.__typename).toBe(
      "DemandesImporterSucces",
    );

    const doc = exempleDocumentImport();
    doc.demandes = [
      { ...doc.demandes[0]!, logiciel: " " },
      { ...doc.demandes[0]!, referenceFournisseur: "REF-1" },
    ];
    const r = (await app.gql(IMPORTER, { i: { document: doc } }, f)).data.demandesImporter;
    expect(r.problemes.map((p: any) => [p.code, p.path.join(".")])).toEqual([
      ["REQUIS", "demandes.0.logiciel"],
      ["DEJA_IMPORTEE", "demandes.1.referenceFournisseur"],
    ]);
  });
});
