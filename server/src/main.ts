import http from "node:http";
import { fileURLToPath } from "node:url";
import fs from "node:fs";
import { DEFAULT_DATABASE_URL, openDatabase } from "@segur/prisma";
import { lireConfig } from "./config.js";
import { createApp } from "./app.js";
import { demarrerOptimisationPeriodique } from "./commun/statistiques.js";

const config = lireConfig();
const dist = config.adminDist ?? fileURLToPath(new URL("../../admin/dist", import.meta.url));
if (fs.existsSync(dist)) config.adminDist = dist;
const prisma = openDatabase(config.databaseUrl); // applies pending migrations first
const app = createApp({ prisma, config });

const server = http.createServer(app.handle);
// Delivers recorded emails and retries failed ones, whether or not requests come in.
app.boiteEnvoi.demarrer();
// Keeps the query planner's statistics current as the data grows (indexes chosen right).
demarrerOptimisationPeriodique(config.databaseUrl ?? DEFAULT_DATABASE_URL);
server.listen(config.port, config.host, () => {
  console.log(`Ségur back office : http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}/`);
  console.log(`  API GraphQL : http://${config.host}:${config.port}/graphql${config.developpement ? " (GraphiQL)" : ""}`);
  if (!config.adminDist) console.log("  (SPA non construite : pnpm --filter @segur/admin build)");
});

const arreter = () => server.close(() => app.boiteEnvoi.arreter().then(() => prisma.$disconnect()).then(() => process.exit(0)));
process.on("SIGINT", arreter);
process.on("SIGTERM", arreter);
