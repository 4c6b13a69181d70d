import { defineConfig } from "vitest/config";
import { aliasGraphql } from "../test/vitest.shared.js";

export default defineConfig({
  resolve: { alias: aliasGraphql },
  test: { name: "server", include: ["test/**/*.test.ts"], testTimeout: 20_000 },
});
