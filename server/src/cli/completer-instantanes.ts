// `pnpm --filter @segur/server historique:instantanes`: writes the snapshots that histories
// written before them (or in bulk) lack, so that reading any of their versions stays bounded.
// Safe to run again: existing snapshots are kept; each demande in its own transaction.
import { completerInstantanes } from "../historique/service.js";
import { INTERVALLE_INSTANTANES } from "../historique/instantanes.js";
import { ouvrir } from "./outils.js";

const { prisma } = await ouvrir();
let ecrits = 0;
let demandes = 0;
for (let apres = 0; ;) {
  // Only demandes with at least one K-th version, by id pages (never a list of every id).
  const page = await prisma.demande.findMany({
    where: { id: { gt: apres }, versionCourante: { gte: INTERVALLE_INSTANTANES } },
    orderBy: { id: "asc" },
    take: 200,
    select: { id: true },
  });
  if (!page.length) break;
  for (const { id } of page) {
    ecrits += await prisma.$transaction((tx) => completerInstantanes(tx, id), { timeout: 120_000 });
    demandes++;
  }
  apres = page.at(-1)!.id;
}
await prisma.$disconnect();
console.log(
  `Instantanés : ${ecrits} écrit(s) pour ${demandes} demande(s) d'au moins ${INTERVALLE_INSTANTANES} versions.`,
);
