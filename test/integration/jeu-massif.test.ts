import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { validerDocumentImport } from "@segur/shared";
import { prepareDatabase, Sqlite } from "@segur/prisma";
import { BASE_TEST, creerAppTest, type AppTest } from "../../server/test/aide.js";
import { etatActuel, etatALaVersion, verifierChaines } from "../../server/src/historique/service.js";
import { serialiserEtat } from "../../server/src/historique/instantanes.js";
import { aleatoire, demandeAleatoire } from "../../server/src/seed/generateur.js";
import { enJson, semerMassif, versImportee } from "../../server/src/seed/jeu-massif.js";

// The benchmark's bulk dataset must be data the product itself could have written: the import's
// checker agrees with the generator's shortcut, the hash chains verify, and every demande's rows
// are the replay of its history (the bench measures real shapes, not a lookalike).
// SQLite only: the bulk generator writes the SQLite file directly (better-sqlite3, indexes dropped
// and rebuilt); PostgreSQL gets its data through the import, or a copy from SQLite.
describe.skipIf(BASE_TEST === "postgresql")("jeu de données massif (pnpm bench, pnpm seed --count N)", () => {
  it("le raccourci du générateur donne exactement ce que rend le contrôle d'import", () => {
    const r = aleatoire(11);
    const options = { dateDebutCertificat: new Date("2023-09-21T00:00:00Z"), montantMaxCentimes: 10_000_000_000n };
    for (let i = 0; i < 300; i++) {
      const dateDepot = new Date(Date.UTC(2022, 0, 1) + r.suivant() * 4 * 365 * 86_400_000);
      const type = r.choix(["AVANCE", "SOLDE"] as const);
      const couloir = r.choix(["MS1", "MS2", "PH1"]);
      const json = demandeAleatoire(
        r,
        i,
        type === "AVANCE" && couloir !== "PH1" && dateDepot >= options.dateDebutCertificat,
        type,
        couloir,
        dateDepot,
        { beneficiaires: [3, 7] },
      );
      const { demandes, erreurs } = validerDocumentImport(json, { ...options, dateDepot });
      expect(erreurs).toEqual([]);
      expect(enJson(versImportee(json))).toBe(enJson(demandes[0]));
    }
  });

  let app: AppTest;
  beforeAll(async () => {
    app = await creerAppTest();
    await semerMassif(app.prisma, app.config, app.dbFile, { count: 60, versionsLongues: 230, tranche: 25 });
  });
  afterAll(() => app?.fermer());

  it("écrit les demandes du guide, les N demandes et une longue histoire, chaînes de hachage valides", async () => {
    expect(await app.prisma.demande.count()).toBe(62);
    expect(await app.prisma.demande.findUnique({ where: { numero: "FINMS2007720M0" } })).not.toBeNull();
    expect(await app.prisma.beneficiaire.count()).toBeGreaterThan(60 * 4);
    expect(await app.prisma.administrateurTechnique.count()).toBeGreaterThan(60);
    const longue = await app.prisma.demande.findFirstOrThrow({ orderBy: { versionCourante: "desc" } });
    expect(longue.versionCourante).toBe(230);
    expect(await app.prisma.instantaneVersion.count({ where: { demandeId: longue.id } })).toBe(3); // 1 (compact version 1), 100, 200
    const { ruptures, versions } = await verifierChaines(app.prisma);
    expect(ruptures).toEqual([]);
    expect(versions).toBeGreaterThan(62 + 229);
  });

  it("rend au fichier exactement les index de ses migrations (supprimés pendant l'écriture, reconstruits après)", () => {
    const lire = (f: string) => {
      const db = new Sqlite(f, { readonly: true });
      try {
        return db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name`).all();
      } finally {
        db.close();
      }
    };
    const neuf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "segur-index-")), "neuf.db");
    prepareDatabase(`file:${neuf}`);
    expect(lire(app.dbFile)).toEqual(lire(neuf));
    fs.rmSync(path.dirname(neuf), { recursive: true, force: true });
  });

  it("l'état de chaque demande est le rejeu de son historique", async () => {
    for (const d of await app.prisma.demande.findMany({ select: { id: true, versionCourante: true } })) {
      expect(serialiserEtat(await etatALaVersion(app.prisma, d.id, d.versionCourante))).toBe(
        serialiserEtat(await etatActuel(app.prisma, d.id)),
      );
    }
  });

  it("se lit par l'API comme une demande importée", async () => {
    const d = await app.prisma.demande.findFirstOrThrow({
      where: { numero: { startsWith: "FINMS1" } },
      orderBy: { id: "desc" },
    });
    const r = await app.gql(
      `query($n: String!) { demande(numero: $n) { numero beneficiaires { cle } administrateurs { finessJuridique } versions { numero nombreChangements } } }`,
      { n: d.numero },
      app.gestionnaire,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.demande.beneficiaires.length).toBeGreaterThanOrEqual(3);
    expect(r.data.demande.versions.length).toBe(d.versionCourante);
  });
});
