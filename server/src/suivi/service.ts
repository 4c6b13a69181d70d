import type { Context } from "../context.js";
import { perimetreDemandes } from "../auth/acteur.js";
import { ErreurEtat, ErreurIntrouvable } from "../commun/erreurs.js";
import { auteurDe, enregistrerEvenement, type Tx } from "../historique/service.js";

/** A gestionnaire named by email or id; anyone else (auditeur, inactive, unknown) is refused on the field. */
async function gestionnaireDesigne(tx: Tx, designation: string) {
  const v = designation.trim();
  const id = /^[1-9][0-9]{0,9}$/.test(v) && Number(v) <= 2_147_483_647 ? Number(v) : null;
  const u = await tx.utilisateur.findFirst({
    where: id !== null ? { id } : { email: v.toLowerCase() },
    select: { id: true, nom: true, role: true, actif: true },
  });
  if (!u || u.role !== "GESTIONNAIRE" || !u.actif)
    throw new ErreurEtat(
      "GESTIONNAIRE_INCONNU",
      `Gestionnaire : « ${v.slice(0, 60)} » n'est pas un gestionnaire actif (courriel ou identifiant attendu).`,
      ["input", "gestionnaire"],
    );
  return u;
}

/**
 * Sets who follows the demande (null: nobody), in one transaction with its audit event
 * (SUIVI_MODIFIE). The update is conditional on the previous follower: two concurrent
 * assignments never both record an event from the same state. Returns the demande id.
 */
export async function assignerDemande(
  ctx: Context,
  input: { numero: string; gestionnaire?: string | null },
): Promise<number> {
  const acteur = ctx.acteur!;
  return ctx.prisma.$transaction(async (tx) => {
    const d = await tx.demande.findFirst({
      where: { numero: input.numero, ...perimetreDemandes(acteur) },
      select: { id: true, suiviParId: true, suiviPar: { select: { nom: true } } },
    });
    if (!d) throw new ErreurIntrouvable(`Demande ${input.numero.slice(0, 20)} introuvable.`, ["input", "numero"]);
    const vers = input.gestionnaire?.trim() ? await gestionnaireDesigne(tx, input.gestionnaire) : null;
    if ((vers?.id ?? null) === d.suiviParId)
      throw new ErreurEtat(
        "SUIVI_INCHANGE",
        vers ? `Suivi : la demande est déjà suivie par ${vers.nom}.` : "Suivi : la demande n'est suivie par personne.",
        ["input", "gestionnaire"],
      );
    const { count } = await tx.demande.updateMany({
      where: { id: d.id, suiviParId: d.suiviParId },
      data: { suiviParId: vers?.id ?? null },
    });
    if (count !== 1)
      throw new ErreurEtat(
        "SUIVI_CONCURRENT",
        "Suivi : modifié entre-temps par un autre gestionnaire, rechargez la page.",
        ["input", "gestionnaire"],
      );
    await enregistrerEvenement(tx, {
      demandeId: d.id,
      type: "SUIVI_MODIFIE",
      auteur: auteurDe(acteur),
      details: { de: d.suiviPar?.nom ?? null, vers: vers?.nom ?? null },
    });
    return d.id;
  });
}

/** Active gestionnaires, by name, for the assignment picker (a staff list: small, bounded by `max`). */
export function listerGestionnaires(tx: Tx, max = 200) {
  return tx.utilisateur.findMany({
    where: { role: "GESTIONNAIRE", actif: true },
    select: { id: true, nom: true, email: true },
    orderBy: [{ nom: "asc" }, { id: "asc" }],
    take: max,
  });
}
