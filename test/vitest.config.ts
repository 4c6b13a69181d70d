import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { aliasGraphql } from "./vitest.shared.js";

// One configuration that runs every package's tests (`pnpm test` at the top level).
const racine = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  test: {
    root: racine,
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
