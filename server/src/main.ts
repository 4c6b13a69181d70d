import http from "node:http";
import cluster from "node:cluster";
import { fileURLToPath } from "node:url";
import fs from "node:fs";
import { DEFAULT_DATABASE_URL, openDatabase } from "@segur/prisma";
import { lireConfig } from "./config.js";
import { createApp } from "./app.js";
import { demarrerOptimisationPeriodique } from "./commun/statistiques.js";
import { demarrerPrincipal } from "./processus.js";

const config = lireConfig();
const urlBase = config.databaseUrl ?? DEFAULT_DATABASE_URL;

if (config.processus > 1 && cluster.isPrimary) demarrerPrincipal(config.processus, urlBase);
else servir();

/** One server process: alone (PROCESSUS=1), or one of the workers forked by the primary. */
function servir() {
  const travailleur = cluster.isWorker;
  const dist = config.adminDist ?? fileURLToPath(new URL("../../admin/dist", import.meta.url));
  if (fs.existsSync(dist)) config.adminDist = dist;
  // Alone, it applies pending migrations first; a worker's primary already did.
  const prisma = openDatabase(urlBase, { migrer: !travailleur });
  const app = createApp({ prisma, config });

  const pid = String(process.pid);
  const server = http.createServer(
    config.debugProcessus
      ? (req, res) => {
          res.setHeader("x-processus", pid);
          return app.handle(req, res);
        }
      : app.handle,
  );
  // Delivers recorded emails and retries failed ones, whether or not requests come in.
  app.boiteEnvoi.demarrer();
  // Keeps the query planner's statistics current as the data grows (indexes chosen right);
  // with several processes the primary does it.
  if (!travailleur) demarrerOptimisationPeriodique(urlBase);
  server.listen(config.port, config.host, () => {
    if (travailleur && cluster.worker!.id > 1) return; // the first worker speaks for all
    const n = travailleur ? ` (${config.processus} processus)` : "";
    console.log(`Ségur back office : http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}/${n}`);
    console.log(`  API GraphQL : http://${config.host}:${config.port}/graphql${config.developpement ? " (GraphiQL)" : ""}`);
    if (!config.adminDist) console.log("  (SPA non construite : pnpm --filter @segur/admin build)");
  });

  const arreter = () => server.close(() => app.boiteEnvoi.arreter().then(() => prisma.$disconnect()).then(() => process.exit(0)));
  process.on("SIGINT", arreter);
  process.on("SIGTERM", arreter);
}
