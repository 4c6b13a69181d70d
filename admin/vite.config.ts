import { fileURLToPath, URL } from "node:url";
import vue from "@vitejs/plugin-vue";
import { defineConfig } from "vite";

// SEGUR_API lets several dev servers run side by side.
const api = process.env.SEGUR_API ?? "http://localhost:4000";

export default defineConfig({
  base: "/",
  plugins: [vue()],
  resolve: {
    alias: [
      // Offline build of Iconify: icons come from src/icons/collections.ts, never from the public API.
      { find: /^@iconify\/vue$/, replacement: "@iconify/vue/offline" },
      { find: /^~\//, replacement: fileURLToPath(new URL("./src/", import.meta.url)) },
    ],
  },
  server: {
    port: 5173,
    proxy: {
      // Exact path segments only, so SPA routes such as /exports stay client-side.
      "^/(graphql|pieces|export|lots)(/|\\?|$)": { target: api },
    },
  },
  preview: { port: 5174 },
  build: {
    outDir: "dist",
    manifest: true, // read by scripts/report-size.mjs
    // Keep DSFR's ~1,000 SVG icons and fonts as files instead of inlining them into the CSS.
    assetsInlineLimit: (file) => (file.includes("/@gouvfr/dsfr/") ? false : undefined),
  },
});
