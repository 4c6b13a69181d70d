// `pnpm --filter @segur/server traces:purger`: deletes access traces older than 12 months
// (SPEC §9). The database itself refuses to delete younger ones. Meant for a daily cron, which
// may run on every instance: the job's lease (BailTache) lets one of them purge at a time.
import { purgerTraces } from "../acces/trace.js";
import { executerSousBail } from "../commun/bail-tache.js";
import { ouvrir } from "./outils.js";

const { prisma } = await ouvrir();
let n = 0;
const purge = await executerSousBail(
  prisma,
  "purge-traces",
  3_600_000,
  async () => void (n = await purgerTraces(prisma)),
  undefined,
  { liberer: true },
);
await prisma.$disconnect();
console.log(
  !purge
    ? "Purge des traces d'accès en cours sur une autre instance (bail tenu) : rien fait ici."
    : n
      ? `${n} trace(s) d'accès de plus de 12 mois supprimée(s).`
      : "Aucune trace d'accès de plus de 12 mois à supprimer.",
);
