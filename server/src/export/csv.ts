import { dialecte, type Dialecte, type Prisma } from "@segur/prisma";
import { ETATS_PAIEMENT, ETATS_PAIEMENT_LABELS, STATUTS_DEMANDE, STATUTS_DEMANDE_LABELS, TYPES_DEMANDE, type EtatPaiement, type StatutDemande } from "@segur/shared";
import { filtreVersWhere, triVersOrderBy, TRIS, type FiltreDemandes, type Tri } from "../demande/filtre.js";
import { reponseTexte, type RouteArgs } from "../routes.js";
import { tracerAcces } from "../acces/trace.js";
import { LecteurParametres, ParametreInvalide, reponseParametreInvalide } from "../commun/parametres-url.js";
import { csvFlux, jour, montant, reponseTableur, tableur, texte, type Colonne, type FormatTableur } from "./tableur.js";
import type { Tx } from "../historique/service.js";
import { lirePageSql, pageSql } from "./page-sql.js";

const SELECTION = {
  numero: true, type: true, numeroEditeur: true, logiciel: true, dateDepot: true, dateCommande: true, statut: true, etatPaiement: true, montantCentimes: true,
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
  texte("Statut du dernier paiement", (d) => ETATS_PAIEMENT_LABELS[d.etatPaiement as EtatPaiement] ?? d.etatPaiement, 20),
  montant("Montant Ségur déclaré", (d) => d.montantCentimes),
];

const PARAMETRES_DEMANDES = [
  "numero", "type", "statut", "etatPaiement", "logiciel", "numeroEditeur", "deposeeApres", "deposeeAvant", "referenceFournisseur",
  "modifieeDepuis", "tri", "ordre",
] as const;

export interface ParametresExport {
  filtre: FiltreDemandes;
  tri: Tri;
  ordre: "ASC" | "DESC";
}

/**
 * Reads the list's filters, sort and order from query parameters: same names, enums and formats
 * as the GraphQL `demandes(filtre, tri, ordre)`; throws ParametreInvalide otherwise.
 */
export function filtreDepuisUrl(p: URLSearchParams): ParametresExport {
  const l = new LecteurParametres(p, PARAMETRES_DEMANDES);
  const date = (k: string) => {
    const v = l.jour(k);
    return v ? new Date(`${v}T00:00:00.000Z`) : null;
  };
  return {
    filtre: {
      numero: l.texte("numero"), type: l.choix("type", TYPES_DEMANDE), statut: l.choix("statut", STATUTS_DEMANDE),
      etatPaiement: l.choix("etatPaiement", ETATS_PAIEMENT), logiciel: l.texte("logiciel"), numeroEditeur: l.texte("numeroEditeur"),
      deposeeApres: date("deposeeApres"), deposeeAvant: date("deposeeAvant"), referenceFournisseur: l.texte("referenceFournisseur"),
      modifieeDepuis: l.instant("modifieeDepuis"),
    },
    tri: l.choix("tri", Object.keys(TRIS) as Tri[]) ?? "DATE_DEPOT",
    ordre: l.choix("ordre", ["ASC", "DESC"] as const) ?? "DESC",
  };
}

/** The filtered list, in the list's order, as CSV or XLSX (`/export/demandes.csv|xlsx`); the export is traced. */
export async function exporterDemandes({ prisma, url, acteur }: RouteArgs, format: FormatTableur): Promise<Response> {
  const a = await acteur();
  if (!a) return reponseTexte(401, "Authentification requise.");
  const p = url.searchParams;
  let parametres: ParametresExport;
  try {
    parametres = filtreDepuisUrl(p);
  } catch (e) {
    if (e instanceof ParametreInvalide) return reponseParametreInvalide(e);
    throw e;
  }
  const where = filtreVersWhere(parametres.filtre, a, parametres.tri);
  const orderBy = triVersOrderBy(parametres.tri, parametres.ordre);
  await tracerAcces(prisma, a, format === "csv" ? "EXPORT_CSV" : "EXPORT_XLSX", p.toString() || null);
  // CSV is streamed page by page; XLSX is a zip written whole, so it stays in memory.
  const contenu = format === "csv"
    ? csvFlux(COLONNES_DEMANDES, pagesDemandes(prisma, where, orderBy))
    : await tableur(format, "Demandes", COLONNES_DEMANDES, await prisma.demande.findMany({ where, orderBy, select: SELECTION }));
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
export function apresLaCle(orderBy: Prisma.DemandeOrderByWithRelationInput[], apres: Cle, d: Dialecte = "sqlite"): Prisma.DemandeWhereInput {
  const colonnes = orderBy.map((o) => Object.entries(o)[0] as [string, Sens]);
  // Whether NULLs come after every value when reading in this direction.
  const nullsApres = (sens: Sens) => (sens === "desc") === (d === "sqlite");
  const egal = (k: number): Prisma.DemandeWhereInput => Object.fromEntries(colonnes.slice(0, k).map(([c]) => [c, apres[c] ?? null]));
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
    v0 === null ? (nullsApres(sens0) ? { [c0]: null } : {})
    : nullsApres(sens0) && TRIS_NULLABLES.has(c0) ? { OR: [large, { [c0]: null }] } : large;
  return { AND: [borne, { OR: branches }] };
}

/** Columns held as dates or 64-bit integers (prisma/schema.prisma), typed back as Prisma reads them. */
const DATES: ReadonlySet<string> = new Set(["dateDepot", "dateCommande", "creeLe", "majLe"]);
const ENTIERS_64: ReadonlySet<string> = new Set(["montantCentimes"]);

/** Per column, the JSON value back to Prisma's type (dates, 64-bit integers as text); null stays null. */
const typeur = (c: string): ((v: unknown) => unknown) =>
  DATES.has(c) ? (v) => (v === null ? null : new Date(v as string)) : ENTIERS_64.has(c) ? (v) => (v === null ? null : BigInt(v as string)) : (v) => v;

function lignesTypees(lignes: unknown[][], colonnes: readonly string[]): Cle[] {
  const typeurs = colonnes.map(typeur);
  return lignes.map((l) => {
    const o: Cle = {};
    for (let i = 0; i < colonnes.length; i++) o[colonnes[i]!] = typeurs[i]!(l[i] ?? null);
    return o;
  });
}

/**
 * The filtered demandes in the list's order, by pages of PAGE_EXPORT, each after the last row's
 * key: one JSON text per page (export/page-sql.ts), or Prisma's findMany for a where form it
 * does not translate. Same rows, same values either way (test/integration/export-flux.test.ts).
 */
export async function* pagesDemandes(
  prisma: Tx, where: Prisma.DemandeWhereInput, orderBy: Prisma.DemandeOrderByWithRelationInput[],
): AsyncGenerator<DemandeExportee[]> {
  const colonnes = [...new Set([...Object.keys(SELECTION), ...orderBy.map((o) => Object.keys(o)[0]!)])];
  const select = Object.fromEntries(colonnes.map((c) => [c, true])) as typeof SELECTION;
  const d = dialecte(prisma);
  let apres: Cle | null = null;
  for (;;) {
    const w: Prisma.DemandeWhereInput = apres === null ? where : { AND: [where, apresLaCle(orderBy, apres, d)] };
    const requete = pageSql(d, w, orderBy, colonnes, PAGE_EXPORT);
    const page = (requete
      ? lignesTypees(await lirePageSql(prisma, requete), colonnes)
      : await prisma.demande.findMany({ where: w, orderBy, select, take: PAGE_EXPORT })) as DemandeExportee[];
    if (page.length) yield page;
    if (page.length < PAGE_EXPORT) return;
    apres = page.at(-1)! as Cle;
  }
}
