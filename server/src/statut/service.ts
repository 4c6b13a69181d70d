import {
  STATUTS_AVEC_MESSAGE,
  STATUTS_DEMANDE_LABELS,
  messageFournisseurSchema,
  problemesDepuisZod,
  transitionAutorisee,
  type StatutDemande,
} from "@segur/shared";
import type { Db } from "@segur/prisma";
import type { Acteur } from "../auth/acteur.js";
import type { BoiteEnvoi } from "../courriel/boite-envoi.js";
import type { Courrielleur } from "../courriel/transport.js";
import { ErreurEtat, ErreurValidation, erreurChamp } from "../commun/erreurs.js";
import type { EtatBlocVue } from "../demande/blocs.js";
import { auteurDe, enregistrerEvenement } from "../historique/service.js";
import { courrielChangementStatut, enregistrerCourriel, journaliserEnvoi } from "../courriel/service.js";
import { blocsNonValides, demandeAvecBlocs, libelleBloc } from "../validation/service.js";

const libelle = (s: string) => STATUTS_DEMANDE_LABELS[s as StatutDemande] ?? s;

/**
 * Checks a statut change requested by a gestionnaire (pure): allowed transition, message to
 * the supplier where required, every block validated before Décidée. Returns the message
 * (normalised, null when none) or throws the business error.
 */
export function verifierChangementStatut(args: {
  de: StatutDemande;
  vers: StatutDemande;
  message: unknown;
  blocs: readonly EtatBlocVue[];
}): string | null {
  const { de, vers } = args;
  if (de === vers)
    throw new ErreurEtat("STATUT_INCHANGE", `Statut : la demande est déjà « ${libelle(vers)} ».`, ["input", "statut"]);
  if (!transitionAutorisee(de, vers)) {
    throw new ErreurEtat(
      "TRANSITION_INTERDITE",
      de === "DECIDEE"
        ? "Statut : une demande décidée ne change plus de statut."
        : `Statut : une demande « ${libelle(de)} » ne peut pas passer à « ${libelle(vers)} ».`,
      ["input", "statut"],
    );
  }
  const lu = messageFournisseurSchema.safeParse(args.message);
  if (!lu.success) throw new ErreurValidation(problemesDepuisZod(lu.error, ["input", "message"]));
  const message = lu.data;
  if (!message && STATUTS_AVEC_MESSAGE.includes(vers)) {
    throw erreurChamp(
      ["input", "message"],
      "REQUIS",
      `Message au fournisseur : obligatoire pour passer au statut « ${libelle(vers)} » (il lui est envoyé par courriel).`,
    );
  }
  if (vers === "DECIDEE") {
    const restants = blocsNonValides(args.blocs);
    if (restants.length) {
      throw new ErreurEtat(
        "BLOCS_NON_VALIDES",
        `Statut : la demande ne peut être décidée que lorsque tous ses blocs sont validés. À valider : ${restants.map((b) => `« ${libelleBloc(b)} »`).join(", ")}.`,
        ["input", "statut"],
      );
    }
  }
  return message;
}

/** Where the statut's email goes: the transport it is recorded for, and the outbox told once committed. */
export interface EnvoiCourriels {
  courrielleur: Courrielleur;
  boiteEnvoi: Pick<BoiteEnvoi, "signaler">;
}

/**
 * Changes the statut in one transaction (statut, audit event, email recorded EN_ATTENTE on the
 * demande), then signals the outbox once committed. Returns the demande id.
 */
export async function changerStatut(
  db: Db,
  acteur: Acteur,
  envoi: EnvoiCourriels,
  input: { numero: string; statut: StatutDemande; message?: string | null },
): Promise<number> {
  const auteur = auteurDe(acteur);
  const { demandeId, aEnvoyer } = await db.$transaction(async (tx) => {
    const { demande: d, etats } = await demandeAvecBlocs(tx, acteur, input.numero);
    const de = d.statut as StatutDemande;
    const vers = input.statut;
    const message = verifierChangementStatut({ de, vers, message: input.message, blocs: etats });
    // Optimistic: a concurrent statut change makes this one fail rather than overwrite it.
    const { count } = await tx.demande.updateMany({ where: { id: d.id, statut: de }, data: { statut: vers } });
    if (count !== 1)
      throw new ErreurEtat(
        "STATUT_CONCURRENT",
        "Statut : la demande vient de changer de statut ; rechargez-la puis recommencez.",
        ["input", "statut"],
      );

    const contenu = courrielChangementStatut({ numero: d.numero, type: d.type, logiciel: d.logiciel, vers, message });
    const courriel =
      contenu && d.courrielContact
        ? await enregistrerCourriel(tx, envoi.courrielleur, {
            demandeId: d.id,
            destinataire: d.courrielContact,
            ...contenu,
          })
        : null;
    await enregistrerEvenement(tx, {
      demandeId: d.id,
      type: "STATUT_MODIFIE",
      auteur,
      details: {
        de,
        vers,
        message,
        ...(courriel ? { courrielId: courriel.id } : {}),
        ...(contenu && !courriel
          ? { courriel: "Aucun courriel de contact sur la demande : le fournisseur n'a pas été prévenu par courriel." }
          : {}),
      },
    });
    if (courriel?.etat === "ENVOYE") {
      await journaliserEnvoi(
        tx,
        { courrielId: courriel.id, demandeId: d.id, transport: courriel.transport, tentative: 0 },
        auteur,
      );
    }
    return { demandeId: d.id, aEnvoyer: courriel?.etat === "EN_ATTENTE" };
  });
  // After the commit, without waiting: the outbox delivers (and retries) on its own.
  if (aEnvoyer) envoi.boiteEnvoi.signaler();
  return demandeId;
}
