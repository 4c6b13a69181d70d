import type { Db } from "@segur/prisma";

/** For one demande: FINESS juridique → numéros of other demandes requesting a certificate for it. */
export async function doublonsDeLaDemande(prisma: Db, demandeId: number): Promise<Map<string, string[]>> {
  const mine = await prisma.administrateurTechnique.findMany({
    where: { demandeId, demandeCertificatServeur: true },
    select: { finessJuridique: true },
  });
  const autres = await prisma.administrateurTechnique.findMany({
    where: {
      finessJuridique: { in: mine.map((m) => m.finessJuridique) },
      demandeId: { not: demandeId },
      demandeCertificatServeur: true,
      validation: { not: "REJETEE" },
    },
    select: { finessJuridique: true, demande: { select: { numero: true } } },
    orderBy: { demandeId: "asc" },
  });
  const out = new Map<string, string[]>();
  for (const a of autres) out.set(a.finessJuridique, [...(out.get(a.finessJuridique) ?? []), a.demande.numero]);
  return out;
}
