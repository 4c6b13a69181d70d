// A list page read by one plain statement instead of Prisma's findMany + the certificate rows: the
// page's rows (and, nested, each one's certificate rows) come back as one JSON text, turned into
// objects of Prisma's shapes (Date, bigint, boolean) by the columns' declared types. It returns
// what Prisma's findMany returns for the same where, order, cursor, take and skip (held by
// test/integration/liste-sql.test.ts), or null when the query has a form not translated here
// (then the caller asks Prisma). SQLite and PostgreSQL differ only in `json` and `valeur`.
import { dialecte, getDatamodel, marque, type Db, type Dialecte, type Prisma } from "@segur/prisma";
import { clause, FormeInconnue, ordre, tris, type Sens } from "../commun/where-sql.js";

const MODELES = getDatamodel().datamodel.models;
export type Modele = keyof typeof MODELES & string;

type Colonnes = Map<string, { type: string; requis: boolean }>;
const parModele = new Map<string, Colonnes>();
/** Per scalar column of a model: its Prisma type (Int, String, DateTime, BigInt, Boolean…) and whether it may be NULL. */
export function colonnesDe(m: Modele): Colonnes {
  let c = parModele.get(m);
  if (!c)
    parModele.set(
      m,
      (c = new Map(
        MODELES[m]!.fields.filter((f) => f.kind === "scalar").map((f) => [
          f.name,
          { type: f.type, requis: f.isRequired },
        ]),
      )),
    );
  return c;
}
const TYPES_LUS = new Set(["Int", "String", "DateTime", "BigInt", "Boolean"]);

/** One column's SQL value inside the JSON: 64-bit integers as text (exact beyond 2^53), PostgreSQL's timestamps with their zone. */
export function valeur(d: Dialecte, m: Modele, alias: string, c: string): string {
  const type = colonnesDe(m).get(c)?.type;
  if (!type || !TYPES_LUS.has(type)) throw new FormeInconnue(`${m}.${c}`);
  const col = `${alias}."${c}"`;
  if (type === "BigInt") return `CAST(${col} AS TEXT)`;
  return d === "postgresql" && type === "DateTime" ? `(${col} AT TIME ZONE 'UTC')` : col;
}

/** Back to Prisma's type: dates, 64-bit integers, booleans (SQLite's 0 / 1); null stays null. */
function typeur(m: Modele, c: string): (v: unknown) => unknown {
  switch (colonnesDe(m).get(c)!.type) {
    case "DateTime":
      return (v) => (v === null ? null : new Date(v as string | number));
    case "BigInt":
      return (v) => (v === null ? null : BigInt(v as string));
    case "Boolean":
      return (v) => (v === null ? null : Boolean(v));
    default:
      return (v) => v;
  }
}

/** Turns a JSON array of `colonnes` values (in that order) into a row of Prisma's types. */
export function lecteurLigne(m: Modele, colonnes: readonly string[]): (ligne: unknown[]) => Record<string, unknown> {
  const types = colonnes.map((c) => typeur(m, c));
  return (ligne) => {
    const o: Record<string, unknown> = {};
    for (let i = 0; i < colonnes.length; i++) o[colonnes[i]!] = types[i]!(ligne[i] ?? null);
    return o;
  };
}

export const json = {
  /** One row's values as a JSON array. */
  ligne: (d: Dialecte, valeurs: string) =>
    d === "postgresql" ? `json_build_array(${valeurs})` : `json_array(${valeurs})`,
  /** The rows' arrays aggregated into one JSON array, in `ordreSql` (null: the order the rows come in). */
  tableau: (d: Dialecte, valeurs: string, ordreSql: string | null) => {
    const tri = ordreSql ? ` ORDER BY ${ordreSql}` : "";
    return d === "postgresql"
      ? `json_agg(${json.ligne(d, valeurs)}${tri})`
      : `json_group_array(${json.ligne(d, valeurs)}${tri})`;
  },
  /** A subquery's JSON array kept as JSON inside the row's array (SQLite drops the JSON subtype across a subquery); [] when empty. */
  imbrique: (d: Dialecte, sousRequete: string) =>
    d === "postgresql" ? `COALESCE((${sousRequete}), '[]'::json)` : `json((${sousRequete}))`,
};

/** The JSON value of a raw statement's one column: SQLite gives text, PostgreSQL's adapter may give it parsed already. */
export const jsonLu = <T>(v: string | T | null | undefined): T | null =>
  v == null ? null : typeof v === "string" ? (JSON.parse(v) as T) : v;

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
