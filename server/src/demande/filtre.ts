import type { Prisma } from "@segur/prisma";
import { normaliserRecherche } from "@segur/shared";
import type { Acteur } from "../auth/acteur.js";
import { perimetreDemandes } from "../auth/acteur.js";
import { verifierTextesFiltre } from "../commun/filtre-valeurs.js";
import { filtreModifieeDepuisTransmission } from "../transmission/service.js";
import {
  filtreARevalider,
  filtreATransmettre,
  filtreCourrielEnEchec,
  filtreLignesRejetees,
  filtrePreteADecider,
} from "../a-traiter/filtres.js";
import { filtreSuiviPar } from "../suivi/filtre.js";

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
  modifieeDepuisTransmission?: boolean | null;
  suiviPar?: string | null;
  aRevalider?: boolean | null;
  lignesRejetees?: boolean | null;
  preteADecider?: boolean | null;
  aTransmettre?: boolean | null;
  courrielEnEchec?: boolean | null;
}

/** The work queue's boolean filters (a-traiter/filtres.ts), by field. */
const FILTRES_A_TRAITER = {
  aRevalider: filtreARevalider,
  lignesRejetees: filtreLignesRejetees,
  preteADecider: filtrePreteADecider,
  aTransmettre: filtreATransmettre,
  courrielEnEchec: filtreCourrielEnEchec,
} as const;

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

/** From this width on, a deposit-date range holds enough demandes to be filtered while walking another sort's index. */
const PLAGE_LARGE_MS = 31 * 86_400_000;

/** Filters on a column of a few values (each matches a large share of the demandes), by sort. */
const FILTRES_LARGES = { type: "TYPE", statut: "STATUT", etatPaiement: "ETAT_PAIEMENT" } as const satisfies Record<
  string,
  Tri
>;

/**
 * The list's filters as a Prisma where clause, always within the actor's perimeter. `tri`: the
 * page is read in that order. With a bound value the planner cannot tell that `statut = ?` keeps
 * half the table, so it would read it through the statut index and sort 50,000 rows; sorted by
 * another column than the date (which the filter's index already gives), such a filter is
 * written `NOT (statut <> ?)`, which no index serves: the sort's index is walked in order and the
 * page ends after a few hundred rows. The count (no `tri`) keeps the indexable form.
 */
export function filtreVersWhere(
  f: FiltreDemandes | null | undefined,
  acteur: Acteur | null,
  tri?: Tri,
): Prisma.DemandeWhereInput {
  verifierTextesFiltre(f);
  const and: Prisma.DemandeWhereInput[] = [perimetreDemandes(acteur)];
  const egal = <C extends keyof typeof FILTRES_LARGES>(colonne: C, valeur: string): Prisma.DemandeWhereInput =>
    tri && tri !== "DATE_DEPOT" && tri !== FILTRES_LARGES[colonne]
      ? { NOT: { [colonne]: { not: valeur } } }
      : { [colonne]: valeur };
  if (f?.numero?.trim()) and.push({ numero: { contains: f.numero.trim().toUpperCase() } });
  if (f?.type) and.push(egal("type", f.type));
  if (f?.statut) and.push(egal("statut", f.statut));
  if (f?.etatPaiement) and.push(egal("etatPaiement", f.etatPaiement));
  // The normalised column against the normalised text: same matches on both databases, accents ignored, `%` `_` literal.
  if (f?.logiciel?.trim()) and.push({ logicielRecherche: { contains: normaliserRecherche(f.logiciel.trim()) } });
  if (f?.numeroEditeur?.trim()) and.push({ numeroEditeur: f.numeroEditeur.trim() });
  // "déposée entre le … et le …" includes the whole last day
  const avant = f?.deposeeAvant ? new Date(f.deposeeAvant.getTime() + 86_400_000) : null;
  // Same reasoning for a wide date range under another sort: walk the sort's index, not the range.
  const large =
    !!tri &&
    tri !== "DATE_DEPOT" &&
    (!f?.deposeeApres || !avant || avant.getTime() - f.deposeeApres.getTime() >= PLAGE_LARGE_MS);
  if (f?.deposeeApres)
    and.push(large ? { NOT: { dateDepot: { lt: f.deposeeApres } } } : { dateDepot: { gte: f.deposeeApres } });
  if (avant) and.push(large ? { NOT: { dateDepot: { gte: avant } } } : { dateDepot: { lt: avant } });
  if (f?.referenceFournisseur?.trim()) and.push({ referenceFournisseur: f.referenceFournisseur.trim() });
  if (f?.modifieeDepuis) and.push({ majLe: { gte: f.modifieeDepuis } });
  if (typeof f?.modifieeDepuisTransmission === "boolean")
    and.push(filtreModifieeDepuisTransmission(f.modifieeDepuisTransmission));
  if (f?.suiviPar?.trim()) and.push(filtreSuiviPar(f.suiviPar, acteur));
  for (const [champ, filtre] of Object.entries(FILTRES_A_TRAITER)) {
    const v = f?.[champ as keyof typeof FILTRES_A_TRAITER];
    if (typeof v === "boolean") and.push(filtre(v));
  }
  return { AND: and };
}

/** Columns whose values are unique or nearly so: their tie-breaker is the id alone. */
const TRIS_SANS_DATE: ReadonlySet<Tri> = new Set(["NUMERO", "DATE_DEPOT", "DERNIERE_MODIFICATION"]);

/**
 * Sort with a unique tie-breaker so that cursors are stable: (dateDepot, id) after a column with
 * few values, the order of the list's indexes (prisma/schema.prisma), so that a page is read in
 * index order, never sorted — and equal statuts or types still show the latest déposées first.
 */
export function triVersOrderBy(
  tri: Tri = "DATE_DEPOT",
  ordre: "ASC" | "DESC" = "DESC",
): Prisma.DemandeOrderByWithRelationInput[] {
  const dir = ordre === "ASC" ? "asc" : "desc";
  const departage: Prisma.DemandeOrderByWithRelationInput[] = TRIS_SANS_DATE.has(tri)
    ? [{ id: dir }]
    : [{ dateDepot: dir }, { id: dir }];
  return [{ [TRIS[tri]]: dir }, ...departage];
}
