import { defineProject, mergeConfig } from "vitest/config";
import viteConfig from "./vite.config";

export default mergeConfig(
  viteConfig,
  defineProject({
    test: {
      name: "admin",
      environment: "happy-dom",
      include: ["src/**/*.test.ts"],
      setupFiles: ["./src/test-setup.ts"],
    },
  }),
);
