import { randomBytes } from "node:crypto";
import os from "node:os";
import { estViolationUnicite, type Db } from "@segur/prisma";

/** This process, as the holder of a job's lease (host, pid and a random part: unique across instances and restarts). */
export const TITULAIRE_PROCESSUS = `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;

/**
 * Takes (or renews) the lease of the periodic job `nom` for `dureeMs`: true when this holder has
 * it now. One conditional UPDATE (free once expired, or already ours), else one INSERT of the
 * first lease; the database serialises concurrent takers, so at most one instance holds it.
 */
export async function prendreBail(
  prisma: Db,
  nom: string,
  dureeMs: number,
  titulaire = TITULAIRE_PROCESSUS,
  maintenant = new Date(),
): Promise<boolean> {
  const expireLe = new Date(maintenant.getTime() + dureeMs);
  const { count } = await prisma.bailTache.updateMany({
    where: { nom, OR: [{ expireLe: { lte: maintenant } }, { titulaire }] },
    data: { titulaire, expireLe },
  });
  if (count) return true;
  try {
    await prisma.bailTache.create({ data: { nom, titulaire, expireLe } });
    return true;
  } catch (e) {
    if (estViolationUnicite(e)) return false; // another instance holds it (or just took it)
    throw e;
  }
}

/**
 * Runs `tache` only if this instance takes the lease of `nom`; resolves to whether it ran.
 * `liberer`: the lease is given back once the job ends (a job that must not run twice at once,
 * but may run again right after); otherwise it is kept until it expires (once per period).
 */
export async function executerSousBail(
  prisma: Db,
  nom: string,
  dureeMs: number,
  tache: () => unknown,
  titulaire = TITULAIRE_PROCESSUS,
  options: { liberer?: boolean } = {},
): Promise<boolean> {
  if (!(await prendreBail(prisma, nom, dureeMs, titulaire))) return false;
  try {
    await tache();
  } finally {
    if (options.liberer)
      await prisma.bailTache.updateMany({ where: { nom, titulaire }, data: { expireLe: new Date() } });
  }
  return true;
}
