import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

// Prisma 7's CLI will not start (not even `prisma generate`) until its Rust schema-engine binary
// exists, and that binary is downloaded from a host we cannot reach. Point it at the
// WebAssembly-backed stand-in (SQLite only) unless the caller provides a real binary.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(new URL("./scripts/schema-engine-shim.mjs", import.meta.url));

export default defineConfig({
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  // Only used by `prisma migrate|db` commands (through the shim); the app uses the adapter.
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/segur.db" },
});
