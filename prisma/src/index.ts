import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.js";
import { PrismaClient as PrismaClientPg } from "../generated/prisma-pg/client.js";
import { migrateDatabase, optimiser, sqlitePathFromUrl, type MigrateResult } from "./migrate.js";
import { analyserPostgres, migrerPostgres, SESSION_UTC } from "./migrate-pg.js";
import { dialecteUrl, type Dialecte } from "./dialecte.js";
export { dialecteUrl, marque, type Dialecte } from "./dialecte.js";
export { messageBase, estConflitRejouable, estViolationUnicite } from "./erreurs.js";

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

/** PostgreSQL's migrations: a baseline of SQLite's first ten, then the same folder names as SQLite's. */
export const MIGRATIONS_DIR_POSTGRESQL = process.env.PRISMA_MIGRATIONS_DIR_POSTGRESQL
  ? path.resolve(process.env.PRISMA_MIGRATIONS_DIR_POSTGRESQL)
  : fileURLToPath(new URL("../migrations-postgresql", import.meta.url));

/** The migrations folder of the URL's database (e.g. for a readiness check of pending migrations). */
export const dossierMigrations = (url: string) =>
  dialecteUrl(url) === "postgresql" ? MIGRATIONS_DIR_POSTGRESQL : MIGRATIONS_DIR;

export const DEFAULT_DATABASE_URL = `file:${fileURLToPath(new URL("../data/segur.db", import.meta.url))}`;

/** SQLite (synchronous): create the file if needed, switch it to WAL, apply pending migrations. PostgreSQL: `preparerBase`. */
export function prepareDatabase(url: string): MigrateResult {
  if (dialecteUrl(url) === "postgresql")
    throw new Error("PostgreSQL se migre de façon asynchrone : preparerBase(url) ou ouvrirBase(url)");
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

/** Either database: apply pending migrations (PostgreSQL: one instance at a time, advisory lock). */
export async function preparerBase(url: string): Promise<MigrateResult> {
  return dialecteUrl(url) === "postgresql" ? migrerPostgres(url, MIGRATIONS_DIR_POSTGRESQL) : prepareDatabase(url);
}

/** Refresh the planner's statistics: PRAGMA optimize on SQLite (synchronous), ANALYZE on PostgreSQL. */
export function optimiserStatistiques(url: string): void | Promise<void> {
  return dialecteUrl(url) === "postgresql" ? analyserPostgres(url) : optimiser(url);
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

export interface OptionsOuverture {
  journaliserRequetes?: boolean;
  /** false: another process applied the migrations. */
  migrer?: boolean;
  /** PostgreSQL: connections in this process's pool (default: DATABASE_POOL_MAX, else 10). */
  connexionsMax?: number;
}

/**
 * DATABASE_POOL_MAX: PostgreSQL connections per server process (1–1000, default 10). N instances ×
 * PROCESSUS × this must stay below the server's max_connections (docs/deploy.md, "Connection pooling").
 */
export function connexionsMaxConfig(raw = process.env.DATABASE_POOL_MAX): number {
  if (raw === undefined || raw.trim() === "") return 10;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new Error(`DATABASE_POOL_MAX doit être un entier de 1 à 1000 (reçu « ${raw} »)`);
  return n;
}

const DIALECTE = Symbol.for("segur.dialecte");
const POOL = Symbol.for("segur.pool");

function client(url: string, options: OptionsOuverture): Db {
  const log = options.journaliserRequetes ? { log: [{ emit: "event" as const, level: "query" as const }] } : {};
  if (dialecteUrl(url) === "postgresql") {
    // Our own pool (ended by $disconnect all the same), so that the metrics can read its figures.
    const pool = new pg.Pool({
      connectionString: url,
      max: options.connexionsMax ?? connexionsMaxConfig(),
      options: SESSION_UTC,
    });
    // The one cast: TypeScript cannot relate the two clients' $transaction overloads, although every
    // model and result type is identical and every PostgreSQL input type is a superset of SQLite's.
    const db = new PrismaClientPg({
      adapter: new PrismaPg(pool, { disposeExternalPool: true }),
      ...log,
    }) as unknown as Db;
    Object.defineProperty(db, DIALECTE, { value: "postgresql" });
    Object.defineProperty(db, POOL, { value: pool });
    return db;
  }
  const db = new PrismaClient({ adapter: new AdaptateurSqlite({ url, timeout: ATTENTE_VERROU_MS }), ...log });
  Object.defineProperty(db, DIALECTE, { value: "sqlite" });
  return db;
}

/**
 * SQLite (synchronous, existing callers): migrate the file at `url` (unless `migrer: false`), then
 * return a client bound to it. PostgreSQL migrates asynchronously: use `ouvrirBase`.
 */
export function openDatabase(
  url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
  options: OptionsOuverture = {},
): Db {
  if (dialecteUrl(url) === "postgresql" && options.migrer !== false)
    throw new Error("PostgreSQL se migre de façon asynchrone : ouvrirBase(url) (ou migrer: false)");
  if (options.migrer !== false) prepareDatabase(url);
  return client(url, options);
}

/** Either database, picked by the URL's scheme (`file:` or `postgresql://`): migrate (unless `migrer: false`), then return a client. */
export async function ouvrirBase(
  url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
  options: OptionsOuverture = {},
): Promise<Db> {
  if (options.migrer !== false) await preparerBase(url);
  return client(url, options);
}

export interface EtatPool {
  /** Connections open (idle or lent). */
  ouvertes: number;
  libres: number;
  /** Queries waiting for a connection. */
  enAttente: number;
}

/** The figures of a PostgreSQL client's connection pool; null on SQLite (one connection per process). */
export function etatPool(db: unknown): EtatPool | null {
  const pool = (db as { [POOL]?: pg.Pool })[POOL];
  return pool ? { ouvertes: pool.totalCount, libres: pool.idleCount, enAttente: pool.waitingCount } : null;
}

/** Which database a client (or a transaction's client) talks to: where SQL differs, code branches on it. */
export function dialecte(db: unknown): Dialecte {
  return (db as { [DIALECTE]?: Dialecte })[DIALECTE] ?? "sqlite";
}

export type Db = PrismaClient;
