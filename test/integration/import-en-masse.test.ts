import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exempleDocumentImport, type DocumentImportJson } from "@segur/shared";
import { creerAppTest, type AppTest } from "../../server/test/aide.js";
import { importerDocument } from "../../server/src/import/service.js";
import { AUTEUR_SYSTEME, etatActuel, etatALaVersion, verifierChaines } from "../../server/src/historique/service.js";
import { differences } from "../../server/src/historique/changements.js";
import { etatVide } from "../../server/src/historique/champs.js";
import { fileAttente } from "../../server/src/import/file-attente.js";
import { certificatsDuFichier } from "../../server/src/import/doublons-fichier.js";
import { certificatsAilleurs } from "../../server/src/administrateur/doublons.js";
import { LOT_MAX } from "../../server/src/commun/lots.js";

let app: AppTest;
beforeEach(async () => {
  app = await creerAppTest();
});
afterEach(() => app.fermer());

/** n copies of the guide's demande, 5 certificate rows each, FINESS juridiques of their own from `debut`. */
function fichier(n: number, debut = 0): DocumentImportJson {
  const modele = exempleDocumentImport().demandes[0]!;
  return {
    demandes: Array.from({ length: n }, (_, k) => ({
      ...modele,
      beneficiaires: modele
        .beneficiaires!.slice(0, 5)
        .map((b, j) => ({ ...b, finessJuridique: String(100_000_000 + (debut + k) * 10 + j) })),
    })),
  };
}

const parametres = (sql: string) => (sql.match(/\?/g) ?? []).length;

describe("bulk import: one transaction of multi-row inserts", () => {
  it("writes 150 demandes in a bounded number of statements, none above SQLite's parameter limit", async () => {
    app.requetes.length = 0;
    const { demandes } = await importerDocument(app.prisma, app.config, fichier(150), { auteur: AUTEUR_SYSTEME });
    expect(demandes).toHaveLength(150);
    expect(new Set(demandes.map((d) => d.numero)).size).toBe(150);
    // Row by row it was 20–25 statements per demande (3,000+ here); now a few per table.
    expect(app.requetes.length).toBeLessThan(60);
    expect(Math.max(...app.requetes.map(parametres))).toBeLessThanOrEqual(999);
    expect({
      beneficiaires: await app.prisma.beneficiaire.count(),
      administrateurs: await app.prisma.administrateurTechnique.count(),
      versions: await app.prisma.version.count(),
      evenements: await app.prisma.evenementAudit.count({ where: { type: "IMPORT" } }),
      pieces: await app.prisma.pieceJustificative.count(),
      coordonnees: await app.prisma.coordonneesBancaires.count(),
    }).toEqual({
      beneficiaires: 750,
      administrateurs: 750,
      versions: 150,
      evenements: 150,
      pieces: 300,
      coordonnees: 150,
    });
  }, 120_000);

  it("version 1 replays to exactly the rows written, with its change count, and every chain verifies", async () => {
    const { demandes } = await importerDocument(app.prisma, app.config, fichier(3), { auteur: AUTEUR_SYSTEME });
    for (const d of demandes) {
      const v1 = await app.prisma.version.findUniqueOrThrow({
        where: { demandeId_numero: { demandeId: d.id, numero: 1 } },
      });
      // Compact: no change row, the state once as snapshot 1, the count of the changes it stands for.
      expect(await app.prisma.changementVersion.count({ where: { versionId: v1.id } })).toBe(0);
      expect(await app.prisma.instantaneVersion.count({ where: { demandeId: d.id, numero: 1 } })).toBe(1);
      const nb = differences(etatVide(), await etatActuel(app.prisma, d.id)).length;
      expect(nb).toBeGreaterThan(50);
      expect(v1.nombreChangements).toBe(nb);
      expect(v1.commentaire).toBe("Import de la demande");
      expect(differences(await etatALaVersion(app.prisma, d.id, 1), await etatActuel(app.prisma, d.id))).toEqual([]);
      // What the row-by-row import read back: the same typed values (dates, booleans, amounts).
      const lu = await app.prisma.demande.findUniqueOrThrow({ where: { id: d.id } });
      expect(lu).toMatchObject({
        numero: d.numero,
        montantCentimes: 292000n,
        mandataire: false,
        statut: "EN_COURS",
        etatPaiement: "AUCUN",
        versionCourante: 1,
      });
      expect(lu.dateCommande?.toISOString()).toBe("2022-09-20T00:00:00.000Z");
      expect(lu.majLe.getTime()).toBe(v1.creeLe.getTime());
      const piece = await app.prisma.pieceJustificative.findFirstOrThrow({ where: { demandeId: d.id } });
      expect(Buffer.from(piece.contenu).subarray(0, 5).toString()).toBe("%PDF-");
      const evenement = await app.prisma.evenementAudit.findFirstOrThrow({ where: { demandeId: d.id } });
      expect(evenement).toMatchObject({
        type: "IMPORT",
        details: JSON.stringify({ avertissements: JSON.parse(lu.avertissements).length, administrateurs: 5 }),
      });
    }
    expect((await verifierChaines(app.prisma)).ruptures).toEqual([]);
  }, 60_000);

  it("a FINESS requested twice in one file warns on the later demande, naming the earlier one", async () => {
    const doc = fichier(2);
    doc.demandes![1]!.beneficiaires![0]!.finessJuridique = doc.demandes![0]!.beneficiaires![0]!.finessJuridique;
    const { demandes } = await importerDocument(app.prisma, app.config, doc, { auteur: AUTEUR_SYSTEME });
    const avertissements = async (id: number) =>
      (
        JSON.parse((await app.prisma.demande.findUniqueOrThrow({ where: { id } })).avertissements) as {
          code: string;
          message: string;
        }[]
      ).filter((a) => a.code === "DOUBLON_AUTRE_DEMANDE");
    expect(await avertissements(demandes[0]!.id)).toEqual([]);
    expect((await avertissements(demandes[1]!.id)).map((a) => a.message)).toEqual([
      `FINESS juridique ${doc.demandes![0]!.beneficiaires![0]!.finessJuridique} : une demande de certificat existe déjà dans la demande ${demandes[0]!.numero}.`,
    ]);
  }, 60_000);

  it("numbers each couloir after its own highest numéro, read by a range on the numéro index (no LIKE)", async () => {
    await importerDocument(app.prisma, app.config, fichier(3), { auteur: AUTEUR_SYSTEME });
    const ms1 = fichier(2, 10);
    for (const d of ms1.demandes!) d.couloir = "MS1";
    app.requetes.length = 0;
    const { demandes } = await importerDocument(app.prisma, app.config, ms1, { auteur: AUTEUR_SYSTEME });
    expect(demandes.map((d) => d.numero)).toEqual(["FINMS1000001M0", "FINMS1000002M0"]);
    const lecture = app.requetes.find((q) => /SELECT .*FROM .*Demande.* ORDER BY .*numero.* DESC/.test(q))!;
    expect(lecture).toMatch(/numero.* >= .* AND .*numero.* < /);
    expect(lecture).not.toMatch(/LIKE/i);
    expect(
      (await importerDocument(app.prisma, app.config, fichier(1, 20), { auteur: AUTEUR_SYSTEME })).demandes[0]!.numero,
    ).toBe("FINMS2000004M0");
  }, 60_000);

  it("a file's stored duplicates: certificatsAilleurs' rows (requested, not rejected, by demande), in one statement", async () => {
    const { demandes } = await importerDocument(app.prisma, app.config, fichier(90), { auteur: AUTEUR_SYSTEME });
    const rejetee = await app.prisma.administrateurTechnique.findFirstOrThrow({
      where: { demandeId: demandes[3]!.id },
    });
    await app.prisma.administrateurTechnique.update({ where: { id: rejetee.id }, data: { validation: "REJETEE" } });
    const sansCertificat = await app.prisma.administrateurTechnique.findFirstOrThrow({
      where: { demandeId: demandes[7]!.id },
    });
    await app.prisma.administrateurTechnique.update({
      where: { id: sansCertificat.id },
      data: { demandeCertificatServeur: false },
    });
    // 450 FINESS juridiques (above one slice of 400 bound values), some unknown.
    const finess = [
      ...(await app.prisma.administrateurTechnique.findMany({ select: { finessJuridique: true } })).map(
        (a) => a.finessJuridique,
      ),
      "999999999",
      "888888888",
    ];
    expect(finess.length).toBeGreaterThan(LOT_MAX);
    const attendus = await certificatsAilleurs(app.prisma, finess, null);
    app.requetes.length = 0;
    const trouves = await certificatsDuFichier(app.prisma, finess);
    expect(app.requetes).toHaveLength(1);
    // In demande order (within a demande, FINESS in no promised order: the import groups them by FINESS).
    const parCle = (l: { demandeId: number; finessJuridique: string }[]) =>
      [...l].sort((a, b) => a.demandeId - b.demandeId || (a.finessJuridique < b.finessJuridique ? -1 : 1));
    expect(trouves.map((t) => t.demandeId)).toEqual(attendus.map((t) => t.demandeId));
    expect(parCle(trouves)).toEqual(parCle(attendus));
    expect(trouves).toHaveLength(448);
    expect(trouves.map((t) => t.finessJuridique)).not.toContain(rejetee.finessJuridique);
  }, 60_000);

  it("the import queue runs one file at a time, in arrival order, and goes on after a failure", async () => {
    const file = fileAttente();
    let enCours = 0;
    let max = 0;
    const ordre: number[] = [];
    const tache =
      (i: number, echoue = false) =>
      async () => {
        max = Math.max(max, ++enCours);
        await new Promise((r) => setImmediate(r));
        ordre.push(i);
        enCours--;
        if (echoue) throw new Error("refusé");
        return i;
      };
    const r = await Promise.allSettled([
      file.executer(tache(1)),
      file.executer(tache(2, true)),
      file.executer(tache(3)),
    ]);
    expect(r.map((x) => x.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect({ max, ordre }).toEqual({ max: 1, ordre: [1, 2, 3] });
  });

  it("concurrent files: all written, numbers distinct and consecutive; a refused file does not block the next", async () => {
    const refuse = fichier(1);
    refuse.demandes![0]!.numeroEditeur = "pas-un-numero";
    const resultats = await Promise.allSettled([
      importerDocument(app.prisma, app.config, fichier(40, 0), { auteur: AUTEUR_SYSTEME }),
      importerDocument(app.prisma, app.config, refuse, { auteur: AUTEUR_SYSTEME }),
      importerDocument(app.prisma, app.config, fichier(40, 40), { auteur: AUTEUR_SYSTEME }),
      importerDocument(app.prisma, app.config, fichier(40, 80), { auteur: AUTEUR_SYSTEME }),
    ]);
    expect(resultats.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled"]);
    expect((resultats[1] as PromiseRejectedResult).reason).toMatchObject({ code: "VALIDATION" });
    const numeros = (await app.prisma.demande.findMany({ select: { numero: true }, orderBy: { numero: "asc" } })).map(
      (d) => d.numero,
    );
    expect(numeros).toEqual(Array.from({ length: 120 }, (_, i) => `FINMS2${String(i + 1).padStart(6, "0")}M0`));
    expect((await verifierChaines(app.prisma)).ruptures).toEqual([]);
  }, 120_000);
});
