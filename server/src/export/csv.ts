import { dialecte, type Dialecte, type Prisma } from "@segur/prisma";
import { GraphQLError } from "graphql";
import { ETATS_PAIEMENT_LABELS, STATUTS_DEMANDE_LABELS, type EtatPaiement, type StatutDemande } from "@segur/shared";
import { filtreVersWhere, triVersOrderBy } from "../demande/filtre.js";
import { reponseTexte, type RouteArgs } from "../http/route.js";
import { tracerAcces } from "../acces/trace.js";
import { parametresListeDepuisUrl, reponseErreurParametre } from "./parametres-liste.js";
import { csvFlux, jour, montant, reponseTableur, texte, type Colonne, type FormatTableur } from "./tableur.js";
import { xlsxFlux } from "./xlsx-flux.js";
import type { Tx } from "../historique/service.js";
import { lirePageSql, pageSql } from "./page-sql.js";
import { lecteurLigne } from "../commun/sql-brut.js";

const SELECTION = {
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
type DemandeExportee = Prisma.DemandeGetPayload<{ select: typeof SELECTION }>;

/** The list export's columns, for both formats (docs/exports.md). */
export const COLONNES_DEMANDES: readonly Colonne<DemandeExportee>[] = [
  texte("Numéro de dossier", (d) => d.numero, 18),
  texte("Type", (d) => d.type),
  texte("Numéro éditeur", (d) => d.numeroEditeur, 16),
  texte("Logiciel", (d) => d.logiciel, 24),
  jour("Date de dépôt", (d) => d.dateDepot),
  jour("Date de la commande", (d) => d.dateCommande),
  texte("Statut", (d) => STATUTS_DEMANDE_LABELS[d.statut as StatutDemande] ?? d.statut, 20),
  texte(
    "Statut du dernier paiement",
    (d) => ETATS_PAIEMENT_LABELS[d.etatPaiement as EtatPaiement] ?? d.etatPaiement,
    20,
  ),
  montant("Montant Ségur déclaré", (d) => d.montantCentimes),
];

/** The filtered list, in the list's order, as CSV or XLSX (`/export/demandes.csv|xlsx`); the export is traced. */
export async function exporterDemandes({ prisma, url, acteur }: RouteArgs, format: FormatTableur): Promise<Response> {
  const a = await acteur();
  if (!a) return reponseTexte(401, "Authentification requise.");
  const p = url.searchParams;
  let where: Prisma.DemandeWhereInput;
  let orderBy: Prisma.DemandeOrderByWithRelationInput[];
  try {
    const { filtre, tri, ordre } = parametresListeDepuisUrl(p);
    where = filtreVersWhere(filtre, a, tri);
    orderBy = triVersOrderBy(tri, ordre);
  } catch (e) {
    if (e instanceof GraphQLError) return reponseErreurParametre(e);
    throw e;
  }
  await tracerAcces(prisma, a, format === "csv" ? "EXPORT_CSV" : "EXPORT_XLSX", p.toString() || null);
  // Both formats streamed page by page.
  const contenu =
    format === "csv"
      ? csvFlux(COLONNES_DEMANDES, pagesDemandes(prisma, where, orderBy))
      : xlsxFlux("Demandes", COLONNES_DEMANDES, pagesDemandes(prisma, where, orderBy));
  return reponseTableur("demandes", format, contenu);
}

/** Rows per page of a streamed export: one bounded query each (a few bound values, whatever the size). */
export const PAGE_EXPORT = 1_000;

type Cle = Record<string, unknown>;
/** Sort columns that may be NULL (prisma/schema.prisma); `{ col: null }` is refused on the others. */
const TRIS_NULLABLES: ReadonlySet<string> = new Set(["dateCommande"]);
type Sens = "asc" | "desc";

/**
 * Rows strictly after `apres` in this order (keyset pagination on the sort key + its tie-breakers).
 * NULL sorts first ascending and last descending on SQLite, the other way round on PostgreSQL
 * (the defaults of each, as the list's findMany reads them). The leading column also gets an
 * inclusive bound, so the page starts inside the sort's index instead of re-walking every
 * earlier page.
 */
export function apresLaCle(
  orderBy: Prisma.DemandeOrderByWithRelationInput[],
  apres: Cle,
  d: Dialecte = "sqlite",
): Prisma.DemandeWhereInput {
  const colonnes = orderBy.map((o) => Object.entries(o)[0] as [string, Sens]);
  // Whether NULLs come after every value when reading in this direction.
  const nullsApres = (sens: Sens) => (sens === "desc") === (d === "sqlite");
  const egal = (k: number): Prisma.DemandeWhereInput =>
    Object.fromEntries(colonnes.slice(0, k).map(([c]) => [c, apres[c] ?? null]));
  const plusLoin = ([c, sens]: [string, Sens]): Prisma.DemandeWhereInput | null => {
    const v = apres[c] ?? null;
    if (v === null) return nullsApres(sens) ? null : { NOT: { [c]: null } };
    const strict = { [c]: sens === "asc" ? { gt: v } : { lt: v } };
    return nullsApres(sens) && TRIS_NULLABLES.has(c) ? { OR: [strict, { [c]: null }] } : strict;
  };
  const branches = colonnes.flatMap((col, k) => {
    const p = plusLoin(col);
    return p ? [{ AND: [egal(k), p] }] : [];
  });
  const [c0, sens0] = colonnes[0]!;
  const v0 = apres[c0] ?? null;
  const large = { [c0]: sens0 === "asc" ? { gte: v0 } : { lte: v0 } };
  const borne: Prisma.DemandeWhereInput =
    v0 === null
      ? nullsApres(sens0)
        ? { [c0]: null }
        : {}
      : nullsApres(sens0) && TRIS_NULLABLES.has(c0)
        ? { OR: [large, { [c0]: null }] }
        : large;
  return { AND: [borne, { OR: branches }] };
}

/** Sort columns never NULL and read as numbers (dates in milliseconds, ids): a page's order can be checked here. */
const CLES_NUMERIQUES: ReadonlySet<string> = new Set(["dateDepot", "majLe", "id"]);

/**
 * Whether raw rows are in `orderBy`'s order (every key column numeric; the last one, the id, is
 * unique): `positions` are the key columns' indexes in a row.
 */
export function dansLOrdre(lignes: readonly unknown[][], positions: readonly number[], sens: readonly Sens[]): boolean {
  for (let i = 1; i < lignes.length; i++) {
    const a = lignes[i - 1]!;
    const b = lignes[i]!;
    let k = 0;
    while (k < positions.length && a[positions[k]!] === b[positions[k]!]) k++;
    if (k === positions.length) return false;
    const avant = (a[positions[k]!] as number) < (b[positions[k]!] as number);
    if (avant !== (sens[k] === "asc")) return false;
  }
  return true;
}

/**
 * The filtered demandes in the list's order, by pages of PAGE_EXPORT, each after the last row's
 * key: one JSON text per page (export/page-sql.ts), or Prisma's findMany for a where form it
 * does not translate. Same rows, same values either way (test/integration/export-flux.test.ts).
 * Sorted on numeric keys (the default sort by date de dépôt, by last modification), a page is
 * aggregated unsorted and its order checked here, then read again sorted if it was not in order:
 * sorting 1,000 rows inside the aggregate was a quarter of the page's SQL.
 */
export async function* pagesDemandes(
  prisma: Tx,
  where: Prisma.DemandeWhereInput,
  orderBy: Prisma.DemandeOrderByWithRelationInput[],
): AsyncGenerator<DemandeExportee[]> {
  const colonnes = [...new Set([...Object.keys(SELECTION), ...orderBy.map((o) => Object.keys(o)[0]!)])];
  const select = Object.fromEntries(colonnes.map((c) => [c, true])) as typeof SELECTION;
  const d = dialecte(prisma);
  const cles = orderBy.map((o) => Object.entries(o)[0] as [string, Sens]);
  const verifiable = cles.every(([c]) => CLES_NUMERIQUES.has(c));
  const positions = cles.map(([c]) => colonnes.indexOf(c));
  const sens = cles.map(([, s]) => s);
  const lire = lecteurLigne("Demande", colonnes);
  let apres: Cle | null = null;
  for (;;) {
    const w: Prisma.DemandeWhereInput = apres === null ? where : { AND: [where, apresLaCle(orderBy, apres, d)] };
    const requete = pageSql(d, w, orderBy, colonnes, PAGE_EXPORT, { triee: !verifiable });
    let lignes = requete ? await lirePageSql(prisma, requete) : null;
    if (lignes && verifiable && !dansLOrdre(lignes, positions, sens))
      lignes = await lirePageSql(prisma, pageSql(d, w, orderBy, colonnes, PAGE_EXPORT)!);
    const page = (
      lignes ? lignes.map(lire) : await prisma.demande.findMany({ where: w, orderBy, select, take: PAGE_EXPORT })
    ) as DemandeExportee[];
    if (page.length) yield page;
    if (page.length < PAGE_EXPORT) return;
    apres = page.at(-1)! as Cle;
  }
}
