import cluster from "node:cluster";
import { preparerBase } from "@segur/prisma";
import { demarrerOptimisationPeriodique } from "./commun/statistiques.js";
import { logger } from "./exploitation/logger.js";
import { agregerMetriquesPrincipal } from "./exploitation/metriques-grappe.js";
import { viderJournal } from "./exploitation/arret.js";

/** A worker that died is restarted after this pause (no tight loop if it dies at start-up). */
const PAUSE_RELANCE_MS = 1_000;
/** Beyond the workers' own shutdown delay, before the primary kills those still running. */
const MARGE_ARRET_MS = 5_000;

/**
 * Production mode with several processes (PROCESSUS > 1): this primary process migrates the
 * database ONCE, then forks `n` workers that each open the file and share the port
 * (node:cluster). It serves nothing itself. It also runs the periodic planner statistics: one
 * place is enough (they live in the file). Each worker runs its own email outbox: claims are
 * leases in the database, so two workers never send the same email, and a statut change
 * signals the outbox of the worker that committed it. It gathers the workers' metrics for
 * /metriques.
 */
export async function demarrerPrincipal(n: number, urlBase: string, arretDelaiMs: number) {
  await preparerBase(urlBase);
  const arreterStatistiques = demarrerOptimisationPeriodique(urlBase);
  agregerMetriquesPrincipal();
  let arret = false;
  let propre = true;
  const fin = () => void viderJournal(logger).then(() => process.exit(propre ? 0 : 1));
  for (let i = 0; i < n; i++) cluster.fork();
  cluster.on("exit", (travailleur, code, signal) => {
    if (arret) {
      if (code !== 0) propre = false;
      if (Object.keys(cluster.workers ?? {}).length === 0) fin();
      return;
    }
    logger.error({ processus: travailleur.process.pid, code, signal }, "processus arrêté : relancé");
    setTimeout(() => arret || cluster.fork(), PAUSE_RELANCE_MS).unref();
  });
  const arreter = (signal: string) => {
    if (arret) return;
    arret = true;
    logger.info({ signal }, "arrêt demandé : transmis aux processus");
    arreterStatistiques();
    const travailleurs = Object.values(cluster.workers ?? {});
    if (travailleurs.length === 0) return fin();
    // Each worker stops accepting, finishes its requests and its outbox pass, disconnects (main.ts).
    for (const t of travailleurs) t?.process.kill("SIGTERM");
    setTimeout(() => {
      propre = false;
      for (const t of Object.values(cluster.workers ?? {})) t?.process.kill("SIGKILL");
    }, arretDelaiMs + MARGE_ARRET_MS).unref();
  };
  process.on("SIGINT", () => arreter("SIGINT"));
  process.on("SIGTERM", () => arreter("SIGTERM"));
}
