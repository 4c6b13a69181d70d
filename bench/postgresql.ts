// `pnpm bench --base postgresql://…` or `--pg`: the same dataset on PostgreSQL. The SQLite bench
// file (jeu.ts) is copied once by `copierSqliteVersPostgresql` into a database named after its
// count and a checksum (dataset fingerprint + PostgreSQL migrations), kept as a cache; each run
// works on a `CREATE DATABASE … TEMPLATE` copy of it (a file copy), dropped at the end.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { MIGRATIONS_DIR, MIGRATIONS_DIR_POSTGRESQL, preparerBase } from "@segur/prisma";
import { listMigrations } from "@segur/prisma/migrate";
import { copierSqliteVersPostgresql, pg } from "@segur/prisma/copie-postgresql";
import { executer, serveurJoignable, supprimerBase, urlAvecBase } from "@segur/prisma/postgresql";

const SCRIPT = fileURLToPath(new URL("../prisma/scripts/pg-test-cluster.sh", import.meta.url));
/** `--pg`: one cluster for the benches of this machine, kept between runs (its cached datasets with it). */
const GRAPPE = { dossier: "/tmp/segur-bench-pg", port: 55490 };

export interface BasePostgresql {
  /** DATABASE_URL of this run's working copy. */
  url: string;
  /** Seconds the copy from SQLite took, or null when the cached database was reused. */
  copieEn: number | null;
  fermer: () => Promise<void>;
}

/** `--pg`: the machine's bench cluster (started from Debian's binaries if it is not running); returns its admin URL and how to stop it. */
export async function grappeBench(): Promise<{ urlAdmin: string; arreter: () => void }> {
  const urlAdmin = `postgresql://postgres:postgres@127.0.0.1:${GRAPPE.port}/postgres`;
  if (await serveurJoignable(urlAdmin)) return { urlAdmin, arreter: () => {} };
  execFileSync("sh", [SCRIPT, "start", GRAPPE.dossier, String(GRAPPE.port)], { encoding: "utf8" });
  return { urlAdmin, arreter: () => execFileSync("sh", [SCRIPT, "stop", GRAPPE.dossier], { stdio: "ignore" }) };
}

const empreinte = (fichierMeta: string) =>
  createHash("sha256")
    .update(fs.readFileSync(fichierMeta, "utf8"))
    .update(
      listMigrations(MIGRATIONS_DIR_POSTGRESQL)
        .map((m) => `${m.name}:${m.checksum}`)
        .join("\n"),
    )
    .update(fs.readFileSync(fileURLToPath(new URL("../prisma/src/copie-postgresql.ts", import.meta.url))))
    .digest("hex")
    .slice(0, 12);

async function bases(urlAdmin: string, motif: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: urlAdmin });
  await c.connect();
  try {
    return (
      await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [motif])
    ).rows.map((r) => r.datname);
  } finally {
    await c.end();
  }
}

/**
 * The dataset of `count` demandes on the server at `urlAdmin`: the cached copy when its checksum
 * matches (older ones of the same count are dropped), otherwise copied now from `sqlite` (this run's
 * copy of the SQLite bench file, built and migrated by jeu.ts) through `bench_<count>_tmp`, renamed once complete.
 */
export async function preparerBasePostgresql(urlAdmin: string, count: number, sqlite: string): Promise<BasePostgresql> {
  // jeu.ts's fingerprint of the SQLite cache (generator, count, migrations), beside it.
  const meta = fileURLToPath(new URL(`../test/.artifacts/bench-${count}.db.json`, import.meta.url));
  const cache = `bench_${count}_${empreinte(meta)}`;
  let copieEn: number | null = null;
  if (!(await bases(urlAdmin, cache)).length) {
    for (const ancienne of await bases(urlAdmin, `bench\\_${count}\\_%`)) await supprimerBase(urlAdmin, ancienne);
    const tmp = `bench_${count}_tmp`;
    await executer(urlAdmin, `CREATE DATABASE "${tmp}"`);
    const url = urlAvecBase(urlAdmin, tmp);
    await preparerBase(url);
    const debut = performance.now();
    const affichees = new Map<string, number>();
    await copierSqliteVersPostgresql({
      de: `file:${sqlite}`,
      vers: url,
      migrationsSqlite: MIGRATIONS_DIR,
      migrationsPostgresql: MIGRATIONS_DIR_POSTGRESQL,
      progression: (table, n) => {
        if (n - (affichees.get(table) ?? 0) < 1_000_000) return;
        affichees.set(table, n);
        console.log(
          `  … copie PostgreSQL : ${table} ${n} lignes (${((performance.now() - debut) / 1000).toFixed(0)} s)`,
        );
      },
    });
    copieEn = (performance.now() - debut) / 1000;
    await executer(urlAdmin, `ALTER DATABASE "${tmp}" RENAME TO "${cache}"`);
  }
  const travail = `bench_travail_${process.pid}`;
  await executer(urlAdmin, `DROP DATABASE IF EXISTS "${travail}" WITH (FORCE)`);
  await executer(urlAdmin, `CREATE DATABASE "${travail}" TEMPLATE "${cache}"`);
  return { url: urlAvecBase(urlAdmin, travail), copieEn, fermer: () => supprimerBase(urlAdmin, travail) };
}
