// Prints the gzip size of what the browser loads before any page chunk, from Vite's manifest.
// Fails (exit 1) when the initial JavaScript exceeds the budget.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const LIMITE_JS_KO = 250;
const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8"));

const gzip = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const ko = (bytes) => (bytes / 1024).toFixed(1);

// Entry chunks and, transitively, their static imports; dynamic imports (pages) are excluded.
const js = new Set();
const css = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || js.has(chunk.file)) return;
  js.add(chunk.file);
  for (const file of chunk.css ?? []) css.add(file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
for (const [key, chunk] of Object.entries(manifest)) {
  if (chunk.isEntry) visit(key);
}
if (js.size === 0) {
  console.error("Aucun point d’entrée dans dist/.vite/manifest.json");
  process.exit(1);
}

const total = (files) => [...files].reduce((sum, file) => sum + gzip(file), 0);
const jsInitial = total(js);
const cssInitial = total(css);

const fichiers = (n) => `${n} fichier${n > 1 ? "s" : ""}`;
console.log(`JS initial : ${ko(jsInitial)} Ko gzip (limite ${LIMITE_JS_KO} Ko) — ${fichiers(js.size)}`);
console.log(`CSS initial : ${ko(cssInitial)} Ko gzip — ${fichiers(css.size)}`);

if (jsInitial > LIMITE_JS_KO * 1024) {
  console.error(`Le JavaScript initial dépasse la limite de ${LIMITE_JS_KO} Ko gzip.`);
  process.exit(1);
}
