import { marque, type Dialecte, type Prisma } from "@segur/prisma";
import type { Tx } from "../historique/service.js";

/*
 * A streamed export's page read as one JSON text (one row, one value) instead of a thousand
 * objects: Prisma's per-row work was twice the SQL of a 100k-row CSV. The where clause is the
 * list's own (demande/filtre.ts, export/csv.ts `apresLaCle`), translated here from the few Prisma
 * forms they use; any other form makes `pageSql` return null and the caller reads the page through
 * Prisma. Only `marque` and `agregat` differ between SQLite and PostgreSQL.
 */

/** Columns of "Demande" a filter, a sort or an export may name (never taken from input). */
const COLONNES: ReadonlySet<string> = new Set([
  "id", "numero", "type", "couloir", "numeroEditeur", "logiciel", "logicielRecherche", "dateDepot", "dateCommande", "statut", "etatPaiement", "montantCentimes",
  "referenceFournisseur", "versionCourante", "creeLe", "majLe",
]);

class FormeInconnue extends Error {}

interface Sql {
  sql: string;
  parametres: unknown[];
}

/** 64-bit integers go as text: a JSON number would lose digits beyond 2^53 once parsed. */
const ENTIERS_64: ReadonlySet<string> = new Set(["montantCentimes"]);

/** Columns of timestamps: PostgreSQL's JSON would write them without a zone (read back as local time). */
const DATES: ReadonlySet<string> = new Set(["dateDepot", "dateCommande", "creeLe", "majLe"]);

/**
 * The rows' columns as one JSON array of arrays, in `ordre`: the next page's key is the last row's,
 * so the order must be certain, and neither database promises an ordered subquery's order inside an
 * aggregate. Sorting the page's 1,000 rows again costs a few % of the 100k export's SQL on SQLite
 * (3.53, which has ORDER BY in aggregates since 3.44). PostgreSQL's dates go as UTC ISO text with
 * their zone (`AT TIME ZONE 'UTC'` makes them timestamptz; the session is in UTC).
 */
function agregat(d: Dialecte, colonnes: readonly string[], ordre: string): string {
  const valeur = (c: string) => ENTIERS_64.has(c) ? `CAST("${c}" AS TEXT)` : d === "postgresql" && DATES.has(c) ? `("${c}" AT TIME ZONE 'UTC')` : `"${c}"`;
  const valeurs = colonnes.map(valeur).join(", ");
  return d === "postgresql" ? `json_agg(json_build_array(${valeurs}) ORDER BY ${ordre})` : `json_group_array(json_array(${valeurs}) ORDER BY ${ordre})`;
}

function colonne(c: string): string {
  if (!COLONNES.has(c)) throw new FormeInconnue(c);
  return `"${c}"`;
}

const estValeur = (v: unknown) => v === null || typeof v !== "object" || v instanceof Date;

/** `{ col: v }` or `{ col: { op: v } }` as Prisma writes it for SQLite (LIKE without escaping, `<>` for `not`). */
function condition(d: Dialecte, c: string, v: unknown, p: unknown[]): string {
  const col = colonne(c);
  const lie = (x: unknown) => (p.push(x), marque(d, p.length));
  if (v === null) return `${col} IS NULL`;
  if (estValeur(v)) return `${col} = ${lie(v)}`;
  const parties = Object.entries(v as Record<string, unknown>).map(([op, x]) => {
    switch (op) {
      case "equals": return x === null ? `${col} IS NULL` : `${col} = ${lie(x)}`;
      case "not": return x === null ? `${col} IS NOT NULL` : estValeur(x) ? `${col} <> ${lie(x)}` : `NOT (${condition(d, c, x, p)})`;
      case "lt": return `${col} < ${lie(x)}`;
      case "lte": return `${col} <= ${lie(x)}`;
      case "gt": return `${col} > ${lie(x)}`;
      case "gte": return `${col} >= ${lie(x)}`;
      case "contains": return `${col} LIKE ('%' || ${lie(x)} || '%')`;
      default: throw new FormeInconnue(op);
    }
  });
  return parties.length ? parties.join(" AND ") : "1=1";
}

function clause(d: Dialecte, w: Prisma.DemandeWhereInput, p: unknown[]): string {
  const parties = Object.entries(w).map(([k, v]) => {
    if (k === "AND") return `(${[v].flat().map((x) => clause(d, x as Prisma.DemandeWhereInput, p)).join(" AND ") || "1=1"})`;
    if (k === "OR") return `(${(v as Prisma.DemandeWhereInput[]).map((x) => clause(d, x, p)).join(" OR ") || "1=0"})`;
    // Prisma's NOT of a list: none of them holds.
    if (k === "NOT") return `(${[v].flat().map((x) => `NOT (${clause(d, x as Prisma.DemandeWhereInput, p)})`).join(" AND ") || "1=1"})`;
    if (v === undefined) return "1=1";
    return `(${condition(d, k, v, p)})`;
  });
  return parties.length ? parties.join(" AND ") : "1=1";
}

/**
 * The page's statement: `colonnes` of the rows matching `where` in `orderBy`, at most `taille`,
 * as one JSON text (column `page`), or null when `where` uses a form not translated here.
 */
export function pageSql(
  d: Dialecte, where: Prisma.DemandeWhereInput, orderBy: Prisma.DemandeOrderByWithRelationInput[], colonnes: readonly string[], taille: number,
): Sql | null {
  const parametres: unknown[] = [];
  try {
    const filtre = clause(d, where, parametres);
    const ordre = orderBy.map((o) => {
      const [c, sens] = Object.entries(o)[0] as [string, string];
      if (sens !== "asc" && sens !== "desc") throw new FormeInconnue(String(sens));
      return `${colonne(c)} ${sens.toUpperCase()}`;
    }).join(", ");
    colonnes.forEach(colonne);
    parametres.push(taille);
    const sql = `SELECT ${agregat(d, colonnes, ordre)} AS page FROM (SELECT ${colonnes.map((c) => `"${c}"`).join(", ")} FROM "Demande"`
      + ` WHERE ${filtre} ORDER BY ${ordre} LIMIT ${marque(d, parametres.length)}) AS p`;
    return { sql, parametres };
  } catch (e) {
    if (e instanceof FormeInconnue) return null;
    throw e;
  }
}

/** The page's rows, each the array of its `colonnes` values as the database gave them (text dates, integer cents). */
export async function lirePageSql(tx: Tx, requete: Sql): Promise<unknown[][]> {
  // SQLite gives the JSON as text; PostgreSQL's adapter may give it parsed already.
  const [r] = await tx.$queryRawUnsafe<{ page: string | unknown[][] | null }[]>(requete.sql, ...requete.parametres);
  if (!r?.page) return [];
  return typeof r.page === "string" ? (JSON.parse(r.page) as unknown[][]) : r.page;
}
