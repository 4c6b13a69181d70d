import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";
import { migrateDatabase, sqlitePathFromUrl, type MigrateResult } from "./migrate.js";
export { optimiser as optimiserStatistiques } from "./migrate.js";

export { PrismaClient };
/** The raw driver, for bulk writers (dataset generator) and the benchmark's floor queries. */
export { Database as Sqlite };
export { sqlitePathFromUrl };
export type * from "../generated/prisma/client.js";
export { Prisma } from "../generated/prisma/client.js";
export { getDatamodel } from "../generated/pothos-types.js";
export type { default as PrismaTypes } from "../generated/pothos-types.js";

export const MIGRATIONS_DIR = process.env.PRISMA_MIGRATIONS_DIR
  ? path.resolve(process.env.PRISMA_MIGRATIONS_DIR)
  : fileURLToPath(new URL("../migrations", import.meta.url));

export const DEFAULT_DATABASE_URL = `file:${fileURLToPath(new URL("../data/segur.db", import.meta.url))}`;

/** Create the file if needed, switch it to WAL, apply pending migrations. */
export function prepareDatabase(url: string): MigrateResult {
  const file = sqlitePathFromUrl(url);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    return migrateDatabase(db, MIGRATIONS_DIR);
  } finally {
    db.close();
  }
}

/** How long a writer waits for another process's write lock before SQLITE_BUSY (busy_timeout). */
export const ATTENTE_VERROU_MS = 15_000;

/**
 * The driver adapter, tuned for several server processes on one WAL file:
 * - busy_timeout: a writer waits for the lock held by another process instead of failing;
 * - transactions start with BEGIN IMMEDIATE: a deferred transaction that reads and then writes
 *   fails at once with SQLITE_BUSY when another process committed in between (the busy
 *   timeout cannot help it); taking the write lock up front makes it wait its turn instead;
 * - synchronous=NORMAL: under WAL a commit stays atomic and durable across a process crash,
 *   only the last commits may be lost on a power cut (SQLite's advice for WAL).
 */
class AdaptateurSqlite extends PrismaBetterSqlite3 {
  override async connect() {
    const adaptateur = await super.connect();
    const db = (adaptateur as unknown as { client: Database.Database }).client;
    db.pragma("synchronous = NORMAL");
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql)) as typeof db.prepare;
    return adaptateur;
  }
}

/** Migrate the SQLite file at `url` (unless `migrer: false`: another process did), then return a PrismaClient bound to it. */
export function openDatabase(
  url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
  options: { journaliserRequetes?: boolean; migrer?: boolean } = {},
): PrismaClient {
  if (options.migrer !== false) prepareDatabase(url);
  return new PrismaClient({
    adapter: new AdaptateurSqlite({ url, timeout: ATTENTE_VERROU_MS }),
    ...(options.journaliserRequetes ? { log: [{ emit: "event" as const, level: "query" as const }] } : {}),
  });
}

export type Db = PrismaClient;
