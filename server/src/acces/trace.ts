import { normaliserRecherche, type OperationAcces } from "@segur/shared";
import { dialecte, type Db } from "@segur/prisma";
import type { Acteur } from "../auth/acteur.js";
import type { Context } from "../context.js";

export type OperationTracee = OperationAcces;

/** Re-reading the same demande within this window (its tabs, its history) is one consultation. */
export const FENETRE_CONSULTATION_MS = 5 * 60_000;

/** Access trace (who opened which demande, export or file, when): SPEC §9, kept 12 months. */
export async function tracerAcces(
  prisma: Db,
  acteur: Acteur | null,
  operation: OperationTracee,
  cible: string | null,
  maintenant = new Date(),
) {
  if (!acteur) return;
  const data = { acteur: `${acteur.cle} ${acteur.nom}`, role: acteur.role, operation, cible };
  if (operation === "CONSULTATION" && cible !== null) {
    // One statement on every read of a demande: written unless the same consultation is recent.
    const depuis = new Date(maintenant.getTime() - FENETRE_CONSULTATION_MS);
    if (dialecte(prisma) === "postgresql") {
      // Two instances at once must not both write it: the function takes a lock first (migration recherche_compteurs_baux).
      await prisma.$executeRaw`SELECT "tracer_consultation"(${data.acteur}, ${normaliserRecherche(data.acteur)}, ${data.role}, ${cible},
        CAST(${maintenant} AS TIMESTAMP(3)), CAST(${depuis} AS TIMESTAMP(3)))`;
      return;
    }
    // SQLite: one writer at a time, the check and the write are one statement.
    await prisma.$executeRaw`INSERT INTO "TraceAcces" ("acteur", "acteurRecherche", "role", "operation", "cible", "creeLe")
      SELECT ${data.acteur}, ${normaliserRecherche(data.acteur)}, ${data.role}, ${operation}, ${cible}, ${maintenant}
      WHERE NOT EXISTS (SELECT 1 FROM "TraceAcces" t WHERE t."acteur" = ${data.acteur} AND t."role" = ${data.role}
        AND t."operation" = ${operation} AND t."cible" = ${cible} AND t."creeLe" >= ${depuis})`;
    return;
  }
  if (operation === "CONSULTATION") {
    const recente = await prisma.traceAcces.findFirst({
      where: { ...data, creeLe: { gte: new Date(maintenant.getTime() - FENETRE_CONSULTATION_MS) } },
      select: { id: true },
    });
    if (recente) return;
  }
  await prisma.traceAcces.create({ data: { ...data, acteurRecherche: normaliserRecherche(data.acteur) } });
}

/** Traces a plain HTTP download once it is served (2xx): a refused or missing file leaves no trace. */
export async function tracerSiServi(
  args: { prisma: Db; acteur: () => Promise<Acteur | null> },
  operation: OperationTracee,
  cible: string,
  reponse: Promise<Response>,
): Promise<Response> {
  const r = await reponse;
  if (r.ok) await tracerAcces(args.prisma, await args.acteur(), operation, cible);
  return r;
}

/** The name part of a trace's `acteur` (« U:3 Gaëlle Gestion » → « Gaëlle Gestion »). */
export const nomActeurTrace = (acteur: string) => acteur.replace(/^[A-Z]:\d+ /, "");

/** Deletes traces older than 12 months (the database refuses younger ones). */
export async function purgerTraces(prisma: Context["prisma"], maintenant = new Date()) {
  const limite = new Date(maintenant);
  limite.setUTCMonth(limite.getUTCMonth() - 12);
  const { count } = await prisma.traceAcces.deleteMany({ where: { creeLe: { lt: limite } } });
  return count;
}
