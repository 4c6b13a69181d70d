// `pnpm --filter @segur/server traces:purger`: deletes access traces older than 12 months
// (SPEC §9). The database itself refuses to delete younger ones. Meant for a daily cron.
import { purgerTraces } from "../acces/trace.js";
import { ouvrir } from "./outils.js";

const { prisma } = ouvrir();
const n = await purgerTraces(prisma);
await prisma.$disconnect();
console.log(n ? `${n} trace(s) d'accès de plus de 12 mois supprimée(s).` : "Aucune trace d'accès de plus de 12 mois à supprimer.");
