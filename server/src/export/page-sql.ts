import { marque, type Dialecte, type Prisma } from "@segur/prisma";
import { clause, colonne, FormeInconnue } from "../commun/where-sql.js";
import type { Tx } from "../historique/service.js";
import { colonnesDe, json, jsonLu } from "../commun/sql-brut.js";

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

/** Exact for the millisecond timestamps both databases hold (SQLite: ISO text; PostgreSQL: `timestamp(3)` in UTC). */
const millisecondes = (d: Dialecte, col: string) =>
  d === "postgresql"
    ? `CAST(ROUND(EXTRACT(EPOCH FROM ${col}) * 1000) AS BIGINT)`
    : `CAST(ROUND(unixepoch(${col}, 'subsec') * 1000) AS INTEGER)`;

/**
 * The rows' columns as one JSON array of arrays, in `ordre`: the next page's key is the last row's,
 * so the order must be certain, and neither database promises an ordered subquery's order inside an
 * aggregate. Sorting the page's 1,000 rows again costs a few % of the 100k export's SQL on SQLite
 * (3.53, which has ORDER BY in aggregates since 3.44).
 */
function agregat(d: Dialecte, colonnes: readonly string[], ordre: string | null): string {
  // 64-bit integers as text (a JSON number loses digits beyond 2^53); timestamps as milliseconds
  // since 1970, which JavaScript reads far faster than ISO text.
  const valeur = (c: string) => {
    const type = colonnesDe("Demande").get(c)?.type;
    return type === "BigInt" ? `CAST("${c}" AS TEXT)` : type === "DateTime" ? millisecondes(d, `"${c}"`) : `"${c}"`;
  };
  return json.tableau(d, colonnes.map(valeur).join(", "), ordre);
}

/**
 * The page's statement: `colonnes` of the rows matching `where` in `orderBy`, at most `taille`,
 * as one JSON text (column `page`), or null when `where` uses a form not translated here.
 * `triee: false` leaves the aggregate unsorted (the rows are the same, their order is the one the
 * subquery hands over in practice, not promised): for a caller that checks the order itself.
 */
export function pageSql(
  d: Dialecte,
  where: Prisma.DemandeWhereInput,
  orderBy: Prisma.DemandeOrderByWithRelationInput[],
  colonnes: readonly string[],
  taille: number,
  { triee = true } = {},
): Sql | null {
  const parametres: unknown[] = [];
  try {
    const filtre = clause(d, where, parametres);
    const ordre = orderBy
      .map((o) => {
        const [c, sens] = Object.entries(o)[0] as [string, string];
        if (sens !== "asc" && sens !== "desc") throw new FormeInconnue(String(sens));
        return `${colonne(c)} ${sens.toUpperCase()}`;
      })
      .join(", ");
    colonnes.forEach(colonne);
    parametres.push(taille);
    const sql =
      `SELECT ${agregat(d, colonnes, triee ? ordre : null)} AS page FROM (SELECT ${colonnes.map((c) => `"${c}"`).join(", ")} FROM "Demande"` +
      ` WHERE ${filtre} ORDER BY ${ordre} LIMIT ${marque(d, parametres.length)}) AS p`;
    return { sql, parametres };
  } catch (e) {
    if (e instanceof FormeInconnue) return null;
    throw e;
  }
}

/** The page's rows, each the array of its `colonnes` values: dates in milliseconds, 64-bit integers as text. */
export async function lirePageSql(tx: Tx, requete: Sql): Promise<unknown[][]> {
  const [r] = await tx.$queryRawUnsafe<{ page: string | unknown[][] | null }[]>(requete.sql, ...requete.parametres);
  return jsonLu(r?.page) ?? [];
}
