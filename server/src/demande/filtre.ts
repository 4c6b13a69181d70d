import type { Prisma } from "@segur/prisma";
import type { Acteur } from "../auth/acteur.js";
import { perimetreDemandes } from "../auth/acteur.js";
import { verifierTextesFiltre } from "../commun/filtre-valeurs.js";
import { verifierLongueursFiltre } from "../commun/longueurs-arguments.js";

export interface FiltreDemandes {
  numero?: string | null;
  type?: string | null;
  statut?: string | null;
  etatPaiement?: string | null;
  logiciel?: string | null;
  numeroEditeur?: string | null;
  deposeeApres?: Date | null;
  deposeeAvant?: Date | null;
  modifieeDepuis?: Date | null;
  referenceFournisseur?: string | null;
}

export const TRIS = {
  NUMERO: "numero",
  TYPE: "type",
  NUMERO_EDITEUR: "numeroEditeur",
  LOGICIEL: "logiciel",
  DATE_DEPOT: "dateDepot",
  DATE_COMMANDE: "dateCommande",
  STATUT: "statut",
  ETAT_PAIEMENT: "etatPaiement",
  MONTANT: "montantCentimes",
  DERNIERE_MODIFICATION: "majLe",
} as const;
export type Tri = keyof typeof TRIS;

/** The list's filters as a Prisma where clause, always within the actor's perimeter. */
export function filtreVersWhere(f: FiltreDemandes | null | undefined, acteur: Acteur | null): Prisma.DemandeWhereInput {
  verifierLongueursFiltre(f);
  verifierTextesFiltre(f);
  const and: Prisma.DemandeWhereInput[] = [perimetreDemandes(acteur)];
  if (f?.numero?.trim()) and.push({ numero: { contains: f.numero.trim().toUpperCase() } });
  if (f?.type) and.push({ type: f.type });
  if (f?.statut) and.push({ statut: f.statut });
  if (f?.etatPaiement) and.push({ etatPaiement: f.etatPaiement });
  if (f?.logiciel?.trim()) and.push({ logiciel: { contains: f.logiciel.trim() } });
  if (f?.numeroEditeur?.trim()) and.push({ numeroEditeur: f.numeroEditeur.trim() });
  if (f?.deposeeApres) and.push({ dateDepot: { gte: f.deposeeApres } });
  // "déposée entre le … et le …" includes the whole last day
  if (f?.deposeeAvant) and.push({ dateDepot: { lt: new Date(f.deposeeAvant.getTime() + 86_400_000) } });
  if (f?.referenceFournisseur?.trim()) and.push({ referenceFournisseur: f.referenceFournisseur.trim() });
  if (f?.modifieeDepuis) and.push({ majLe: { gte: f.modifieeDepuis } });
  return { AND: and };
}

/** Sort with a unique tie-breaker so that cursors are stable. */
export function triVersOrderBy(tri: Tri = "DATE_DEPOT", ordre: "ASC" | "DESC" = "DESC"): Prisma.DemandeOrderByWithRelationInput[] {
  const dir = ordre === "ASC" ? "asc" : "desc";
  return [{ [TRIS[tri]]: dir }, { id: dir }];
}
