#!/usr/bin/env node
// `pnpm start` builds the server into one JavaScript file (dist/main.mjs, under a second) and runs
// it with plain node: tsx's loader (a module-hooks thread with its own heap) costs each server
// process about 100 MB of memory. Development, tests, the demo and the tools keep running the
// TypeScript sources through tsx; this only changes what `pnpm start` runs.
// - npm packages stay imports (node resolves them as before), the workspace's TypeScript is bundled;
// - `import.meta.url` keeps meaning the source file's own URL (migrations, data and SPA folders);
// - the other workspace packages' dependencies (prisma, shared) are found from their own folders.
import path from "node:path";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const serveur = fileURLToPath(new URL("..", import.meta.url));
const racine = path.dirname(serveur);
const sortie = path.join(serveur, "dist");
const versSortie = (fichier) => path.relative(sortie, fichier).split(path.sep).join("/");
const espaceDeTravail = (fichier) =>
  !fichier.includes(`${path.sep}node_modules${path.sep}`) && fichier.startsWith(racine);

const sources = {
  name: "sources",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (!espaceDeTravail(args.path)) return undefined;
      const texte = fs.readFileSync(args.path, "utf8");
      return {
        contents: texte.replaceAll(
          "import.meta.url",
          `new URL(${JSON.stringify(versSortie(args.path))}, import.meta.url).href`,
        ),
        loader: "ts",
      };
    });
    // Bare imports of the workspace's packages (@segur/*) are bundled; other bare imports stay imports,
    // those of prisma/ and shared/ resolved now from their folder (node looks from dist/, in server/).
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith("@segur/") || args.pluginData?.resolu) return undefined;
      if (args.resolveDir.startsWith(serveur)) return { path: args.path, external: true };
      const r = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: { resolu: true },
      });
      if (r.errors.length || !r.path || !path.isAbsolute(r.path)) return { path: args.path, external: true };
      return { path: versSortie(r.path).replace(/^(?!\.)/, "./"), external: true };
    });
  },
};

const debut = performance.now();
const { outputFiles } = await build({
  entryPoints: [path.join(serveur, "src", "main.ts")],
  outfile: path.join(sortie, "main.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: "linked",
  logLevel: "warning",
  plugins: [sources],
  write: false,
});
// Written aside then renamed: a server starting meanwhile (tests, bench) reads a whole file, old or new.
fs.mkdirSync(sortie, { recursive: true });
for (const f of outputFiles) {
  const provisoire = `${f.path}.${process.pid}`;
  fs.writeFileSync(provisoire, f.contents);
  fs.renameSync(provisoire, f.path);
}
console.log(
  `serveur construit : ${versSortie(path.join(sortie, "main.mjs"))} (${Math.round(performance.now() - debut)} ms)`,
);
