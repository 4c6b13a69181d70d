// `pnpm seed [--count N] [--massif]`: demo accounts, the supplier guide's demandes and N generated
// demandes. Small counts go through the real import (one per demande: slow, but every service runs);
// from SEUIL_MASSIF on (or with --massif) the bulk generator writes them (100k in a few minutes).
import { parseArgs } from "node:util";
import { DEFAULT_DATABASE_URL, sqlitePathFromUrl } from "@segur/prisma";
import { COMPTES_DEMO, semer } from "../seed/service.js";
import { semerMassif } from "../seed/jeu-massif.js";
import { echouer, ouvrir } from "./outils.js";

const SEUIL_MASSIF = 1000;

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "40" },
    graine: { type: "string", default: "2023" },
    massif: { type: "boolean", default: false },
  },
  allowPositionals: true,
});
const count = Number(values.count);
if (!Number.isInteger(count) || count < 0) echouer("--count attend un entier positif");
const { config, prisma } = await ouvrir();
const debut = performance.now();
const { demandes } =
  values.massif || count >= SEUIL_MASSIF
    ? await semerMassif(prisma, config, sqlitePathFromUrl(config.databaseUrl ?? DEFAULT_DATABASE_URL), {
        count,
        graine: Number(values.graine),
        progression: (n) => console.log(`  … ${n} / ${count}`),
      })
    : await semer(prisma, config, { count, graine: Number(values.graine) });
console.log(`${demandes} demande(s) en base (${Math.round(performance.now() - debut)} ms).`);
for (const c of Object.values(COMPTES_DEMO)) console.log(`  ${c.role.toLowerCase()} : ${c.email} / ${c.motDePasse}`);
await prisma.$disconnect();
