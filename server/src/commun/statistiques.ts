import { optimiserStatistiques, ouvrirBase, type Db } from "@segur/prisma";
import { logger } from "../exploitation/logger.js";
import { executerSousBail, TITULAIRE_PROCESSUS } from "./bail-tache.js";

/** Every few hours, as SQLite advises for long-running processes: cheap, a no-op when nothing grew. */
export const INTERVALLE_OPTIMISATION_MS = 3 * 3_600_000;

/** The lease of the statistics job (BailTache): one instance refreshes them per interval. */
export const BAIL_STATISTIQUES = "statistiques";

/**
 * One refresh if this instance takes the job's lease: slightly shorter than the interval, so that
 * its holder renews it at its next tick while the other instances, ticking in between, find it
 * held; if the holder stops, another one takes over within an interval.
 */
export async function rafraichirStatistiquesSousBail(
  prisma: Db,
  urlBase: string,
  intervalleMs = INTERVALLE_OPTIMISATION_MS,
  titulaire = TITULAIRE_PROCESSUS,
) {
  return executerSousBail(
    prisma,
    BAIL_STATISTIQUES,
    Math.floor(intervalleMs * 0.9),
    () => optimiserStatistiques(urlBase),
    titulaire,
  );
}

/**
 * Starts the periodic refresh of the planner statistics (migrations ran the first one at
 * start-up); returns its stopper and never keeps the process alive. Every instance starts it; the
 * lease in the database makes one of them run it (the statistics live in the database, not in a
 * process's memory). Each tick opens a one-connection client for the lease (the cluster's
 * primary has none of its own).
 */
export function demarrerOptimisationPeriodique(urlBase: string, intervalleMs = INTERVALLE_OPTIMISATION_MS): () => void {
  const minuteur = setInterval(() => {
    void (async () => {
      const prisma = await ouvrirBase(urlBase, { migrer: false, connexionsMax: 1 });
      try {
        await rafraichirStatistiquesSousBail(prisma, urlBase, intervalleMs);
      } finally {
        await prisma.$disconnect();
      }
    })().catch((e) => logger.error({ err: e }, "statistiques de la base (ANALYZE / PRAGMA optimize)"));
  }, intervalleMs);
  minuteur.unref();
  return () => clearInterval(minuteur);
}
