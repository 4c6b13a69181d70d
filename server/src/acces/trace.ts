import type { Context } from "../context.js";

/** Access trace (who opened which demande or export, when): SPEC §9, kept 12 months. */
export async function tracerAcces(ctx: Context, operation: string, cible: string | null) {
  if (!ctx.acteur) return;
  await ctx.prisma.traceAcces.create({
    data: { acteur: `${ctx.acteur.cle} ${ctx.acteur.nom}`, role: ctx.acteur.role, operation, cible },
  });
}

/** Deletes traces older than 12 months (the database refuses younger ones). */
export async function purgerTraces(prisma: Context["prisma"], maintenant = new Date()) {
  const limite = new Date(maintenant);
  limite.setUTCMonth(limite.getUTCMonth() - 12);
  const { count } = await prisma.traceAcces.deleteMany({ where: { creeLe: { lt: limite } } });
  return count;
}
