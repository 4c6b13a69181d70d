import cluster from "node:cluster";
import { prepareDatabase } from "@segur/prisma";
import { demarrerOptimisationPeriodique } from "./commun/statistiques.js";

/** A worker that died is restarted after this pause (no tight loop if it dies at start-up). */
const PAUSE_RELANCE_MS = 1_000;

/**
 * Production mode with several processes (PROCESSUS > 1): this primary process migrates the
 * database ONCE, then forks `n` workers that each open the file and share the port
 * (node:cluster). It serves nothing itself. It also runs the periodic planner statistics: one
 * place is enough (they live in the file). Each worker runs its own email outbox: claims are
 * leases in the database, so two workers never send the same email, and a statut change
 * signals the outbox of the worker that committed it.
 */
export function demarrerPrincipal(n: number, urlBase: string) {
  prepareDatabase(urlBase);
  const arreterStatistiques = demarrerOptimisationPeriodique(urlBase);
  let arret = false;
  for (let i = 0; i < n; i++) cluster.fork();
  cluster.on("exit", (travailleur, code, signal) => {
    if (arret) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`Processus ${travailleur.process.pid} arrêté (${signal ?? `code ${code}`}) : relancé`);
    setTimeout(() => arret || cluster.fork(), PAUSE_RELANCE_MS).unref();
  });
  const arreter = () => {
    if (arret) return;
    arret = true;
    arreterStatistiques();
    const travailleurs = Object.values(cluster.workers ?? {});
    if (travailleurs.length === 0) process.exit(0);
    // Each worker closes its server, finishes its outbox pass and disconnects (see main.ts).
    for (const t of travailleurs) t?.process.kill("SIGTERM");
  };
  process.on("SIGINT", arreter);
  process.on("SIGTERM", arreter);
}
