import { dialecte, marque } from "@segur/prisma";
import type { CertificatAilleurs } from "../administrateur/doublons.js";
import { LIGNES_PAR_JSON, textesJson } from "../commun/insertion-en-masse.js";
import { parLots } from "../commun/lots.js";
import type { Tx } from "../historique/service.js";

/**
 * The stored live certificate requests (requested, not rejected) for a file's FINESS juridiques,
 * in demande order, with their demande's numéro: certificatsAilleurs' rule, in one statement per
 * LIGNES_PAR_JSON FINESS (the list bound as one JSON text) instead of two queries per 400 —
 * a file of 1,000 demandes names 5,000 of them.
 */
export async function certificatsDuFichier(tx: Tx, finess: readonly string[]): Promise<CertificatAilleurs[]> {
  const d = dialecte(tx);
  const sql = `SELECT a."finessJuridique" AS "finessJuridique", a."demandeId" AS "demandeId", d."numero" AS "numero"
    FROM "AdministrateurTechnique" a JOIN "Demande" d ON d."id" = a."demandeId"
    WHERE a."finessJuridique" IN (${textesJson(d, 1)}) AND a."demandeCertificatServeur" = ${marque(d, 2)} AND a."validation" <> 'REJETEE'`;
  const out: CertificatAilleurs[] = [];
  for (const lot of parLots([...new Set(finess)], LIGNES_PAR_JSON)) {
    const lignes = await tx.$queryRawUnsafe<{ finessJuridique: string; demandeId: number | bigint; numero: string }[]>(
      sql,
      JSON.stringify(lot),
      true,
    );
    for (const l of lignes)
      out.push({ finessJuridique: l.finessJuridique, demandeId: Number(l.demandeId), numero: l.numero });
  }
  return out.sort((a, b) => a.demandeId - b.demandeId);
}
