// The benchmark's dataset: built once per count with the bulk generator, cached in
// test/.artifacts/bench-<count>.db and reused while its schema (applied migrations) and the
// generator's version match; each run works on a copy, so writes never alter the cache.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createHash } from "node:crypto";
import { MIGRATIONS_DIR, openDatabase } from "@segur/prisma";
import { lireConfig } from "../server/src/config.js";
import { semerMassif, VERSION_JEU_MASSIF } from "../server/src/seed/jeu-massif.js";

const ARTEFACTS = fileURLToPath(new URL("../test/.artifacts/", import.meta.url));

export interface Jeu {
  /** Working copy of this run (deleted by `fermer`). */
  fichier: string;
  /** Seconds spent building it, or null when the cache was reused. */
  construitEn: number | null;
  fermer: () => void;
}

const empreinte = (count: number, versionsLongues: number) =>
  JSON.stringify({ generateur: VERSION_JEU_MASSIF, count, versionsLongues, migrations: migrations() });

/** Each migration's name and checksum: the cached file's schema. */
const migrations = () =>
  fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((d) => fs.existsSync(path.join(MIGRATIONS_DIR, d, "migration.sql")))
    .sort()
    .map(
      (d) =>
        `${d}:${createHash("sha256")
          .update(fs.readFileSync(path.join(MIGRATIONS_DIR, d, "migration.sql")))
          .digest("hex")
          .slice(0, 12)}`,
    );

/** The cache differs from today's code only by migrations added after it was built. */
function migrationsEnRetard(meta: string, attendue: string): boolean {
  if (!fs.existsSync(meta)) return false;
  const avant = JSON.parse(fs.readFileSync(meta, "utf8")) as { migrations: string[] };
  const apres = JSON.parse(attendue) as { migrations: string[] };
  const memeJeu = JSON.stringify({ ...avant, migrations: [] }) === JSON.stringify({ ...apres, migrations: [] });
  return (
    memeJeu &&
    avant.migrations.length < apres.migrations.length &&
    avant.migrations.every((m, i) => m === apres.migrations[i])
  );
}

export async function preparerJeu(count: number, versionsLongues: number, { reconstruire = false } = {}): Promise<Jeu> {
  fs.mkdirSync(ARTEFACTS, { recursive: true });
  const cache = path.join(ARTEFACTS, `bench-${count}.db`);
  const meta = `${cache}.json`;
  const attendue = empreinte(count, versionsLongues);
  let construitEn: number | null = null;
  if (!reconstruire && migrationsEnRetard(meta, attendue)) {
    // Only later migrations (an index, say): applied to the cached file as to a production database, not rebuilt.
    await openDatabase(`file:${cache}`).$disconnect();
    fs.writeFileSync(meta, attendue);
  }
  if (reconstruire || !fs.existsSync(cache) || !fs.existsSync(meta) || fs.readFileSync(meta, "utf8") !== attendue) {
    for (const f of [cache, `${cache}-wal`, `${cache}-shm`, meta]) fs.rmSync(f, { force: true });
    const debut = performance.now();
    const prisma = openDatabase(`file:${cache}`);
    let derniere = 0;
    await semerMassif(prisma, lireConfig({}), cache, {
      count,
      versionsLongues,
      progression: (n) => {
        if (n - derniere >= 10_000 || n === count)
          console.log(`  … ${n} demandes (${((performance.now() - debut) / 1000).toFixed(0)} s)`);
        derniere = n;
      },
    });
    await prisma.$disconnect();
    construitEn = (performance.now() - debut) / 1000;
    fs.writeFileSync(meta, attendue);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "segur-bench-"));
  const fichier = path.join(dir, "bench.db");
  fs.copyFileSync(cache, fichier);
  if (fs.existsSync(`${cache}-wal`)) fs.copyFileSync(`${cache}-wal`, `${fichier}-wal`);
  return { fichier, construitEn, fermer: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
