import type { Context } from "../context.js";
import { perimetreDemandes } from "../auth/acteur.js";
import { ErreurIntrouvable } from "../commun/erreurs.js";

/**
 * Loads a demande the actor may see, or fails with the same "introuvable" answer whether it
 * does not exist or belongs to another supplier (never reveal other suppliers' demandes).
 */
export async function demandeVisible(ctx: Context, numero: string) {
  const d = await ctx.prisma.demande.findFirst({ where: { numero, ...perimetreDemandes(ctx.acteur) } });
  if (!d) throw new ErreurIntrouvable(`Demande ${numero.slice(0, 20)} introuvable.`, ["input", "numero"]);
  return d;
}
