// A list page read by one plain statement instead of Prisma's findMany + the certificate rows: the
// page's rows (and, nested, each one's certificate rows) come back as one JSON text, turned into
// objects of Prisma's shapes (Date, bigint, boolean) by the columns' declared types. It returns
// what Prisma's findMany returns for the same where, order, cursor, take and skip (held by
// test/integration/liste-sql.test.ts), or null when the query has a form not translated here
// (then the caller asks Prisma). SQLite and PostgreSQL differ only in `json` and `valeur`.
import { dialecte, marque, type Db, type Dialecte, type Prisma } from "@segur/prisma";
import { colonnesDe, json, jsonLu, lecteurLigne, valeur } from "../commun/sql-brut.js";
import { clause, FormeInconnue, ordre, tris, type Sens } from "../commun/where-sql.js";

export interface RequetePage {
  where: Prisma.DemandeWhereInput;
  orderBy: Prisma.DemandeOrderByWithRelationInput[];
  /** Pothos's connection arguments: `take` < 0 reads backwards from the cursor (Prisma's semantics). */
  take: number;
  skip: number;
  cursor?: { id: number };
  /** Columns of the demande to read (id is always read); every scalar column when absent. */
  colonnes?: string[];
  /** The certificate rows (demandeCertificatServeur, by ordre then id): their columns (id and demandeId always read), `[]` for every one; absent: not read. */
  administrateurs?: string[];
}

const inverse = (s: Sens): Sens => (s === "asc" ? "desc" : "asc");

/**
 * Prisma's cursor condition for non-NULL sort columns: rows at or after the cursor row in the
 * reading order (the cursor row itself included, `skip: 1` drops it), its values read by
 * subqueries: a cursor row that no longer exists gives no row, as with Prisma.
 */
function conditionCurseur(d: Dialecte, t: [string, Sens][], id: number, p: unknown[]): string {
  const deLaLigne = (c: string) => (p.push(id), `(SELECT "${c}" FROM "Demande" WHERE "id" = ${marque(d, p.length)})`);
  const branches = t.map(([c, s], i) => {
    const egaux = t.slice(0, i).map(([e]) => `"${e}" = ${deLaLigne(e)}`);
    const dernier = i === t.length - 1;
    const op = s === "asc" ? (dernier ? ">=" : ">") : dernier ? "<=" : "<";
    return `(${[...egaux, `"${c}" ${op} ${deLaLigne(c)}`].join(" AND ")})`;
  });
  return `(${branches.join(" OR ")})`;
}

/** The page's statement and how to read its rows back; null for a form read through Prisma. */
export function pageListeSql(
  d: Dialecte,
  r: RequetePage,
): { sql: string; parametres: unknown[]; lire: (page: unknown[][]) => Record<string, unknown>[] } | null {
  try {
    const lu = tris(r.orderBy);
    // Prisma pages after a cursor on a NULL-able sort column in memory, with rules of its own: left to it.
    if (r.cursor && lu.some(([c]) => !colonnesDe("Demande").get(c)!.requis)) return null;
    if (!Number.isInteger(r.take) || !Number.isInteger(r.skip) || r.skip < 0) return null;
    // Backwards (take < 0), as Prisma does: read in the opposite order, then give the rows in the asked one.
    const lecture = r.take < 0 ? lu.map(([c, s]): [string, Sens] => [c, inverse(s)]) : lu;
    const parametres: unknown[] = [];
    const filtre = clause(d, r.where, parametres);
    const curseur = r.cursor ? ` AND ${conditionCurseur(d, lecture, r.cursor.id, parametres)}` : "";
    const colonnes = [...new Set(["id", ...(r.colonnes ?? colonnesDe("Demande").keys())])];
    const lus = [...new Set([...colonnes, ...lu.map(([c]) => c)])];
    const admins = r.administrateurs && [
      ...new Set([
        "id",
        "demandeId",
        ...(r.administrateurs.length ? r.administrateurs : colonnesDe("AdministrateurTechnique").keys()),
      ]),
    ];
    const valeurs = colonnes.map((c) => valeur(d, "Demande", "p", c));
    if (admins) {
      const va = admins.map((c) => valeur(d, "AdministrateurTechnique", "a", c)).join(", ");
      valeurs.push(
        json.imbrique(
          d,
          `SELECT ${json.tableau(d, va, `a."ordre", a."id"`)} FROM "AdministrateurTechnique" a` +
            ` WHERE a."demandeId" = p."id" AND a."demandeCertificatServeur" = true`,
        ),
      );
    }
    parametres.push(Math.abs(r.take), r.skip);
    const sql =
      `SELECT ${json.tableau(d, valeurs.join(", "), lu.map(([c, s]) => `p."${c}" ${s.toUpperCase()}`).join(", "))} AS page` +
      ` FROM (SELECT ${lus.map((c) => `"${c}"`).join(", ")} FROM "Demande" WHERE ${filtre}${curseur} ORDER BY ${ordre(lecture)}` +
      ` LIMIT ${marque(d, parametres.length - 1)} OFFSET ${marque(d, parametres.length)}) p`;
    const demande = lecteurLigne("Demande", colonnes);
    const admin = admins && lecteurLigne("AdministrateurTechnique", admins);
    const lire = (page: unknown[][]) =>
      page.map((l) => {
        const o = demande(l);
        if (admin) o.administrateurs = (l[colonnes.length] as unknown[][]).map(admin);
        return o;
      });
    return { sql, parametres, lire };
  } catch (e) {
    if (e instanceof FormeInconnue) return null;
    throw e;
  }
}

/** The page by one statement, or null when its form is left to Prisma. */
export async function lirePageListe(prisma: Db, r: RequetePage): Promise<Record<string, unknown>[] | null> {
  const requete = pageListeSql(dialecte(prisma), r);
  if (!requete) return null;
  const [ligne] = await prisma.$queryRawUnsafe<{ page: string | unknown[][] | null }[]>(
    requete.sql,
    ...requete.parametres,
  );
  return requete.lire(jsonLu(ligne?.page) ?? []);
}

/** The count of a where, by one plain statement; null when its form is left to Prisma. */
export async function compterDemandes(prisma: Db, where: Prisma.DemandeWhereInput): Promise<number | null> {
  const d = dialecte(prisma);
  const parametres: unknown[] = [];
  let filtre: string;
  try {
    filtre = clause(d, where, parametres);
  } catch (e) {
    if (e instanceof FormeInconnue) return null;
    throw e;
  }
  const [r] = await prisma.$queryRawUnsafe<{ n: number | bigint }[]>(
    `SELECT count(*) AS n FROM "Demande" WHERE ${filtre}`,
    ...parametres,
  );
  return Number(r!.n);
}
