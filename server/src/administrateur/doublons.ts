import type { Tx } from "../historique/service.js";
import { chercherParLots } from "../commun/lots.js";

export interface CertificatAilleurs {
  finessJuridique: string;
  demandeId: number;
  numero: string;
}

/**
 * Live (not rejected) certificate requests of other demandes for these FINESS juridiques, in
 * demande order. Queried in bounded slices: a demande may list any number of FINESS.
 */
export async function certificatsAilleurs(prisma: Tx, finess: readonly string[], sauf: number | null): Promise<CertificatAilleurs[]> {
  const lignes = await chercherParLots([...new Set(finess)], (lot) =>
    prisma.administrateurTechnique.findMany({
      where: { finessJuridique: { in: lot }, ...(sauf === null ? {} : { demandeId: { not: sauf } }), demandeCertificatServeur: true, validation: { not: "REJETEE" } },
      select: { finessJuridique: true, demandeId: true },
    }),
  );
  // The numéros by a second bounded query, not a Prisma include (one parameter per demande).
  const numeros = new Map(
    (await chercherParLots([...new Set(lignes.map((l) => l.demandeId))], (lot) => prisma.demande.findMany({ where: { id: { in: lot } }, select: { id: true, numero: true } })))
      .map((d) => [d.id, d.numero]),
  );
  return lignes.map((l) => ({ ...l, numero: numeros.get(l.demandeId)! })).sort((a, b) => a.demandeId - b.demandeId);
}

/** For one demande: FINESS juridique → numéros of other demandes requesting a certificate for it. */
export async function doublonsDeLaDemande(prisma: Tx, demandeId: number): Promise<Map<string, string[]>> {
  const mine = await prisma.administrateurTechnique.findMany({
    where: { demandeId, demandeCertificatServeur: true },
    select: { finessJuridique: true },
  });
  const out = new Map<string, string[]>();
  for (const a of await certificatsAilleurs(prisma, mine.map((m) => m.finessJuridique), demandeId)) {
    out.set(a.finessJuridique, [...(out.get(a.finessJuridique) ?? []), a.numero]);
  }
  return out;
}
