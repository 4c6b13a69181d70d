import { marque, type Dialecte, type Prisma } from "@segur/prisma";
import { clause, colonne, FormeInconnue } from "../commun/where-sql.js";
import type { Tx } from "../historique/service.js";

/*
 * A streamed export's page read as one JSON text (one row, one value) instead of a thousand
 * objects: Prisma's per-row work was twice the SQL of a 100k-row CSV. The where clause is the
 * list's own (demande/filtre.ts, export/csv.ts `apresLaCle`), translated by commun/where-sql.ts from the
 * few Prisma forms they use; any other form makes `pageSql` return null and the caller reads the page through
 * Prisma. Only `marque` and `agregat` differ between SQLite and PostgreSQL.
 */

interface Sql {
  sql: string;
  parametres: unknown[];
}

/** 64-bit integers go as text: a JSON number would lose digits beyond 2^53 once parsed. */
const ENTIERS_64: ReadonlySet<string> = new Set(["montantCentimes"]);

/** Columns of timestamps: they go as milliseconds since 1970 (UTC), which JavaScript reads far faster than ISO text. */
const DATES: ReadonlySet<string> = new Set(["dateDepot", "dateCommande", "creeLe", "majLe"]);

/** Exact for the millisecond timestamps both databases hold (SQLite: ISO text; PostgreSQL: `timestamp(3)` in UTC). */
const millisecondes = (d: Dialecte, col: string) =>
  d === "postgresql" ? `CAST(ROUND(EXTRACT(EPOCH FROM ${col}) * 1000) AS BIGINT)` : `CAST(ROUND(unixepoch(${col}, 'subsec') * 1000) AS INTEGER)`;

/**
 * The rows' columns as one JSON array of arrays, in `ordre`: the next page's key is the last row's,
 * so the order must be certain, and neither database promises an ordered subquery's order inside an
 * aggregate. Sorting the page's 1,000 rows again costs a few % of the 100k export's SQL on SQLite
 * (3.53, which has ORDER BY in aggregates since 3.44).
 */
function agregat(d: Dialecte, colonnes: readonly string[], ordre: string | null): string {
  const valeur = (c: string) => ENTIERS_64.has(c) ? `CAST("${c}" AS TEXT)` : DATES.has(c) ? millisecondes(d, `"${c}"`) : `"${c}"`;
  const valeurs = colonnes.map(valeur).join(", ");
  const tri = ordre ? ` ORDER BY ${ordre}` : "";
  return d === "postgresql" ? `json_agg(json_build_array(${valeurs})${tri})` : `json_group_array(json_array(${valeurs})${tri})`;
}

/**
 * The page's statement: `colonnes` of the rows matching `where` in `orderBy`, at most `taille`,
 * as one JSON text (column `page`), or null when `where` uses a form not translated here.
 * `triee: false` leaves the aggregate unsorted (the rows are the same, their order is the one the
 * subquery hands over in practice, not promised): for a caller that checks the order itself.
 */
export function pageSql(
  d: Dialecte, where: Prisma.DemandeWhereInput, orderBy: Prisma.DemandeOrderByWithRelationInput[], colonnes: readonly string[], taille: number,
  { triee = true } = {},
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
    const sql = `SELECT ${agregat(d, colonnes, triee ? ordre : null)} AS page FROM (SELECT ${colonnes.map((c) => `"${c}"`).join(", ")} FROM "Demande"`
      + ` WHERE ${filtre} ORDER BY ${ordre} LIMIT ${marque(d, parametres.length)}) AS p`;
    return { sql, parametres };
  } catch (e) {
    if (e instanceof FormeInconnue) return null;
    throw e;
  }
}

/** The page's rows, each the array of its `colonnes` values: dates in milliseconds, 64-bit integers as text. */
export async function lirePageSql(tx: Tx, requete: Sql): Promise<unknown[][]> {
  // SQLite gives the JSON as text; PostgreSQL's adapter may give it parsed already.
  const [r] = await tx.$queryRawUnsafe<{ page: string | unknown[][] | null }[]>(requete.sql, ...requete.parametres);
  if (!r?.page) return [];
  return typeof r.page === "string" ? (JSON.parse(r.page) as unknown[][]) : r.page;
}
