import { OUBLI_ECHECS_CONNEXION_MS, delaiConnexion, type CleLimiteConnexion } from "@segur/shared";
import type { Db } from "@segur/prisma";
import { AUTEUR_SYSTEME, enregistrerEvenement } from "../historique/service.js";
import { logger } from "../exploitation/logger.js";

/**
 * Failed-login counters, in the database so that a restart does not clear them and every
 * server instance sees the same ones (table LimiteConnexion). The delays themselves are the
 * shared rule `delaiConnexion`.
 */

export interface CleLimite {
  type: CleLimiteConnexion;
  cle: string;
}

/** The keys an attempt counts against: the account typed, and the client address when known. */
export function clesLimite(email: string, adresse: string | null): CleLimite[] {
  return [
    { type: "compte", cle: `compte:${email}` },
    ...(adresse ? [{ type: "adresse" as const, cle: `adresse:${adresse}` }] : []),
  ];
}

/** How long (ms) to wait before an attempt on these keys is checked; 0 = check it now. */
export async function attenteConnexion(prisma: Db, cles: readonly CleLimite[], maintenant: Date): Promise<number> {
  // At most two keys: a fixed number of bound values.
  const lignes = await prisma.limiteConnexion.findMany({
    where: { cle: { in: cles.map((c) => c.cle) } },
    select: { bloqueJusquA: true },
  });
  return Math.max(0, ...lignes.map((l) => (l.bloqueJusquA ? l.bloqueJusquA.getTime() - maintenant.getTime() : 0)));
}

/**
 * Counts a failure on each key (atomic increments: concurrent instances lose no failure),
 * sets its delay, records an audit event when a key starts being slowed down, and purges
 * counters nobody has touched for a day.
 */
export async function noterEchecConnexion(prisma: Db, cles: readonly CleLimite[], maintenant: Date): Promise<void> {
  const oubli = new Date(maintenant.getTime() - OUBLI_ECHECS_CONNEXION_MS);
  for (const { type, cle } of cles) {
    // A failure long after the previous ones starts a new series.
    await prisma.limiteConnexion.updateMany({
      where: { cle, dernierEchecLe: { lt: oubli } },
      data: { echecs: 0, premierEchecLe: maintenant, bloqueJusquA: null },
    });
    const { echecs } = await prisma.limiteConnexion.upsert({
      where: { cle },
      create: { cle, echecs: 1, premierEchecLe: maintenant, dernierEchecLe: maintenant },
      update: { echecs: { increment: 1 }, dernierEchecLe: maintenant },
      select: { echecs: true },
    });
    const delai = delaiConnexion(type, echecs);
    if (delai === 0) continue;
    await prisma.limiteConnexion.updateMany({
      where: { cle },
      data: { bloqueJusquA: new Date(maintenant.getTime() + delai) },
    });
    if (delaiConnexion(type, echecs - 1) === 0) {
      // Once per series (when the delays begin), not per refused attempt: a guessing run must not flood the journal.
      await prisma
        .$transaction((tx) =>
          enregistrerEvenement(tx, {
            demandeId: null,
            type: "CONNEXION_LIMITEE",
            auteur: AUTEUR_SYSTEME,
            details: { [type]: cle.slice(type.length + 1), echecs, delaiSecondes: delai / 1000 },
          }),
        )
        // The login's answer must not depend on the journal (e.g. another instance appending at the same time).
        .catch((e) => logger.error({ err: e }, "événement CONNEXION_LIMITEE non enregistré"));
    }
  }
  await prisma.limiteConnexion.deleteMany({ where: { dernierEchecLe: { lt: oubli } } });
}

/**
 * A successful login clears its account's counter. Not the address's: one valid account must
 * not let an address reset its counter between guesses at other accounts.
 */
export async function oublierEchecsCompte(prisma: Db, email: string): Promise<void> {
  await prisma.limiteConnexion.deleteMany({ where: { cle: `compte:${email}` } });
}
