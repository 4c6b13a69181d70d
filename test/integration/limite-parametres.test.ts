import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exempleDocumentImport, type DocumentImportJson } from "@segur/shared";
import { creerAppTest, importerExemple, type AppTest } from "../../server/test/aide.js";
import { importerDocument } from "../../server/src/import/service.js";
import { AUTEUR_SYSTEME } from "../../server/src/historique/service.js";

// SQLite binds at most 999 parameters per statement: the reference lookup bound one per demande.
const N = 5000;
const reference = (i: number) => `REF-${String(i).padStart(5, "0")}`;

/** n small demandes (one bénéficiaire, no certificate, no pièce), each with its own reference. */
function documentDe(n: number, debut = 0): DocumentImportJson {
  const modele = exempleDocumentImport().demandes[0]!;
  const beneficiaire = modele.beneficiaires!.at(-1)!;
  return {
    demandes: Array.from({ length: n }, (_, i) => ({
      ...modele,
      beneficiaires: [beneficiaire],
      piecesJustificatives: [],
      referenceFournisseur: reference(debut + i),
    })),
  };
}

let app: AppTest;
beforeEach(async () => {
  app = await creerAppTest();
});
afterEach(() => app.fermer());

describe("import: already-imported references, whatever their number", () => {
  // Through the whole service, both ways: the bulk import writes 5,000 demandes in seconds.
  it(`imports one file of ${N} demandes with references, then refuses it again, then only its one old reference`, async () => {
    const { demandes } = await importerDocument(app.prisma, app.config, documentDe(N), { auteur: AUTEUR_SYSTEME });
    expect(demandes).toHaveLength(N);
    expect(demandes[N - 1]!.numero).toBe("FINMS2005000M0");
    expect(await app.prisma.version.count()).toBe(N);
    // The same references: every one refused, naming its demande; nothing created.
    const encore = await importerDocument(app.prisma, app.config, documentDe(N), { auteur: AUTEUR_SYSTEME }).catch(
      (e) => e,
    );
    expect(encore).toMatchObject({ code: "VALIDATION" });
    expect(encore.problemes).toHaveLength(N);
    expect(encore.problemes.every((p: { code: string }) => p.code === "DEJA_IMPORTEE")).toBe(true);
    expect(encore.problemes[N - 1]).toMatchObject({
      path: ["demandes", N - 1, "referenceFournisseur"],
      message: expect.stringContaining(`${reference(N - 1)} » a déjà été importée (demande FINMS2005000M0)`),
    });
    // 4,999 new references and one old: only that one is refused.
    const melange = await importerDocument(app.prisma, app.config, documentDe(N, N - 1), {
      auteur: AUTEUR_SYSTEME,
    }).catch((e) => e);
    expect(melange.problemes.map((p: { path: unknown[] }) => p.path)).toEqual([
      ["demandes", 0, "referenceFournisseur"],
    ]);
    expect(await app.prisma.demande.count()).toBe(N);
    expect(Math.max(...app.requetes.map((q) => (q.match(/\?/g) ?? []).length))).toBeLessThanOrEqual(999);
  }, 180_000);
});

/** n bare demandes written in bulk (numéros FINMS1000001M0…), returning their ids. */
async function demandesEnMasse(n: number): Promise<number[]> {
  await app.prisma.demande.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      numero: `FINMS1${String(i + 1).padStart(6, "0")}M0`,
      type: "AVANCE",
      couloir: "MS1",
      numeroEditeur: "00002",
      logiciel: "AUTRE",
      dateDepot: new Date(),
      montantCentimes: 1n,
    })),
  });
  return (
    await app.prisma.demande.findMany({ where: { couloir: "MS1" }, select: { id: true }, orderBy: { id: "asc" } })
  ).map((d) => d.id);
}

describe("lists that grow with the data, read in bounded slices", () => {
  const M = 1200;

  it(`certificate duplicates of a FINESS requested in ${M} other demandes: on the demande and at import`, async () => {
    const numero = await importerExemple(app);
    const ids = await demandesEnMasse(M);
    await app.prisma.administrateurTechnique.createMany({
      data: ids.map((demandeId) => ({ demandeId, finessJuridique: "330058066", demandeCertificatServeur: true })),
    });
    const r = await app.gql(
      `query($n: String!) { demande(numero: $n) { administrateurs { finessJuridique doublonsPossibles } } }`,
      { n: numero },
      app.gestionnaire,
    );
    expect(r.errors).toBeUndefined();
    const stu = r.data.demande.administrateurs.find(
      (a: { finessJuridique: string }) => a.finessJuridique === "330058066",
    );
    expect(stu.doublonsPossibles).toHaveLength(M);
    expect(stu.doublonsPossibles[0]).toBe("FINMS1000001M0");

    const { demandes } = await importerDocument(app.prisma, app.config, exempleDocumentImport(), {
      auteur: AUTEUR_SYSTEME,
    });
    const avertissements = JSON.parse(
      (await app.prisma.demande.findUniqueOrThrow({ where: { id: demandes[0]!.id } })).avertissements,
    );
    // the M others for 330058066, and the first demande for each of its five FINESS
    expect(avertissements.filter((p: { code: string }) => p.code === "DOUBLON_AUTRE_DEMANDE")).toHaveLength(M + 5);
  });

  it(`journal export of events from ${M} demandes`, async () => {
    const ids = await demandesEnMasse(M);
    await app.prisma.evenementAudit.createMany({
      data: ids.map((demandeId) => ({
        demandeId,
        type: "IMPORT",
        auteur: "Système",
        acteur: "SYSTEME",
        role: "SYSTEME",
        details: "{}",
        hashPrecedent: "0",
        hash: "0",
      })),
    });
    const res = await app.fetch("http://test/export/journal.csv", { headers: app.auditeur.headers });
    expect(res.status).toBe(200);
    const lignes = (await res.text()).trim().split("\r\n");
    expect(lignes).toHaveLength(M + 1);
    expect(lignes.filter((l) => /;FINMS1\d{6}M0;/.test(l))).toHaveLength(M);
  });
});
