// The demande columns the exports hold, read through Prisma: the reference the streamed CSV and
// XLSX are compared with (export-flux.test.ts, xlsx-flux.test.ts).
export const SELECT_EXPORT = {
  numero: true,
  type: true,
  numeroEditeur: true,
  logiciel: true,
  dateDepot: true,
  dateCommande: true,
  statut: true,
  etatPaiement: true,
  montantCentimes: true,
} as const;
