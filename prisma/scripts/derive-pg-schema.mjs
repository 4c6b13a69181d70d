#!/usr/bin/env node
// Writes schema.postgresql.prisma from schema.prisma, the single source of the model: only the
// datasource provider and the client's output folder change, and the Pothos generator is left
// out (the Pothos types stay generated from the SQLite schema: every model type is identical).
//   node scripts/derive-pg-schema.mjs          write it (run by `generate`)
//   node scripts/derive-pg-schema.mjs --check  exit 1 if the committed derived file is stale
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const racine = fileURLToPath(new URL("..", import.meta.url));
const SOURCE = path.join(racine, "schema.prisma");
const DERIVE = path.join(racine, "schema.postgresql.prisma");

/** The derived schema's text, from the source's. */
export function deriver(source) {
  // A native type (@db.X) would tie the source to one provider.
  if (/@db\./.test(source))
    throw new Error("schema.prisma : types natifs (@db.*) interdits, le modèle doit rester portable");
  const remplacer = (texte, re, par, quoi) => {
    const n = (texte.match(new RegExp(re.source, "g")) ?? []).length;
    if (n !== 1) throw new Error(`schema.prisma : ${quoi} attendu une fois, trouvé ${n} fois`);
    return texte.replace(re, par);
  };
  let out = remplacer(
    source,
    /(datasource\s+\w+\s*\{[^}]*provider\s*=\s*)"sqlite"/,
    '$1"postgresql"',
    'provider = "sqlite"',
  );
  out = remplacer(
    out,
    /(generator\s+client\s*\{[^}]*output\s*=\s*)"\.\/generated\/prisma"/,
    '$1"./generated/prisma-pg"',
    'output = "./generated/prisma"',
  );
  out = remplacer(out, /\ngenerator\s+pothos\s*\{[^}]*\}\n/, "\n", "generator pothos");
  return `// GÉNÉRÉ depuis schema.prisma par scripts/derive-pg-schema.mjs : ne pas modifier.\n${out}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const attendu = deriver(fs.readFileSync(SOURCE, "utf8"));
  if (process.argv.includes("--check")) {
    const actuel = fs.existsSync(DERIVE) ? fs.readFileSync(DERIVE, "utf8") : "";
    if (actuel !== attendu) {
      console.error(
        "prisma/schema.postgresql.prisma n'est pas à jour : node scripts/derive-pg-schema.mjs (ou pnpm --filter @segur/prisma generate)",
      );
      process.exit(1);
    }
    console.log("prisma/schema.postgresql.prisma est à jour");
  } else if (!fs.existsSync(DERIVE) || fs.readFileSync(DERIVE, "utf8") !== attendu) {
    fs.writeFileSync(DERIVE, attendu);
    console.log("prisma/schema.postgresql.prisma écrit");
  }
}
