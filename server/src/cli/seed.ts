// `pnpm seed [--count N]`: demo accounts, the supplier guide's demandes and N generated demandes.
import { parseArgs } from "node:util";
import { COMPTES_DEMO, semer } from "../seed/service.js";
import { echouer, ouvrir } from "./outils.js";

const { values } = parseArgs({ options: { count: { type: "string", default: "40" }, graine: { type: "string", default: "2023" } }, allowPositionals: true });
const count = Number(values.count);
if (!Number.isInteger(count) || count < 0) echouer("--count attend un entier positif");
const { config, prisma } = ouvrir();
const debut = performance.now();
const { demandes } = await semer(prisma, config, { count, graine: Number(values.graine) });
console.log(`${demandes} demande(s) en base (${Math.round(performance.now() - debut)} ms).`);
for (const c of Object.values(COMPTES_DEMO)) console.log(`  ${c.role.toLowerCase()} : ${c.email} / ${c.motDePasse}`);
await prisma.$disconnect();
