import type { Db } from "@segur/prisma";
import type { Acteur } from "../auth/acteur.js";
import type { Context } from "../context.js";

export type OperationTracee = "CONSULTATION" | "EXPORT_CSV" | "EXPORT_XLSX" | "TELECHARGEMENT_PIECE";

/** Re-reading the same demande within this window (its tabs, its history) is one consultation. */
export const FENETRE_CONSULTATION_MS = 5 * 60_000;

/** Access trace (who opened which demande, export or file, when): SPEC §9, kept 12 months. */
export async function tracerAcces(prisma: Db, acteur: Acteur | null, operation: OperationTracee, cible: string | null, maintenant = new Date()) {
  if (!acteur) return;
  const data = { acteur: `${acteur.cle} ${acteur.nom}`, role: acteur.role, operation, cible };
  if (operation === "CONSULTATION") {
    const recente = await prisma.traceAcces.findFirst({
      where: { ...data, creeLe: { gte: new Date(maintenant.getTime() - FENETRE_CONSULTATION_MS) } },
      select: { id: true },
    });
    if (recente) return;
  }
  await prisma.traceAcces.create({ data });
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
