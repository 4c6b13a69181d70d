// PostgreSQL migrator, Prisma-compatible (same `_prisma_migrations` table and sha256 checksum as
// `prisma migrate deploy`). Several instances starting at once take Prisma Migrate's own session
// advisory lock (72707369), so they apply the migrations one after another. Each migration runs
// in its own transaction (PostgreSQL DDL is transactional), sent whole so `$$` bodies work.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { listMigrations, type MigrateResult } from "./migrate.js";

const BOOKKEEPING_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;
export const VERROU_MIGRATION_PRISMA = 72707369;
/**
 * Every session in UTC, whatever the server's setting: DateTime columns are timestamp(3) WITHOUT
 * time zone holding UTC, and SQL defaults (CURRENT_TIMESTAMP) or `now()` comparisons must agree.
 */
export const SESSION_UTC = "-c TimeZone=UTC";

export async function migrerPostgres(url: string, migrationsDir: string): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: url, options: SESSION_UTC });
  await client.connect();
  const result: MigrateResult = { applied: [], skipped: [] };
  try {
    await client.query("SELECT pg_advisory_lock($1)", [VERROU_MIGRATION_PRISMA]);
    // Only when missing: even `IF NOT EXISTS` needs CREATE on the schema, which the app's DML-only
    // role lacks (docs/deploy.md) — with nothing pending, that role starts without any DDL.
    if (!(await client.query(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS ok`)).rows[0].ok)
      await client.query(BOOKKEEPING_DDL);
    for (const m of listMigrations(migrationsDir)) {
      const { rows } = await client.query<{ checksum: string; finished_at: Date | null }>(
        `SELECT checksum, finished_at FROM "_prisma_migrations" WHERE migration_name = $1 AND rolled_back_at IS NULL`,
        [m.name],
      );
      const row = rows[0];
      if (row) {
        if (!row.finished_at) throw new Error(`Migration ${m.name} is marked as started but not finished`);
        if (row.checksum !== m.checksum)
          throw new Error(`Migration ${m.name} was modified after it was applied (checksum mismatch)`);
        result.skipped.push(m.name);
        continue;
      }
      try {
        await client.query("BEGIN");
        const startedAt = new Date();
        await client.query(m.sql); // no parameters: simple query protocol, multi-statement files work
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
          [randomUUID(), m.checksum, m.name, startedAt],
        );
        await client.query("COMMIT");
        result.applied.push(m.name);
      } catch (e) {
        await client.query("ROLLBACK").catch(() => {});
        throw new Error(`Failed to apply migration ${m.name}: ${(e as Error).message}`, { cause: e });
      }
    }
    // The planner's statistics, as SQLite's PRAGMA optimize after migrating (autovacuum keeps them after).
    if (result.applied.length) await client.query("ANALYZE");
    return result;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [VERROU_MIGRATION_PRISMA]).catch(() => {});
    await client.end();
  }
}

/** Refresh the planner's statistics (periodic, from the server): PostgreSQL's counterpart of PRAGMA optimize. */
export async function analyserPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("ANALYZE");
  } finally {
    await client.end();
  }
}
