#!/usr/bin/env node
// Create Prisma migrations offline for BOTH databases (no Rust schema-engine binary), with Prisma's
// own schema engine compiled to WebAssembly (@prisma/schema-engine-wasm): diff "existing migrations
// replayed on a shadow database" against the schema, what `prisma migrate dev --create-only` does.
//   SQLite:      schema.prisma -> migrations/, shadow = in-memory database (no server needed)
//   PostgreSQL:  schema.postgresql.prisma (derived) -> migrations-postgresql/, shadow = throwaway
//                databases created and dropped by this script on the server of SHADOW_DATABASE_URL
//                (e.g. .../postgres; role with CREATEDB); nothing is written to that database.
// Run from prisma/ (the package's scripts do).
//   node scripts/prisma-migrate-diff.mjs <name>           a migration for each provider whose schema changed,
//                                                         same folder name in both
//   node scripts/prisma-migrate-diff.mjs --empty <name>   empty migration.sql in both folders (hand-written SQL)
//   node scripts/prisma-migrate-diff.mjs --check          exit 1 if a schema has changes without a migration;
//                                                         without SHADOW_DATABASE_URL the PostgreSQL half is skipped
//   env: PROVIDERS=sqlite,postgresql (default both)  SHADOW_DATABASE_URL=postgresql://...  DEBUG=1
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { randomUUID } from "node:crypto";
import { execFileSync } from "node:child_process";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);
const TARGETS = {
  sqlite: { schema: "schema.prisma", migrations: "migrations" },
  postgresql: { schema: "schema.postgresql.prisma", migrations: "migrations-postgresql" },
};
const arg = process.argv[2];
if (
  !arg ||
  (arg.startsWith("-") && arg !== "--check" && arg !== "--empty") ||
  (arg === "--empty" && !process.argv[3])
) {
  console.error("usage: prisma-migrate-diff.mjs <migration_name> | --empty <migration_name> | --check");
  process.exit(2);
}
if (arg === "--empty") {
  const name = `${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${process.argv[3].replace(/[^A-Za-z0-9_]/g, "_")}`;
  for (const [provider, t] of Object.entries(TARGETS)) {
    fs.mkdirSync(path.join(t.migrations, name), { recursive: true });
    fs.writeFileSync(path.join(t.migrations, name, "migration.sql"), `-- ${provider}: hand-written migration\n`);
    console.log(`created ${path.join(t.migrations, name, "migration.sql")}`);
  }
  process.exit(0);
}
// PostgreSQL's schema is derived from schema.prisma: refresh it first, or its migration would miss the change.
if (arg !== "--check")
  execFileSync(process.execPath, [path.join("scripts", "derive-pg-schema.mjs")], { stdio: "inherit" });
let providers = (process.env.PROVIDERS ?? "sqlite,postgresql")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
if (providers.includes("postgresql") && !process.env.SHADOW_DATABASE_URL) {
  if (arg !== "--check") {
    console.error(
      "SHADOW_DATABASE_URL=postgresql://… est requis pour écrire la migration PostgreSQL (scripts/pg-test-cluster.sh start /tmp/pgtest en donne une) ; PROVIDERS=sqlite pour SQLite seul",
    );
    process.exit(2);
  }
  console.log("[postgresql] vérification ignorée : SHADOW_DATABASE_URL n'est pas défini (la CI le définit)");
  providers = providers.filter((p) => p !== "postgresql");
}

async function loadSchemaEngine() {
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const dir = path.dirname(bgPath);
  const wasmVersion = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).version;
  try {
    const prismaRequire = createRequire(require.resolve("prisma/package.json"));
    const cliEngines = prismaRequire("@prisma/engines-version/package.json").version;
    if (cliEngines !== wasmVersion)
      console.warn(`warning: @prisma/schema-engine-wasm is ${wasmVersion} but prisma uses engines ${cliEngines}`);
  } catch {
    /* informational only */
  }
  const bg = await import(bgPath);
  const inst = new WebAssembly.Instance(
    new WebAssembly.Module(fs.readFileSync(path.join(dir, "schema_engine_bg.wasm"))),
    { "./schema_engine_bg.js": bg },
  );
  bg.__wbg_set_wasm(inst.exports);
  inst.exports.__wbindgen_start();
  return bg.SchemaEngine;
}

function sqliteFactory() {
  // better-sqlite3 runs executeRaw as ONE statement: route arg-less raw commands to exec().
  const factory = new PrismaBetterSqlite3({ url: ":memory:" });
  const connect = async () => {
    const a = await factory.connectToShadowDb();
    const executeRaw = a.executeRaw.bind(a);
    a.executeRaw = async (q) => (q.args.length === 0 ? (await a.executeScript(q.sql), 0) : executeRaw(q));
    return a;
  };
  return bindMigrationAwareSqlAdapterFactory({
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect,
    connectToShadowDb: connect,
  });
}

function postgresFactory() {
  const url = process.env.SHADOW_DATABASE_URL;
  if (!url)
    throw new Error(
      "SHADOW_DATABASE_URL=postgresql://user:pw@host:port/db is required for the postgresql migrations (role with CREATEDB)",
    );
  // Discrete fields, not { connectionString }: node-postgres lets a connectionString's database win over
  // `database` (that is why adapter-pg 7.10.0's own connectToShadowDb() is not used: with a URL it
  // creates the throwaway database, then replays the migrations on the database named in the URL;
  // and its cleanup runs DROP DATABASE before closing its pool, which fails "being accessed by other users").
  const u = new URL(url);
  const base = {
    host: u.hostname,
    port: Number(u.port || 5432),
    database: decodeURIComponent(u.pathname.slice(1)) || "postgres",
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
  };
  const opened = [];
  // Both connect() and connectToShadowDb() get a fresh throwaway database: the engine replays the
  // migrations through whichever it is given, and nothing must ever be written to a real database.
  const throwaway = async () => {
    const admin = new pg.Client(base);
    await admin.connect();
    const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    const pool = new pg.Pool({ ...base, database: name, max: 2 });
    const a = await new PrismaPg(pool).connect();
    let disposed = false;
    a.dispose = async () => {
      if (disposed) return;
      disposed = true;
      await pool.end();
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.end();
    };
    // adapter-pg's executeScript() splits the script on ";" (breaks $$ function bodies): send it whole
    // (node-postgres uses the simple query protocol when there are no parameters: multi-statement OK).
    a.executeScript = async (sql) => {
      await pool.query(sql);
    };
    // The engine's introspection of the shadow database selects catalog columns of type "char" (OID 18),
    // which adapter-pg 7.10.0 rejects: every diff from existing migrations fails with "Column type 'char'
    // could not be deserialized from the database". node-postgres returns them as strings: report TEXT (25).
    const performIO = a.performIO.bind(a);
    a.performIO = async (q) => {
      const r = await performIO(q);
      for (const f of r.fields ?? []) if (f.dataTypeID === 18) f.dataTypeID = 25;
      return r;
    };
    if (process.env.DEBUG)
      for (const m of ["queryRaw", "executeRaw", "executeScript"]) {
        const orig = a[m].bind(a);
        a[m] = async (q) => {
          try {
            return await orig(q);
          } catch (e) {
            console.error(`[debug] ${m} failed:`, String(q?.sql ?? q).slice(0, 300), e?.cause ?? e);
            throw e;
          }
        };
      }
    opened.push(a);
    return a;
  };
  const f = bindMigrationAwareSqlAdapterFactory({
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: throwaway,
    connectToShadowDb: throwaway,
  });
  f.disposeAll = async () => {
    for (const a of opened.splice(0)) await a.dispose();
  }; // drops the throwaway DBs
  return f;
}

function readMigrationsList(migrationsDir) {
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const dirs = fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((d) => {
      const file = path.join(migrationsDir, d, "migration.sql");
      const content = fs.existsSync(file)
        ? { tag: "ok", value: fs.readFileSync(file, "utf8") }
        : { tag: "error", value: `missing ${file}` };
      return { path: d, migrationFile: { path: "migration.sql", content } };
    }),
  };
}

const SchemaEngine = await loadSchemaEngine();
const ts = new Date().toISOString().replace(/\D/g, "").slice(0, 14); // same folder name for both providers
let failed = false;
for (const provider of providers) {
  const t = TARGETS[provider];
  if (!t) throw new Error(`unknown provider ${provider}`);
  const schemaPath = path.resolve(t.schema);
  const migrationsDir = path.resolve(t.migrations);
  const schema = fs.readFileSync(schemaPath, "utf8");
  const t0 = performance.now();
  const factory = provider === "sqlite" ? sqliteFactory() : postgresFactory();
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    (log) => {
      if (process.env.DEBUG) console.error(log);
    },
    factory,
  );
  const migrations = readMigrationsList(migrationsDir);
  let res, error;
  try {
    res = await engine.diff({
      from: migrations.migrationDirectories.length ? { tag: "migrations", ...migrations } : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: true, // exitCode 2 = non-empty diff
      filters: { externalTables: [], externalEnums: [] },
    });
  } catch (e) {
    error = e;
  } finally {
    engine.free();
    await factory.disposeAll?.(); // also after an error: no throwaway database is left behind
  }
  if (error) {
    console.error(
      `[${provider}] schema engine error${error?.code ? ` ${error.code}` : ""}: ${error?.message ?? error}`,
    );
    process.exit(1);
  }
  const ms = Math.round(performance.now() - t0);
  const sql = res.stdout ?? "";
  const changed = res.exitCode === 2;
  if (arg === "--check") {
    if (changed) {
      console.error(`[${provider}] ${t.schema} has changes that are not in ${t.migrations}:\n\n${sql}`);
      failed = true;
    } else console.log(`[${provider}] ${t.migrations} is in sync with ${t.schema} (${ms} ms)`);
    continue;
  }
  if (!changed) {
    console.log(`[${provider}] no schema changes; no migration created (${ms} ms)`);
    continue;
  }
  const name = `${ts}_${arg.replace(/[^A-Za-z0-9_]/g, "_")}`;
  fs.mkdirSync(path.join(migrationsDir, name), { recursive: true });
  fs.writeFileSync(path.join(migrationsDir, name, "migration.sql"), sql);
  const lock = path.join(migrationsDir, "migration_lock.toml");
  if (!fs.existsSync(lock))
    fs.writeFileSync(
      lock,
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`,
    );
  console.log(
    `[${provider}] created ${path.relative(process.cwd(), path.join(migrationsDir, name, "migration.sql"))} (${ms} ms)`,
  );
}
process.exit(failed ? 1 : 0);
