#!/usr/bin/env node
// Create Prisma migrations offline (no Rust schema-engine binary, no database file needed).
// Uses Prisma's own schema engine compiled to WebAssembly (@prisma/schema-engine-wasm) to diff
// "all existing prisma/migrations replayed on an in-memory SQLite shadow DB" against
// prisma/schema.prisma -- the same thing `prisma migrate dev --create-only` does.
//
//   node scripts/prisma-migrate-diff.mjs <name>   write prisma/migrations/<UTC timestamp>_<name>/migration.sql
//   node scripts/prisma-migrate-diff.mjs --check  exit 1 if schema.prisma has changes without a migration
//   env: PRISMA_SCHEMA (default prisma/schema.prisma), PRISMA_MIGRATIONS (default prisma/migrations)
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);
const schemaPath = path.resolve(process.env.PRISMA_SCHEMA ?? "schema.prisma");
const migrationsDir = path.resolve(process.env.PRISMA_MIGRATIONS ?? "migrations");
const arg = process.argv[2];
if (!arg || (arg.startsWith("-") && arg !== "--check")) {
  console.error("usage: prisma-migrate-diff.mjs <migration_name> | --check");
  process.exit(2);
}

async function loadSchemaEngine() {
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const dir = path.dirname(bgPath);
  const wasmVersion = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).version;
  try { // the wasm engine should be the build that matches the installed `prisma` CLI
    const prismaRequire = createRequire(require.resolve("prisma/package.json"));
    const cliEngines = prismaRequire("@prisma/engines-version/package.json").version;
    if (cliEngines !== wasmVersion)
      console.warn(`warning: @prisma/schema-engine-wasm is ${wasmVersion} but prisma uses engines ${cliEngines}; pin @prisma/schema-engine-wasm@${cliEngines}`);
  } catch { /* informational only */ }
  const bg = await import(bgPath);
  const inst = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(path.join(dir, "schema_engine_bg.wasm"))), { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(inst.exports);
  inst.exports.__wbindgen_start();
  return bg.SchemaEngine;
}

// In-memory SQLite for both the main and the shadow connection. The engine replays each
// migration.sql through executeRaw, which better-sqlite3 runs as ONE statement
// (prepare().run()); route arg-less raw commands to exec() so multi-statement files work.
function shadowAdapterFactory() {
  const factory = new PrismaBetterSqlite3({ url: ":memory:" });
  const connect = async () => {
    const a = await factory.connectToShadowDb();
    const executeRaw = a.executeRaw.bind(a);
    a.executeRaw = async (q) => (q.args.length === 0 ? (await a.executeScript(q.sql), 0) : executeRaw(q));
    return a;
  };
  return bindMigrationAwareSqlAdapterFactory({ provider: factory.provider, adapterName: factory.adapterName, connect, connectToShadowDb: connect });
}

function readMigrationsList() {
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const dirs = fs.existsSync(migrationsDir)
    ? fs.readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((d) => {
      const file = path.join(migrationsDir, d, "migration.sql");
      const content = fs.existsSync(file) ? { tag: "ok", value: fs.readFileSync(file, "utf8") } : { tag: "error", value: `missing ${file}` };
      return { path: d, migrationFile: { path: "migration.sql", content } };
    }),
  };
}

const schema = fs.readFileSync(schemaPath, "utf8");
const SchemaEngine = await loadSchemaEngine();
const engine = await SchemaEngine.new(
  { datamodels: [[schemaPath, schema]] },
  (log) => { if (process.env.DEBUG) console.error(log); },
  shadowAdapterFactory(),
);
const migrations = readMigrationsList();
let res;
try {
  res = await engine.diff({
    from: migrations.migrationDirectories.length ? { tag: "migrations", ...migrations } : { tag: "empty" },
    to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
    script: true,
    exitCode: true, // exitCode 2 = non-empty diff
    filters: { externalTables: [], externalEnums: [] },
  });
} catch (e) {
  console.error(`schema engine error${e?.code ? ` ${e.code}` : ""}: ${e?.message ?? e}`);
  process.exit(1);
}
const sql = res.stdout ?? "";
const changed = res.exitCode === 2;
if (arg === "--check") {
  if (changed) { console.error("prisma/schema.prisma has changes that are not in prisma/migrations:\n\n" + sql); process.exit(1); }
  console.log("prisma/migrations is in sync with prisma/schema.prisma");
  process.exit(0);
}
if (!changed) { console.log("No schema changes; no migration created."); process.exit(0); }
const ts = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const name = `${ts}_${arg.replace(/[^A-Za-z0-9_]/g, "_")}`;
fs.mkdirSync(path.join(migrationsDir, name), { recursive: true });
fs.writeFileSync(path.join(migrationsDir, name, "migration.sql"), sql);
const lock = path.join(migrationsDir, "migration_lock.toml");
if (!fs.existsSync(lock))
  fs.writeFileSync(lock, '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "sqlite"\n');
console.log(`Created ${path.relative(process.cwd(), path.join(migrationsDir, name, "migration.sql"))}\n\n${sql}`);
