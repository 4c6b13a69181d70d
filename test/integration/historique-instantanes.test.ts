import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, messageBase } from "@segur/prisma";
import { BASE_TEST, creerAppTest, importerExemple, type AppTest } from "../../server/test/aide.js";
import { copierEtat, etatVide, type Etat, type Ligne } from "../../server/src/historique/champs.js";
import { differences, rejouer, type ChangementStocke } from "../../server/src/historique/changements.js";
import { deserialiserEtat, INTERVALLE_INSTANTANES, serialiserEtat } from "../../server/src/historique/instantanes.js";
import {
  AUTEUR_SYSTEME,
  enregistrerVersion,
  etatActuel,
  etatALaVersion,
  verifierChaines,
} from "../../server/src/historique/service.js";
import { changementsInitiaux } from "../../server/src/historique/version-initiale.js";
import { insererParJson } from "../../server/src/commun/insertion-en-masse.js";
import { migrateDatabase } from "../../prisma/src/migrate.js";

interface Connexion {
  exec(sql: string): void;
  prepare(sql: string): {
    run(...p: unknown[]): { changes: number };
    get(...p: unknown[]): any;
    all(...p: unknown[]): any[];
  };
  close(): void;
}
const Database = createRequire(new URL("../../prisma/package.json", import.meta.url))("better-sqlite3") as new (
  f: string,
) => Connexion;

const RACINE = fileURLToPath(new URL("../..", import.meta.url));
const TSX = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));
const exec = promisify(execFile);

/** Deterministic pseudo-random numbers (mulberry32): a failure replays identically. */
function aleatoire(graine: number) {
  let a = graine;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A state with its rows sorted by key: equality of content, whatever the rows' order. */
const trie = (e: Etat) =>
  Object.fromEntries(
    Object.entries(e).map(([b, m]) => [b, [...(m as Map<string, Ligne>)].sort(([x], [y]) => (x < y ? -1 : 1))]),
  );

let app: AppTest;
let demandeId: number;
let numero: string;
beforeEach(async () => {
  app = await creerAppTest();
  numero = await importerExemple(app);
  demandeId = (await app.prisma.demande.findUniqueOrThrow({ where: { numero } })).id;
});
afterEach(() => app.fermer());

/** Versions 2..n of random changes (add, edit, delete and re-add rows), written as the confirm does. */
async function historiqueAleatoire(n: number, graine: number): Promise<Etat[]> {
  const hasard = aleatoire(graine);
  const choisir = <T>(l: T[]) => l[Math.floor(hasard() * l.length)]!;
  let etat = await etatActuel(app.prisma, demandeId);
  const etats: Etat[] = [etatVide(), copierEtat(etat)];
  const cles = ["r0", "r1", "r2", "r3", "r4", "r5"];
  for (let v = 2; v <= n; v++) {
    const apres = copierEtat(etat);
    for (let i = 0, nb = 1 + Math.floor(hasard() * 3); i < nb; i++) {
      const geste = choisir(["info", "ajout", "suppression", "modification", "admin"]);
      const benef = apres.BENEFICIAIRES;
      if (geste === "info")
        apres.INFORMATIONS.get("demande")!.courrielContact = hasard() < 0.2 ? null : `c${v}-${i}@editeur.fr`;
      else if (geste === "ajout") {
        const cle = choisir(cles);
        if (!benef.has(cle))
          benef.set(cle, {
            ...[...benef.values()][0]!,
            nomResponsable: `Nom ${v}`,
            finessJuridique: String(100000000 + v),
          });
      } else if (geste === "suppression" && benef.size > 1) benef.delete(choisir([...benef.keys()]));
      else if (geste === "modification")
        benef.get(choisir([...benef.keys()]))!.telResponsable =
          hasard() < 0.3 ? null : `06${String(v).padStart(8, "0")}`;
      else {
        const admin = apres.ADMINISTRATEURS.get(choisir([...apres.ADMINISTRATEURS.keys()]))!;
        admin.nomAdminTechnique = `Admin ${v}`;
      }
    }
    apres.INFORMATIONS.get("demande")!.referenceFournisseur = `ref-${v}`; // every version changes something
    const changements = differences(etat, apres);
    await app.prisma.$transaction((tx) =>
      enregistrerVersion(tx, {
        demandeId,
        demandeNumero: numero,
        numero: v,
        auteur: AUTEUR_SYSTEME,
        commentaire: null,
        changements,
      }),
    );
    etats.push(apres);
    etat = apres;
  }
  await app.prisma.demande.update({ where: { id: demandeId }, data: { versionCourante: n } });
  return etats;
}

describe("snapshots every K versions", () => {
  it("the state at every version equals the full replay of its history (a few hundred random versions)", async () => {
    const N = 3 * INTERVALLE_INSTANTANES + 37;
    const etats = await historiqueAleatoire(N, 20261201);
    // Every K-th version's, and version 1's: the import's compact version 1 (version-initiale.ts).
    expect(await app.prisma.instantaneVersion.count({ where: { demandeId } })).toBe(4);

    // The full replay, from the stored changes (the reference the snapshots must never diverge from;
    // version 1's derived from its snapshot, which its hash covers through them).
    const lignes = await app.prisma.changementVersion.findMany({
      where: { version: { demandeId } },
      orderBy: [{ version: { numero: "asc" } }, { ordre: "asc" }],
      select: {
        version: { select: { numero: true } },
        bloc: true,
        cle: true,
        nature: true,
        champ: true,
        ancienneValeur: true,
        nouvelleValeur: true,
      },
    });
    // The history really deletes rows and re-adds deleted keys (what a replay can get wrong).
    const beneficiaires = lignes.filter((l) => l.bloc === "BENEFICIAIRES" && l.version.numero > 1);
    expect(new Set(beneficiaires.map((l) => l.nature))).toEqual(new Set(["AJOUT", "SUPPRESSION", "MODIFICATION"]));
    const readdees = beneficiaires.filter(
      (l) =>
        l.nature === "AJOUT" &&
        beneficiaires.some((x) => x.nature === "SUPPRESSION" && x.cle === l.cle && x.version.numero < l.version.numero),
    );
    expect(readdees.length).toBeGreaterThan(0);
    const parVersion: ChangementStocke[][] = Array.from({ length: N + 1 }, () => []);
    for (const { version, ...c } of lignes) parVersion[version.numero]!.push(c);
    expect(parVersion[1]).toEqual([]);
    parVersion[1] = changementsInitiaux(
      (await app.prisma.instantaneVersion.findUniqueOrThrow({ where: { demandeId_numero: { demandeId, numero: 1 } } }))
        .etat,
    );
    let complet = etatVide();
    for (let k = 1; k <= N; k++) {
      complet = rejouer([{ changements: parVersion[k]! }], complet);
      const lu = await etatALaVersion(app.prisma, demandeId, k);
      // Same rows in the same order as the full replay, and the content the confirm wrote.
      expect(serialiserEtat(lu), `version ${k}`).toBe(serialiserEtat(complet));
      expect(trie(lu), `version ${k}`).toEqual(trie(etats[k]!));
    }
    const { ruptures } = await verifierChaines(app.prisma);
    expect(ruptures).toEqual([]);
  }, 120_000);

  it("the confirm writes the K-th version's snapshot, append-only; the verifier catches an altered snapshot or count", async () => {
    const etats = await historiqueAleatoire(INTERVALLE_INSTANTANES, 7);
    const instantanes = await app.prisma.instantaneVersion.findMany({
      where: { demandeId },
      orderBy: { numero: "asc" },
    });
    expect(instantanes.map((i) => i.numero)).toEqual([1, INTERVALLE_INSTANTANES]);
    expect(trie(deserialiserEtat(instantanes[1]!.etat))).toEqual(trie(etats[INTERVALLE_INSTANTANES]!));
    // Raw SQL through Prisma: the same statements on SQLite and PostgreSQL.
    const refus = (sql: string) => app.prisma.$executeRawUnsafe(sql).then(() => null, messageBase);
    expect(await refus(`UPDATE "InstantaneVersion" SET etat = '{}'`)).toMatch(/ajout seul/);
    expect(await refus(`DELETE FROM "InstantaneVersion"`)).toMatch(/ajout seul/);
    expect(await refus(`UPDATE "Version" SET "nombreChangements" = 0`)).toMatch(/ajout seul/);
    expect((await verifierChaines(app.prisma)).ruptures).toEqual([]);

    // As the tables' owner could: lift the triggers (named per database by its migrations), then alter.
    for (const t of BASE_TEST === "postgresql"
      ? [
          `DROP TRIGGER "InstantaneVersion_ajout_seul" ON "InstantaneVersion"`,
          `DROP TRIGGER "Version_ajout_seul" ON "Version"`,
        ]
      : [`DROP TRIGGER "InstantaneVersion_ajout_seul_update"`, `DROP TRIGGER "Version_ajout_seul_update"`])
      await app.prisma.$executeRawUnsafe(t);
    await app.prisma.$executeRawUnsafe(`UPDATE "InstantaneVersion" SET etat = replace(etat, 'ref-100', 'ref-faux')`);
    await app.prisma.$executeRawUnsafe(
      `UPDATE "Version" SET "nombreChangements" = "nombreChangements" + 1 WHERE numero = 50`,
    );
    const { ruptures } = await verifierChaines(app.prisma);
    expect(ruptures).toEqual([
      { demande: numero, nature: "VERSION", numero: 50, raison: "nombre de changements différent" },
      {
        demande: numero,
        nature: "VERSION",
        numero: INTERVALLE_INSTANTANES,
        raison: "instantané différent de l'historique",
      },
    ]);
  }, 60_000);

  // SQLite only: it replays SQLite's own 20261201163428_historique_instantanes migration, which
  // PostgreSQL's baseline (prisma/migrations-postgresql) folds into its first folder.
  it.skipIf(BASE_TEST === "postgresql")(
    "the migration backfills the counts of a history written before it, which still verifies and reads without snapshots",
    async () => {
      await historiqueAleatoire(INTERVALLE_INSTANTANES + 20, 42);
      const attendu = await etatALaVersion(app.prisma, demandeId, INTERVALLE_INSTANTANES + 10);
      // A history of then: version 1 as change rows (the compact one's, derived from its snapshot).
      const v1 = await app.prisma.version.findUniqueOrThrow({ where: { demandeId_numero: { demandeId, numero: 1 } } });
      const instantane1 = await app.prisma.instantaneVersion.findUniqueOrThrow({
        where: { demandeId_numero: { demandeId, numero: 1 } },
      });
      await app.prisma.$transaction((tx) =>
        insererParJson(
          tx,
          "ChangementVersion",
          changementsInitiaux(instantane1.etat).map((c, ordre) => ({ versionId: v1.id, ordre, ...c })),
        ),
      );
      // Back to the schema before the migration: no count column, no snapshot table.
      const db = new Database(app.dbFile);
      try {
        db.exec(`DROP TABLE "InstantaneVersion"; ALTER TABLE "Version" DROP COLUMN "nombreChangements";`);
        db.prepare(`DELETE FROM "_prisma_migrations" WHERE migration_name LIKE '%_historique_instantanes'`).run();
        const { applied } = migrateDatabase(db as never, MIGRATIONS_DIR);
        expect(applied).toEqual([expect.stringMatching(/_historique_instantanes$/)]);
        const ecarts = db
          .prepare(
            `SELECT v.numero FROM "Version" v WHERE v."nombreChangements" <> (SELECT COUNT(*) FROM "ChangementVersion" c WHERE c."versionId" = v.id)`,
          )
          .all();
        expect(ecarts).toEqual([]);
        expect(
          db
            .prepare(`SELECT "nombreChangements" AS n FROM "Version" WHERE "demandeId" = ? AND numero = 1`)
            .get(demandeId).n,
        ).toBeGreaterThan(10);
        // The triggers lifted for the backfill are back.
        expect(() => db.prepare(`UPDATE "Version" SET "nombreChangements" = 0`).run()).toThrow(/ajout seul/);
        const triggers = db
          .prepare(
            `SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('Version', 'InstantaneVersion') ORDER BY name`,
          )
          .all();
        expect(triggers.map((t) => t.name)).toEqual([
          "InstantaneVersion_ajout_seul_delete",
          "InstantaneVersion_ajout_seul_update",
          "Version_ajout_seul_delete",
          "Version_ajout_seul_update",
        ]);
      } finally {
        db.close();
      }
      expect(await app.prisma.instantaneVersion.count()).toBe(0);
      expect((await verifierChaines(app.prisma)).ruptures).toEqual([]);
      expect(serialiserEtat(await etatALaVersion(app.prisma, demandeId, INTERVALLE_INSTANTANES + 10))).toBe(
        serialiserEtat(attendu),
      );

      // The maintenance command writes the missing snapshot; run twice, it writes nothing more.
      const env = { ...process.env, DATABASE_URL: `file:${app.dbFile}` };
      const commande = () => exec(TSX, ["server/src/cli/completer-instantanes.ts"], { cwd: RACINE, env });
      expect((await commande()).stdout).toContain(
        "Instantanés : 1 écrit(s) pour 1 demande(s) d'au moins 100 versions.",
      );
      expect((await commande()).stdout).toContain("Instantanés : 0 écrit(s) pour 1 demande(s)");
      expect((await app.prisma.instantaneVersion.findMany()).map((i) => i.numero)).toEqual([INTERVALLE_INSTANTANES]);
      expect(serialiserEtat(await etatALaVersion(app.prisma, demandeId, INTERVALLE_INSTANTANES + 10))).toBe(
        serialiserEtat(attendu),
      );
      expect((await verifierChaines(app.prisma)).ruptures).toEqual([]);
    },
    60_000,
  );
});
