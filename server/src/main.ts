import http from "node:http";
import cluster from "node:cluster";
import { fileURLToPath } from "node:url";
import fs from "node:fs";
import {
  DEFAULT_DATABASE_URL,
  MIGRATIONS_DIR,
  MIGRATIONS_DIR_POSTGRESQL,
  dialecteUrl,
  ouvrirBase,
} from "@segur/prisma";
import { lireConfig } from "./config.js";
import { createApp } from "./app.js";
import { demarrerOptimisationPeriodique } from "./commun/statistiques.js";
import { demarrerPrincipal } from "./processus.js";
import { logger } from "./exploitation/logger.js";
import { arreterServeur, viderJournal } from "./exploitation/arret.js";

const config = lireConfig();
const urlBase = config.databaseUrl ?? DEFAULT_DATABASE_URL;

if (config.processus > 1 && cluster.isPrimary) await demarrerPrincipal(config.processus, urlBase, config.arretDelaiMs);
else await servir();

/** One server process: alone (PROCESSUS=1), or one of the workers forked by the primary. */
async function servir() {
  const travailleur = cluster.isWorker;
  const dist = config.adminDist ?? fileURLToPath(new URL("../../admin/dist", import.meta.url));
  if (fs.existsSync(dist)) config.adminDist = dist;
  // Alone, it applies pending migrations first; a worker's primary already did.
  const prisma = await ouvrirBase(urlBase, { migrer: !travailleur });
  // The readiness probe compares the database with this database's own migrations folder.
  const dossierMigrations = dialecteUrl(urlBase) === "postgresql" ? MIGRATIONS_DIR_POSTGRESQL : MIGRATIONS_DIR;
  const app = createApp({ prisma, config, travailleurGrappe: travailleur, dossierMigrations });

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
  const arreterStatistiques = travailleur ? () => {} : demarrerOptimisationPeriodique(urlBase);
  server.listen(config.port, config.host, () => {
    if (travailleur && cluster.worker!.id > 1) return; // the first worker speaks for all
    const adresse = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}/`;
    logger.info(
      {
        url: adresse,
        graphql: `${adresse}graphql`,
        graphiql: config.developpement,
        processus: travailleur ? config.processus : 1,
        spa: !!config.adminDist,
      },
      `Ségur back office : ${adresse}${config.adminDist ? "" : " (SPA non construite : pnpm --filter @segur/admin build)"}`,
    );
  });

  let arret = false;
  const arreter = async (signal: string) => {
    if (arret) return;
    arret = true;
    logger.info(
      { signal, delaiMs: config.arretDelaiMs },
      "arrêt demandé : plus de nouvelles connexions, requêtes en cours terminées",
    );
    app.exploitation.signalerArret();
    const propre = await arreterServeur(server, config.arretDelaiMs, logger, [
      () => app.boiteEnvoi.arreter(),
      arreterStatistiques,
      () => prisma.$disconnect(),
    ]);
    logger.info({ propre }, "arrêté");
    await viderJournal(logger);
    process.exit(propre ? 0 : 1);
  };
  process.on("SIGINT", () => void arreter("SIGINT"));
  process.on("SIGTERM", () => void arreter("SIGTERM"));
}
