/**
 * Runs tasks one after another, in arrival order: concurrent imports wait their turn instead of
 * holding several checked files (and transactions) in memory at once. Local to the process by
 * design: it only orders this process's own work; across processes SQLite's write lock (and its
 * busy timeout) serialises the transactions.
 */
export function fileAttente() {
  let queue: Promise<unknown> = Promise.resolve();
  let enFile = 0;
  return {
    /** Tasks waiting or running (the metrics' import backlog). */
    get longueur() {
      return enFile;
    },
    executer<T>(tache: () => Promise<T>): Promise<T> {
      enFile++;
      const resultat = queue.then(tache).finally(() => enFile--);
      // A failed task must not block the ones after it.
      queue = resultat.catch(() => undefined);
      return resultat;
    },
  };
}
