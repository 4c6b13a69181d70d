import type { Db } from "@segur/prisma";
import type { Acteur } from "../auth/acteur.js";
import type { Context } from "../context.js";

export type OperationTracee = "CONSULTATION" | "EXPORT_CSV" | "TELECHARGEMENT_PIECE";

/** Access trace (who opened which demande, export or file, when): SPEC §9, kept 12 months. */
export async function tracerAcces(prisma: Db, acteur: Acteur | null, operation: OperationTracee, cible: string | null) {
  if (!acteur) return;
  await prisma.traceAcces.create({ data: { acteur: `${acteur.cle} ${acteur.nom}`, role: acteur.role, operation, cible } });
}

/** Deletes traces older than 12 months (the database refuses younger ones). */
export async function purgerTraces(prisma: Context["prisma"], maintenant = new Date()) {
  const limite = new Date(maintenant);
  limite.setUTCMonth(limite.getUTCMonth() - 12);
  const { count } = await prisma.traceAcces.deleteMany({ where: { creeLe: { lt: limite } } });
  return count;
}
