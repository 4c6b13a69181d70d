// `pnpm demo`: migrate, seed demo data on first start, print the demo accounts and a fresh
// supplier API key, then serve the API and the built SPA on one port.
import cluster from "node:cluster";
import { ouvrirBase } from "@segur/prisma";
import { lireConfig } from "../config.js";
import { COMPTES_DEMO, semer } from "../seed/service.js";
import { creerCleApi } from "../auth/service.js";

// With PROCESSUS > 1 the workers re-run this file: only the primary seeds and issues the key.
if (cluster.isPrimary) {
  const config = lireConfig();
  const prisma = await ouvrirBase(config.databaseUrl);
  if ((await prisma.demande.count()) === 0) {
    console.log("Premier démarrage : création des données de démonstration…");
    await semer(prisma, config, { count: Number(process.env.DEMO_COUNT ?? 60) });
  }
  // Demo keys are shown once: revoke the previous ones and issue a new key at each start.
  await prisma.cleApi.updateMany({
    where: { libelle: "Démo éditeur 00001", revoqueeLe: null },
    data: { revoqueeLe: new Date() },
  });
  const { cle } = await creerCleApi(prisma, { numeroEditeur: "00001", libelle: "Démo éditeur 00001" });
  await prisma.$disconnect();

  console.log("\nComptes de démonstration :");
  for (const c of Object.values(COMPTES_DEMO))
    console.log(`  ${c.role.toLowerCase().padEnd(12)} ${c.email} / ${c.motDePasse}`);
  console.log(`  fournisseur  clé API (éditeur 00001) : ${cle}`);
  console.log(
    `               curl -H 'Authorization: Bearer ${cle}' -H 'content-type: application/json' \\\n                 -d '{"query":"{ demandes { totalCount } }"}' http://localhost:${config.port}/graphql\n`,
  );
}
await import("../main.js");
