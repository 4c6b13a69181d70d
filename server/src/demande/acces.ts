import { perimetreDemandes, type Acteur } from "../auth/acteur.js";
import { ErreurIntrouvable } from "../commun/erreurs.js";
import type { Tx } from "../historique/service.js";

/**
 * Loads a demande the actor may see, or fails with the same "introuvable" answer whether it
 * does not exist or belongs to another supplier (never reveal other suppliers' demandes).
 */
export async function demandeVisible(tx: Tx, acteur: Acteur | null, numero: string) {
  const d = await tx.demande.findFirst({ where: { numero, ...perimetreDemandes(acteur) } });
  if (!d) throw new ErreurIntrouvable(`Demande ${numero.slice(0, 20)} introuvable.`, ["input", "numero"]);
  return d;
}
