import { optimiserStatistiques } from "@segur/prisma";

/** Every few hours, as SQLite advises for long-running processes: cheap, a no-op when nothing grew. */
export const INTERVALLE_OPTIMISATION_MS = 3 * 3_600_000;

/**
 * Starts the periodic refresh of the planner statistics (migrations ran the first one at
 * start-up); returns its stopper and never keeps the process alive. Every process may run it:
 * the statistics live in the database file, not in a process's memory.
 */
export function demarrerOptimisationPeriodique(urlBase: string, intervalleMs = INTERVALLE_OPTIMISATION_MS): () => void {
  const minuteur = setInterval(() => {
    try {
      optimiserStatistiques(urlBase);
    } catch (e) {
      console.error("Statistiques SQLite (PRAGMA optimize) :", (e as Error).message);
    }
  }, intervalleMs);
  minuteur.unref();
  return () => clearInterval(minuteur);
}
