// The example supplier client (test/client-fournisseur) against a real HTTP server on an
// ephemeral loopback port: the same requests an éditeur's integration sends, over the wire.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PDF_MINIMAL_BASE64 } from "@segur/shared";
import { creerAppTest, type AppTest } from "../../server/test/aide.js";
import {
  abandonnerBrouillon,
  ajouterPiece,
  confirmerBrouillon,
  creerClient,
  ErreurRequete,
  importerDemandes,
  lireBrouillon,
  lireDemande,
  lireVersion,
  listerDemandes,
  moi,
  ouvrirBrouillon,
  rebaserBrouillon,
  supprimerAdministrateur,
  type ClientFournisseur,
} from "../client-fournisseur/client.js";
import {
  documentExemple,
  etapeConsultation,
  etapeIdentite,
  etapeImport,
  parcoursBrouillon,
} from "../client-fournisseur/parcours.js";

let app: AppTest;
let serveur: http.Server;
let url: string;
const journal: string[] = [];
const noter = (l: string) => void journal.push(l);

async function clientPour(numeroEditeur: string): Promise<ClientFournisseur> {
  const { headers } = await app.fournisseur(numeroEditeur);
  return creerClient({ url, cle: headers.authorization!.replace(/^Bearer /, "") });
}

beforeAll(async () => {
  app = await creerAppTest();
  serveur = http.createServer(app.handle);
  await new Promise<void>((ok) => serveur.listen(0, "127.0.0.1", ok));
  url = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((ok) => serveur.close(() => ok()));
  await app?.fermer();
});

describe("example supplier client over HTTP", () => {
  it("imports, reads, then modifies the certificate requests through a draft once the statut allows it", async () => {
    const client = await clientPour("00001");
    const identite = await etapeIdentite(client, noter);
    expect(identite).toMatchObject({ role: "FOURNISSEUR", numeroEditeur: "00001" });

    const { numero, avertissements } = await etapeImport(client, {
      numeroEditeur: identite.numeroEditeur,
      journal: noter,
    });
    expect(numero).toMatch(/^FINMS2\d{6}M0$/);
    expect(avertissements.map((a) => a.code)).toEqual(["CLE_FINESS", "CLE_FINESS", "CLE_FINESS", "CLE_FINESS"]);

    const { totalCount, demande } = await etapeConsultation(client, numero, noter);
    expect(totalCount).toBe(1);
    expect(demande).toMatchObject({
      statut: "EN_COURS",
      versionCourante: 1,
      blocCertificatVisible: true,
      droits: { modifier: false },
    });
    expect(demande.administrateurs.map((a) => a.finessJuridique)).toEqual([
      "330058066",
      "330058067",
      "330058068",
      "330058069",
      "330058070",
    ]);
    expect(demande.pieces).toHaveLength(2);

    // A fresh import is « En cours »: the supplier cannot open a draft yet.
    const refus = await ouvrirBrouillon(client, numero);
    expect(refus).toMatchObject({ __typename: "ErreurEtat", code: "STATUT_NON_MODIFIABLE" });

    // A gestionnaire asks for modifications.
    await app.prisma.demande.update({ where: { numero }, data: { statut: "A_MODIFIER" } });

    const r = await parcoursBrouillon(client, numero, { journal: noter, commentaire: "Corrections du test" });
    expect(r).toMatchObject({
      modifie: "330058066",
      supprime: "330058070",
      ajoute: "750712184",
      versionBase: 1,
      statut: "EN_COURS",
    });

    // The refused value was reported field by field and staged nothing.
    expect(r.refus).toMatchObject({ __typename: "ErreurValidation", code: "VALIDATION" });
    const probleme = r.refus?.__typename === "ErreurValidation" ? r.refus.problemes : [];
    expect(probleme.map((p) => [p.code, p.path])).toEqual([["TROP_LONG", ["input", "valeurs", "numeroCarteCPX"]]]);

    // Preview: one row per state, the changed fields named.
    const etats = Object.fromEntries(r.apercu.administrateurs.map((l) => [l.cle, l.etat]));
    expect(etats).toEqual({
      330058066: "MODIFIEE",
      330058067: "INCHANGEE",
      330058068: "INCHANGEE",
      330058069: "INCHANGEE",
      330058070: "SUPPRIMEE",
      750712184: "AJOUTEE",
    });
    expect(r.apercu.administrateurs.find((l) => l.cle === "330058066")!.champsModifies.sort()).toEqual([
      "nomAdminTechnique",
      "telAdminTechnique",
    ]);
    expect(r.apercu.nombreModifications).toBe(3);

    // Version 2 holds exactly these changes.
    expect(r.version).toMatchObject({ numero: 2, role: "FOURNISSEUR", commentaire: "Corrections du test" });
    const cles = (nature: string) => [
      ...new Set(r.version.changements.filter((c) => c.nature === nature).map((c) => c.cle)),
    ];
    expect(cles("MODIFICATION")).toEqual(["330058066"]);
    expect(cles("SUPPRESSION")).toEqual(["330058070"]);
    expect(cles("AJOUT")).toEqual(["750712184"]);
    expect(r.version.changements.every((c) => c.bloc === "ADMINISTRATEURS")).toBe(true);
    expect(
      r.version.changements
        .filter((c) => c.nature === "MODIFICATION")
        .map(({ champ, ancienneValeur, nouvelleValeur }) => ({ champ, ancienneValeur, nouvelleValeur })),
    ).toEqual(
      expect.arrayContaining([
        { champ: "nomAdminTechnique", ancienneValeur: "STU", nouvelleValeur: "MARTIN" },
        { champ: "telAdminTechnique", ancienneValeur: "0603334174", nouvelleValeur: "06 12 34 56 78" },
      ]),
    );
    expect(r.version.changements.filter((c) => c.nature === "MODIFICATION")).toHaveLength(2);
    expect(
      r.version.changements.find((c) => c.cle === "750712184" && c.champ === "utiliteCertificat")?.nouvelleValeur,
    ).toBe("DMP_INS");
    expect(r.comparaison).toHaveLength(r.version.changements.length);

    // Saved: statut back to « En cours », version 2, the draft gone, version 1 unchanged.
    const apres = await lireDemande(client, numero);
    expect(apres).toMatchObject({ statut: "EN_COURS", versionCourante: 2, droits: { modifier: false } });
    expect(apres!.administrateurs.map((a) => a.finessJuridique)).toEqual([
      "330058066",
      "330058067",
      "330058068",
      "330058069",
      "750712184",
    ]);
    expect(apres!.administrateurs[0]).toMatchObject({ nomAdminTechnique: "MARTIN", validation: { etat: "A_VALIDER" } });
    expect(apres!.versions.map((v) => v.numero)).toEqual([2, 1]);
    expect(await lireBrouillon(client, numero)).toBeNull();
    const v1 = await lireVersion(client, numero, 1);
    expect(v1!.administrateurs.find((l) => l.cle === "330058066")!.valeurs.nomAdminTechnique).toBe("STU");

    // The log reads as French steps.
    expect(journal.filter((l) => l.startsWith("Étape")).map((l) => l.split(" — ")[0])).toEqual([
      "Étape 1",
      "Étape 2",
      "Étape 3",
      "Étape 4",
      "Étape 5",
      "Étape 6",
      "Étape 7",
      "Étape 8",
    ]);
  });

  it("shows another supplier's key nothing, and refuses its import for the wrong éditeur", async () => {
    const proprietaire = await clientPour("00001");
    const { numero } = await etapeImport(proprietaire, { numeroEditeur: "00001", journal: () => {} });

    const autre = await clientPour("00017");
    expect((await listerDemandes(proprietaire, {})).totalCount).toBeGreaterThan(0);
    expect(await listerDemandes(autre, {})).toMatchObject({ totalCount: 0, edges: [] });
    expect(await lireDemande(autre, numero)).toBeNull();
    expect(await lireVersion(autre, numero, 1)).toBeNull();
    expect(await ouvrirBrouillon(autre, numero)).toMatchObject({
      __typename: "ErreurIntrouvable",
      code: "INTROUVABLE",
    });

    const r = await importerDemandes(autre, documentExemple("00001"));
    expect(r.__typename).toBe("ErreurValidation");
    if (r.__typename !== "ErreurValidation") return;
    expect(r.problemes).toEqual([
      expect.objectContaining({ code: "EDITEUR", champ: "numeroEditeur", path: ["demandes", "0", "numeroEditeur"] }),
    ]);
    expect((await listerDemandes(autre, {})).totalCount).toBe(0);
  });

  it("answers a conflict when a gestionnaire confirmed meanwhile; the kept draft re-bases and confirms", async () => {
    const client = await clientPour("00001");
    const { numero } = await etapeImport(client, { numeroEditeur: "00001", journal: () => {} });
    await app.prisma.demande.update({ where: { numero }, data: { statut: "EN_ATTENTE_PIECE" } });
    const ouvert = await ouvrirBrouillon(client, numero);
    expect(ouvert.__typename).toBe("BrouillonOuvrirSucces");
    expect(await supprimerAdministrateur(client, numero, "330058069")).toMatchObject({
      __typename: "AdministrateurSupprimerSucces",
    });

    // The gestionnaire removes another certificate request and confirms first: version 2.
    const g = `mutation($i: AdministrateurSupprimerInput!) { administrateurSupprimer(input: $i) { __typename } }`;
    await app.gql(g, { i: { numero, finessJuridique: "330058068" } }, app.gestionnaire);
    const c = await app.gql(
      `mutation($i: BrouillonConfirmerInput!) { brouillonConfirmer(input: $i) { __typename } }`,
      { i: { numero, versionBase: 1 } },
      app.gestionnaire,
    );
    expect(c.data.brouillonConfirmer.__typename).toBe("BrouillonConfirmerSucces");

    const conflit = await confirmerBrouillon(client, numero, 1);
    expect(conflit).toMatchObject({ __typename: "ErreurConflit", code: "CONFLIT_VERSION", versionActuelle: 2 });
    expect(await lireBrouillon(client, numero)).toMatchObject({ aJour: false, versionBase: 1, nombreModifications: 1 });
    const rebase = await rebaserBrouillon(client, numero);
    expect(rebase).toMatchObject({
      __typename: "BrouillonRebaserSucces",
      brouillon: { aJour: true, versionBase: 2, nombreModifications: 1 },
    });
    const ok = await confirmerBrouillon(client, numero, 2);
    expect(ok.__typename).toBe("BrouillonConfirmerSucces");
    if (ok.__typename !== "BrouillonConfirmerSucces") return;
    expect(ok.confirmation.version.numero).toBe(3);
    expect(ok.confirmation.demande.statut).toBe("EN_COURS");
    expect([...new Set(ok.confirmation.version.changements.map((x) => `${x.nature} ${x.cle}`))]).toEqual([
      "SUPPRESSION 330058069",
    ]);
    // Nothing left to confirm now, and the statut no longer lets the supplier open a draft.
    expect(await confirmerBrouillon(client, numero, 3)).toMatchObject({
      __typename: "ErreurEtat",
      code: "STATUT_NON_MODIFIABLE",
    });
    expect(await abandonnerBrouillon(client, numero)).toEqual({
      __typename: "BrouillonAbandonnerSucces",
      abandonne: false,
    });
  });

  it("stages a PDF pièce justificative through a multipart request (pieceAjouter)", async () => {
    const client = await clientPour("00001");
    const { numero } = await etapeImport(client, { numeroEditeur: "00001", journal: () => {} });
    await app.prisma.demande.update({ where: { numero }, data: { statut: "EN_ATTENTE_PIECE" } });
    const r = await ajouterPiece(client, numero, "FACTURE", {
      contenu: Buffer.from(PDF_MINIMAL_BASE64, "base64"),
      nomFichier: "facture-complementaire.pdf",
    });
    expect(r.__typename).toBe("PieceAjouterSucces");
    if (r.__typename !== "PieceAjouterSucces") return;
    expect(r.brouillon.pieces.find((p) => p.etat === "AJOUTEE")?.valeurs).toEqual({
      nomFichier: "facture-complementaire.pdf",
      type: "FACTURE",
    });
  });

  it("throws a top-level UNAUTHENTICATED error for an unknown key", async () => {
    const inconnue = creerClient({ url, cle: "sgr_000000000000_cleInconnueCleInconnueCleInconnue" });
    expect(await moi(inconnue)).toBeNull();
    const e = await listerDemandes(inconnue, {}).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ErreurRequete);
    expect(e).toMatchObject({ code: "UNAUTHENTICATED", statut: 200 });
  });
});
