import { TENTATIVES_COURRIEL_MAX, delaiNouvelEssaiCourriel } from "@segur/shared";
import type { Db } from "@segur/prisma";
import type { Courrielleur } from "./transport.js";
import { journaliserEnvoi, sansAdresses } from "./service.js";
import { AUTEUR_SYSTEME, enregistrerEvenement } from "../historique/service.js";
import { logger as loggerProcessus, messageErreur, type Logger } from "../exploitation/logger.js";

/**
 * The durable outbox (SPEC §10): emails are recorded EN_ATTENTE with the change that causes
 * them, then delivered here, outside any request. Several server instances share the table:
 * an instance claims an email with a lease (`reserveJusquA`) by a conditional update, so an
 * email is handed to the transport by one instance at a time.
 */

/** Longer than the SMTP transport's own timeouts: a lease never runs out during a send. */
const BAIL_MS = 5 * 60_000;
/** Emails read per query (the query binds a fixed number of values whatever the backlog). */
const LOT = 20;

export interface BilanBoiteEnvoi {
  envoyes: number;
  echecs: number;
  abandons: number;
}

const libre = (t: Date) => ({ OR: [{ reserveJusquA: null }, { reserveJusquA: { lt: t } }] });

/**
 * One pass: sends every email that is due and not claimed by another instance. `maintenant`
 * fixes the clock (tests, replays); by default each email is claimed at the current time.
 */
export async function traiterBoiteEnvoi(
  prisma: Db,
  courrielleur: Courrielleur,
  maintenant?: Date,
  options: { journal?: Logger; continuer?: () => boolean } = {},
): Promise<BilanBoiteEnvoi> {
  const journal = options.journal ?? loggerProcessus;
  const horloge = () => maintenant ?? new Date();
  const bilan: BilanBoiteEnvoi = { envoyes: 0, echecs: 0, abandons: 0 };
  const vus = new Set<number>();
  for (;;) {
    const t = horloge();
    const dus = await prisma.courriel.findMany({
      where: { etat: "EN_ATTENTE", prochainEssaiLe: { lte: t }, ...libre(t) },
      orderBy: [{ prochainEssaiLe: "asc" }, { id: "asc" }],
      take: LOT,
      select: { id: true, demandeId: true, destinataire: true, sujet: true, corps: true, tentatives: true },
    });
    const nouveaux = dus.filter((c) => !vus.has(c.id));
    if (nouveaux.length === 0) return bilan;
    for (const c of nouveaux) {
      // Shutdown: the email being sent is finished, the next ones wait for another pass.
      if (options.continuer && !options.continuer()) return bilan;
      vus.add(c.id);
      const issue = await envoyerUn(prisma, courrielleur, c, horloge, journal);
      if (issue) bilan[issue]++;
    }
  }
}

async function envoyerUn(
  prisma: Db,
  courrielleur: Courrielleur,
  c: { id: number; demandeId: number; destinataire: string; sujet: string; corps: string; tentatives: number },
  horloge: () => Date,
  journal: Logger,
): Promise<keyof BilanBoiteEnvoi | null> {
  const debut = horloge();
  const bail = new Date(debut.getTime() + BAIL_MS);
  // Compare-and-set on the state read above: another instance that claimed or handled it wins.
  const { count } = await prisma.courriel.updateMany({
    where: { id: c.id, etat: "EN_ATTENTE", tentatives: c.tentatives, prochainEssaiLe: { lte: debut }, ...libre(debut) },
    data: { reserveJusquA: bail },
  });
  if (count !== 1) return null;

  let erreur: string | null = null;
  try {
    await courrielleur.envoyer({ destinataire: c.destinataire, sujet: c.sujet, corps: c.corps });
  } catch (e) {
    erreur = sansAdresses(e instanceof Error ? e.message : String(e)) || "Erreur inconnue du transport.";
  }
  const fin = horloge();
  const tentative = c.tentatives + 1;
  const base = { courrielId: c.id, demandeId: c.demandeId, transport: courrielleur.nom, tentative };

  if (erreur === null) {
    await prisma.$transaction(async (tx) => {
      // Only while this instance still holds the lease (it ran out = another one took over).
      const { count: n } = await tx.courriel.updateMany({
        where: { id: c.id, reserveJusquA: bail },
        data: {
          etat: "ENVOYE",
          envoyeLe: fin,
          tentatives: tentative,
          transport: courrielleur.nom,
          prochainEssaiLe: null,
          reserveJusquA: null,
        },
      });
      if (n === 1) await journaliserEnvoi(tx, base, AUTEUR_SYSTEME);
    });
    return "envoyes";
  }

  const abandon = tentative >= TENTATIVES_COURRIEL_MAX;
  const prochainEssaiLe = abandon ? null : new Date(fin.getTime() + delaiNouvelEssaiCourriel(tentative));
  journal.warn(
    { courrielId: c.id, demandeId: c.demandeId, transport: courrielleur.nom, tentative, erreur },
    "courriel non envoyé",
  );
  await prisma.$transaction(async (tx) => {
    const { count: n } = await tx.courriel.updateMany({
      where: { id: c.id, reserveJusquA: bail },
      data: {
        etat: abandon ? "ECHEC" : "EN_ATTENTE",
        tentatives: tentative,
        derniereErreur: erreur,
        prochainEssaiLe,
        reserveJusquA: null,
      },
    });
    if (n === 1) {
      await enregistrerEvenement(tx, {
        demandeId: c.demandeId,
        type: "COURRIEL_ECHEC",
        auteur: AUTEUR_SYSTEME,
        details: {
          courrielId: c.id,
          transport: courrielleur.nom,
          tentative,
          erreur,
          abandon,
          prochainEssaiLe: prochainEssaiLe?.toISOString() ?? null,
        },
      });
    }
  });
  return abandon ? "abandons" : "echecs";
}

/**
 * Puts given-up emails (état ECHEC) back in the outbox for a new series of attempts, one
 * audit event each. `id` limits it to one email. Returns the ids relaunched.
 */
export async function relancerCourriels(
  prisma: Db,
  options: { id?: number; maintenant?: Date } = {},
): Promise<number[]> {
  const maintenant = options.maintenant ?? new Date();
  const relances: number[] = [];
  let apres = 0;
  for (;;) {
    const lot = await prisma.courriel.findMany({
      where: { etat: "ECHEC", id: options.id ?? { gt: apres } },
      orderBy: { id: "asc" },
      take: 100,
      select: { id: true, demandeId: true, tentatives: true, derniereErreur: true },
    });
    for (const c of lot) {
      await prisma.$transaction(async (tx) => {
        const { count } = await tx.courriel.updateMany({
          where: { id: c.id, etat: "ECHEC" },
          data: { etat: "EN_ATTENTE", tentatives: 0, prochainEssaiLe: maintenant, reserveJusquA: null },
        });
        if (count !== 1) return;
        await enregistrerEvenement(tx, {
          demandeId: c.demandeId,
          type: "COURRIEL_RELANCE",
          auteur: AUTEUR_SYSTEME,
          details: { courrielId: c.id, tentativesPrecedentes: c.tentatives, derniereErreur: c.derniereErreur },
        });
        relances.push(c.id);
      });
    }
    if (options.id !== undefined || lot.length < 100) return relances;
    apres = lot[lot.length - 1]!.id;
  }
}

export interface BoiteEnvoi {
  /** Starts a pass now, in the background (a statut change calls this after its commit). */
  signaler(): void;
  /** Resolves once no pass is running (tests, shutdown). */
  inactive(): Promise<void>;
  /** Periodic passes: retries come due without any new request. */
  demarrer(intervalleMs?: number): void;
  /** Shutdown: no new pass, the running one stops after the email being sent; resolves then. */
  arreter(): Promise<void>;
}

export function creerBoiteEnvoi(prisma: Db, courrielleur: Courrielleur, journal: Logger = loggerProcessus): BoiteEnvoi {
  let enCours: Promise<void> | null = null;
  let arrete = false;
  let encore = false;
  let minuterie: ReturnType<typeof setInterval> | null = null;

  const passes = async () => {
    do {
      encore = false;
      try {
        await traiterBoiteEnvoi(prisma, courrielleur, undefined, { journal, continuer: () => !arrete });
      } catch (e) {
        // Never thrown at the request that signalled: the next pass retries.
        journal.error({ erreur: sansAdresses(messageErreur(e)) }, "boîte d'envoi des courriels");
      }
    } while (encore && !arrete);
  };

  const boite: BoiteEnvoi = {
    signaler() {
      if (arrete) return; // stopped: what is recorded now is sent by another process or after restart
      if (enCours) {
        encore = true; // an email recorded during this pass may have been missed: one more pass
        return;
      }
      enCours = passes().finally(() => (enCours = null));
    },
    async inactive() {
      while (enCours) await enCours;
    },
    demarrer(intervalleMs = 30_000) {
      if (minuterie) return;
      minuterie = setInterval(() => boite.signaler(), intervalleMs);
      minuterie.unref();
      boite.signaler();
    },
    async arreter() {
      arrete = true;
      if (minuterie) clearInterval(minuterie);
      minuterie = null;
      await boite.inactive();
    },
  };
  return boite;
}
