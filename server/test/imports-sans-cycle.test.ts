import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * No runtime import cycle in server/src: a cycle makes a module's exports undefined while the
 * other half loads (the old routes.ts ↔ export handlers). Type-only imports (`import type`,
 * `export type`) are erased and may point back.
 */
const SRC = fileURLToPath(new URL("../src/", import.meta.url));

function modules(dossier: string): string[] {
  return fs.readdirSync(dossier, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dossier, e.name);
    return e.isDirectory() ? modules(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** Relative imports of a module that remain at run time, as resolved .ts files. */
function importsExecutes(fichier: string): string[] {
  const source = fs.readFileSync(fichier, "utf8");
  const cibles = [...source.matchAll(/^\s*(import|export)\s+(?!type\s)(?:[^;"]*?\sfrom\s+)?"(\.[^"]+)"/gm)].map(
    (m) => m[2]!,
  );
  return cibles
    .map((c) => path.resolve(path.dirname(fichier), c.replace(/\.js$/, ".ts")))
    .filter((c) => fs.existsSync(c));
}

function cycles(graphe: Map<string, string[]>): string[] {
  const etat = new Map<string, "en cours" | "fini">();
  const pile: string[] = [];
  const trouves: string[] = [];
  const visiter = (m: string) => {
    etat.set(m, "en cours");
    pile.push(m);
    for (const d of graphe.get(m) ?? []) {
      if (etat.get(d) === "en cours")
        trouves.push([...pile.slice(pile.indexOf(d)), d].map((x) => path.relative(SRC, x)).join(" → "));
      else if (!etat.has(d)) visiter(d);
    }
    pile.pop();
    etat.set(m, "fini");
  };
  for (const m of graphe.keys()) if (!etat.has(m)) visiter(m);
  return trouves;
}

describe("server/src imports", () => {
  const graphe = new Map(modules(SRC).map((m) => [m, importsExecutes(m)]));

  it("are read (the HTTP route plugins import their handlers)", () => {
    const plugin = path.join(SRC, "http/useExportDemandes.ts");
    expect(graphe.get(plugin)).toContain(path.join(SRC, "export/csv.ts"));
  });

  it("form no cycle at run time", () => {
    expect(cycles(graphe)).toEqual([]);
  });
});
