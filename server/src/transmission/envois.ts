import { dialecte, marque } from "@segur/prisma";
import { normaliserRecherche } from "@segur/shared";
import { ErreurEtat } from "../commun/erreurs.js";
import { insererEnMasse } from "../commun/insertion-en-masse.js";
import { HASH_INITIAL, hashEvenement, type EvenementHache } from "../historique/chaine.js";
import type { Auteur, Tx } from "../historique/service.js";

/*
 * What a batch writes besides its files, in a few statements whatever its size (a batch may hold
 * thousands of requests; no statement binds one value per request).
 */

/**
 * Records what the batch `lotId` sends: each claimed request at its demande's current version,
 * linked to the request's previous sending, then each request's last sending. A version already
 * sent (possible only if the database was changed by hand) refuses the whole batch: a version is
 * never sent twice (a unique index says so too).
 */
export async function enregistrerEnvois(tx: Tx, lotId: number) {
  const d = dialecte(tx);
  const [doublon] = await tx.$queryRawUnsafe<{ numero: string; finessJuridique: string }[]>(
    `SELECT d."numero", a."finessJuridique" FROM "AdministrateurTechnique" a JOIN "Demande" d ON d."id" = a."demandeId"` +
      ` WHERE a."lotTransmissionId" = ${marque(d, 1)} AND EXISTS (SELECT 1 FROM "EnvoiCertificat" e` +
      ` WHERE e."demandeId" = a."demandeId" AND e."finessJuridique" = a."finessJuridique"` +
      ` AND e."numeroVersion" = d."versionCourante") LIMIT 1`,
    lotId,
  );
  if (doublon)
    throw new ErreurEtat(
      "VERSION_DEJA_TRANSMISE",
      `La demande de certificat ${doublon.finessJuridique} de la demande ${doublon.numero} a déjà été transmise dans cette version : aucun lot n'a été créé.`,
    );
  // envoyeLe copies the row's transmisLe, just written by Prisma (each database's own date format).
  await tx.$executeRawUnsafe(
    `INSERT INTO "EnvoiCertificat" ("lotId", "demandeId", "finessJuridique", "numeroVersion", "envoyeLe", "envoiPrecedentId")` +
      ` SELECT a."lotTransmissionId", a."demandeId", a."finessJuridique", d."versionCourante", a."transmisLe",` +
      ` (SELECT max(e."id") FROM "EnvoiCertificat" e WHERE e."demandeId" = a."demandeId" AND e."finessJuridique" = a."finessJuridique")` +
      ` FROM "AdministrateurTechnique" a JOIN "Demande" d ON d."id" = a."demandeId" WHERE a."lotTransmissionId" = ${marque(d, 1)}` +
      // In the batch's order (its files' order).
      ` ORDER BY d."numero", a."ordre", a."id"`,
    lotId,
  );
  await tx.$executeRawUnsafe(
    `UPDATE "AdministrateurTechnique" SET "dernierEnvoiId" = (SELECT e."id" FROM "EnvoiCertificat" e` +
      ` WHERE e."lotId" = "AdministrateurTechnique"."lotTransmissionId" AND e."demandeId" = "AdministrateurTechnique"."demandeId"` +
      ` AND e."finessJuridique" = "AdministrateurTechnique"."finessJuridique") WHERE "lotTransmissionId" = ${marque(d, 1)}`,
    lotId,
  );
}

/**
 * One LOT_TRANSMISSION event on each demande the batch sends (its Historique: « Lot LOT-… » and
 * its FINESS juridiques), chained as enregistrerEvenement chains them: the demandes' rows are
 * locked first (one UPDATE), then their chains' last hashes read (one SELECT), then every event
 * written (one multi-row INSERT). `rows`: the batch's requests, in its order.
 */
export async function enregistrerEvenementsDemandes(
  tx: Tx,
  lotId: number,
  auteur: Auteur,
  rows: readonly { demandeId: number; finessJuridique: string }[],
  details: Record<string, unknown>,
) {
  const d = dialecte(tx);
  const creeLe = new Date();
  await tx.demande.updateMany({ where: { envoisCertificat: { some: { lotId } } }, data: { majLe: creeLe } });
  const derniers = await tx.$queryRawUnsafe<{ demandeId: number; hash: string }[]>(
    `SELECT e."demandeId", e."hash" FROM "EvenementAudit" e WHERE e."id" IN (SELECT max(x."id") FROM "EvenementAudit" x` +
      ` WHERE x."demandeId" IN (SELECT c."demandeId" FROM "EnvoiCertificat" c WHERE c."lotId" = ${marque(d, 1)})` +
      ` GROUP BY x."demandeId")`,
    lotId,
  );
  const precedent = new Map(derniers.map((e) => [Number(e.demandeId), e.hash]));
  const parDemande = new Map<number, string[]>();
  for (const a of rows) parDemande.set(a.demandeId, [...(parDemande.get(a.demandeId) ?? []), a.finessJuridique]);
  const evenements = [...parDemande].map(([demandeId, certificats]) => {
    const e: EvenementHache = {
      demandeId,
      type: "LOT_TRANSMISSION",
      auteur: auteur.nom,
      acteur: auteur.cle,
      role: auteur.role,
      creeLe,
      bloc: null,
      cle: null,
      motif: null,
      details: JSON.stringify({ ...details, certificats }),
    };
    const hashPrecedent = precedent.get(demandeId) ?? HASH_INITIAL;
    return {
      ...e,
      auteurRecherche: normaliserRecherche(e.auteur),
      hashPrecedent,
      hash: hashEvenement(hashPrecedent, e),
    };
  });
  await insererEnMasse(tx, "EvenementAudit", evenements);
}
