import type { Tx } from "../historique/service.js";
import { Prisma } from "@segur/prisma";
import { chercherParLots, LOT_MAX } from "../commun/lots.js";

export interface CertificatAilleurs {
  finessJuridique: string;
  demandeId: number;
  numero: string;
}

/**
 * Live (not rejected) certificate requests of other demandes for these FINESS juridiques, in
 * demande order. Queried in bounded slices: a demande may list any number of FINESS.
 */
export async function certificatsAilleurs(
  prisma: Tx,
  finess: readonly string[],
  sauf: number | null,
): Promise<CertificatAilleurs[]> {
  const lignes = await chercherParLots([...new Set(finess)], (lot) =>
    prisma.administrateurTechnique.findMany({
      where: {
        finessJuridique: { in: lot },
        ...(sauf === null ? {} : { demandeId: { not: sauf } }),
        demandeCertificatServeur: true,
        validation: { not: "REJETEE" },
      },
      select: { finessJuridique: true, demandeId: true },
    }),
  );
  // The numéros by a second bounded query, not a Prisma include (one parameter per demande).
  const numeros = new Map(
    (
      await chercherParLots([...new Set(lignes.map((l) => l.demandeId))], (lot) =>
        prisma.demande.findMany({ where: { id: { in: lot } }, select: { id: true, numero: true } }),
      )
    ).map((d) => [d.id, d.numero]),
  );
  return lignes.map((l) => ({ ...l, numero: numeros.get(l.demandeId)! })).sort((a, b) => a.demandeId - b.demandeId);
}

/** What the certificate rows of one demande are checked against (warnings, possible duplicates). */
export interface ContexteCertificats {
  /** FINESS juridiques of the demande's bénéficiaires. */
  finessBeneficiaires: string[];
  /** FINESS juridique → numéros of other demandes with a live certificate request for it. */
  doublons: Map<string, string[]>;
}

/**
 * For these demandes, in one statement per slice (the page's rows, or the detail's one demande):
 * their bénéficiaires' FINESS, and for each FINESS of their certificate requests the other
 * demandes requesting it too (the rule of `certificatsAilleurs`: certificate requested, not
 * rejected), in demande order. A join, not one bound parameter per row found.
 */
export async function contextesCertificats(
  prisma: Tx,
  demandeIds: readonly number[],
): Promise<Map<number, ContexteCertificats>> {
  const out = new Map<number, ContexteCertificats>(
    demandeIds.map((id) => [id, { finessBeneficiaires: [], doublons: new Map() }]),
  );
  // Two IN lists per statement: half a slice each. Portable SQL: quoted aliases (PostgreSQL folds
  // bare ones to lower case) and a bound boolean (SQLite stores 1, PostgreSQL has no boolean = 1).
  const lignes = await chercherParLots(
    [...new Set(demandeIds)],
    (lot) => prisma.$queryRaw<{ genre: string; demandeId: number; finess: string; numero: string | null }[]>`
    SELECT 'B' AS genre, b."demandeId" AS "demandeId", b."finessJuridique" AS finess, NULL AS numero, 0 AS autre, b."ordre" AS ordre, b."id" AS rang
      FROM "Beneficiaire" b WHERE b."demandeId" IN (${Prisma.join(lot)})
    UNION ALL
    SELECT 'D', m."demandeId", a."finessJuridique", d."numero", a."demandeId", 0, a."id"
      FROM "AdministrateurTechnique" m
      JOIN "AdministrateurTechnique" a ON a."finessJuridique" = m."finessJuridique" AND a."demandeId" <> m."demandeId"
        AND a."demandeCertificatServeur" = ${true} AND a."validation" <> 'REJETEE'
      JOIN "Demande" d ON d."id" = a."demandeId"
      WHERE m."demandeId" IN (${Prisma.join(lot)}) AND m."demandeCertificatServeur" = ${true}
    ORDER BY genre, "demandeId", autre, ordre, rang`,
    LOT_MAX / 2,
  );
  for (const l of lignes) {
    const c = out.get(Number(l.demandeId))!;
    if (l.genre === "B") c.finessBeneficiaires.push(l.finess);
    else c.doublons.set(l.finess, [...(c.doublons.get(l.finess) ?? []), l.numero!]);
  }
  return out;
}
