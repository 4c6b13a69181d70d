import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { aliasGraphql } from "./vitest.shared.js";
import { raisonSansPostgres } from "./postgresql/disponible.js";

// One configuration that runs every package's tests (`pnpm test` at the top level).
const racine = fileURLToPath(new URL("..", import.meta.url));
// The integration tests run a second time on PostgreSQL; skipped, once said, where no server can be had.
const sansPostgres = raisonSansPostgres();
if (sansPostgres && !process.env.VITEST_WORKER_ID) console.warn(sansPostgres);

export default defineConfig({
  test: {
    root: racine,
    // Two workers on a 2-core machine (vitest's default is cores − 1 = one): most test time is spent
    // waiting on SQLite, PostgreSQL and child servers; the proving suites still run alone, last.
    maxWorkers: 2,
    // `--project integration-pg` alone, without PostgreSQL: the message above, then no test, no failure.
    ...(sansPostgres ? { passWithNoTests: true } : {}),
    projects: [
      "shared/vitest.config.ts",
      "server/vitest.config.ts",
      "admin/vitest.config.ts",
      {
        resolve: { alias: aliasGraphql },
        test: {
          name: "integration",
          root: racine,
          include: ["test/integration/**/*.test.ts"],
          testTimeout: 30_000,
          // Some files seed dozens of demandes before their tests: generous on a loaded 2-core machine.
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias: aliasGraphql },
        test: {
          name: "integration-pg",
          root: racine,
          include: sansPostgres ? [] : ["test/integration/**/*.test.ts"],
          // server/test/aide.ts gives each test app its own copy of the migrated template database.
          env: { SEGUR_TEST_BASE: "postgresql" },
          globalSetup: sansPostgres ? [] : ["test/postgresql/modele.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias: aliasGraphql },
        test: {
          name: "preuves",
          root: racine,
          include: ["test/preuves/**/*.test.ts"],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // HTTP servers, child processes and one figures file: the suites run one after another,
          // after every other project (their timings are not disturbed, nor do they disturb).
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
          sequence: { groupOrder: 1 },
        },
      },
      {
        resolve: { alias: aliasGraphql },
        test: {
          name: "e2e",
          root: racine,
          include: ["test/e2e/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser and one server: run the browser files one after another.
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
          globalSetup: ["test/e2e/support/chromium.ts"],
        },
      },
    ],
  },
});
