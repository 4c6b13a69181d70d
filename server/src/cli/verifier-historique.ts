// `pnpm --filter @segur/server historique:verifier`: recomputes every hash of the history
// (versions, changes, audit events) and reports any break; exit code 1 when one is found.
import { verifierChaines } from "../historique/service.js";
import { ouvrir } from "./outils.js";

const { prisma } = await ouvrir();
const { versions, evenements, ruptures } = await verifierChaines(prisma);
await prisma.$disconnect();

console.log(`Historique vérifié : ${versions} version(s) et ${evenements} événement(s) d'audit.`);
if (!ruptures.length) {
  console.log("✓ Aucune rupture : l'historique n'a pas été modifié.");
  process.exit(0);
}
console.error(`✗ ${ruptures.length} rupture(s) de la chaîne : l'historique a été modifié hors de l'application.`);
for (const r of ruptures) {
  const ou = r.demande ? `demande ${r.demande}` : "journal général (sans demande)";
  const quoi = r.nature === "VERSION" ? `version ${r.numero}` : `événement n° ${r.numero}`;
  console.error(`  ✗ ${ou}, ${quoi} : ${r.raison}`);
}
process.exit(1);
