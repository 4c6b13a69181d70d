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

/** Migrate the SQLite file at `url`, then return a PrismaClient bound to it. */
export function openDatabase(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, options: { journaliserRequetes?: boolean } = {}): PrismaClient {
  prepareDatabase(url);
  return new PrismaClient({
    adapter: new PrismaBetterSqlite3({ url }),
    ...(options.journaliserRequetes ? { log: [{ emit: "event" as const, level: "query" as const }] } : {}),
  });
}

export type Db = PrismaClient;
