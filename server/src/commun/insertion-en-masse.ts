import { dialecte, marque, type Dialecte } from "@segur/prisma";
import type { Tx } from "../historique/service.js";

/*
 * Multi-row INSERTs for bulk writes (the import). Measured on the 2-core machine, Prisma's
 * createMany costs about 0.5 ms of client CPU per row (12,000 change rows: 6.5 s), more than the
 * whole write should. Rows go as one JSON text per slice, unpacked by the database (one bound
 * parameter per statement whatever the slice, no per-value bind work in JavaScript: the VALUES
 * form costs 30–90 µs a row here, mostly preparing statements of 999 placeholders), bytes (a
 * pièce's content) as their hex digits, decoded by the database; rows holding any other object go
 * as a plain `INSERT … VALUES (…), (…)`. Values are never spliced.
 * The dialect-specific SQL is in `selectionJson`, `marque` (@segur/prisma) and `valeurJson` only (SQLite: arrays
 * through json_each; PostgreSQL: objects through json_populate_recordset, typed by the table's row).
 */

/** SQLite binds at most 999 parameters per statement: rows of c columns go ⌊999 / c⌋ per INSERT. */
export const PARAMETRES_MAX = 999;

export const lignesParInsertion = (colonnes: number) => Math.max(1, Math.floor(PARAMETRES_MAX / Math.max(1, colonnes)));

type Ligne = Record<string, unknown>;

/** The driver binds Buffers as BLOBs; everything else (Date, boolean, bigint) as Prisma does. */
const valeur = (v: unknown) =>
  v === undefined
    ? null
    : v instanceof Uint8Array && !Buffer.isBuffer(v)
      ? Buffer.from(v.buffer, v.byteOffset, v.byteLength)
      : v;

function* instructions(
  d: Dialecte,
  table: string,
  lignes: readonly Ligne[],
  retour: string | null,
): Generator<{ sql: string; parametres: unknown[] }> {
  if (!lignes.length) return;
  const colonnes = Object.keys(lignes[0]!);
  const taille = lignesParInsertion(colonnes.length);
  const tete = `INSERT INTO "${table}" (${colonnes.map((c) => `"${c}"`).join(", ")}) VALUES `;
  const tuple = (j: number) => `(${colonnes.map((_, k) => marque(d, j * colonnes.length + k + 1)).join(", ")})`;
  for (let i = 0; i < lignes.length; i += taille) {
    const tranche = lignes.slice(i, i + taille);
    yield {
      sql: tete + tranche.map((_, j) => tuple(j)).join(", ") + (retour ? ` RETURNING ${retour}` : ""),
      parametres: tranche.flatMap((l) => colonnes.map((c) => valeur(l[c]))),
    };
  }
}

/**
 * The rows of the bound JSON text (parameter `n`) as a SELECT of `colonnes`. SQLite: the `i`-th
 * value of each array element (`->>` gives TEXT, INTEGER, REAL or NULL, the column's affinity does
 * the rest). PostgreSQL: each object read as a row of the table's own type (its columns' types
 * cast the values: ISO dates, booleans, bigint digits), keys missing from an object being NULL.
 */
const selectionJson = (
  d: Dialecte,
  table: string,
  colonnes: readonly string[],
  n = 1,
  octets: ReadonlySet<number> = new Set(),
) =>
  d === "postgresql"
    ? `SELECT ${colonnes.map((c) => `"${c}"`).join(", ")} FROM json_populate_recordset(NULL::"${table}", $${n}::json)`
    : `SELECT ${colonnes.map((_, i) => (octets.has(i) ? `unhex(value ->> ${i})` : `value ->> ${i}`)).join(", ")} FROM json_each(?)`;

/**
 * The texts of a bound JSON array (parameter `n`) as a one-column SELECT, for `… IN (…)` over a
 * list as long as a file's: one bound value per statement whatever its length (slices of
 * LIGNES_PAR_JSON), never a placeholder per value.
 */
export const textesJson = (d: Dialecte, n = 1) =>
  d === "postgresql" ? `SELECT json_array_elements_text($${n}::json)` : `SELECT value FROM json_each(?)`;

type Json = string | number | boolean | null;

/**
 * A value as the driver adapter would bind it, in JSON: dates as their UTC ISO text (SQLite: as
 * the adapter writes them, `…+00:00`; PostgreSQL's TIMESTAMP(3) ignores the zone of a UTC text),
 * booleans 0 / 1 on SQLite, bigints as their digits (exact beyond 2^53: the INTEGER column's
 * affinity, or bigint's input, reads them), bytes as hex digits (PostgreSQL: bytea's `\x…` input;
 * SQLite: `unhex` in `selectionJson`). `undefined` for any other object: such rows are bound one value each.
 */
function valeurJson(d: Dialecte, v: unknown): Json | undefined {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case "string":
    case "number":
      return v;
    case "boolean":
      return d === "postgresql" ? v : v ? 1 : 0;
    case "bigint":
      return v.toString();
  }
  if (v instanceof Uint8Array)
    return (d === "postgresql" ? "\\x" : "") + Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("hex");
  if (!(v instanceof Date)) return undefined;
  return d === "postgresql" ? v.toISOString() : v.toISOString().replace("Z", "+00:00");
}

/** A row in the JSON shape `selectionJson` reads: an array in `colonnes` order (SQLite) or an object (PostgreSQL). */
function ligneJson(d: Dialecte, colonnes: readonly string[], valeurs: readonly Json[]): Json[] | Record<string, Json> {
  return d === "postgresql" ? Object.fromEntries(colonnes.map((c, i) => [c, valeurs[i]!])) : (valeurs as Json[]);
}

/**
 * The rows in JSON and the indexes of the columns holding bytes, or null when a row holds another
 * object, or a column both bytes and other values (its hex digits could not be told from text).
 */
function enJson(
  d: Dialecte,
  lignes: readonly Ligne[],
  colonnes: readonly string[],
): { json: unknown[]; octets: Set<number> } | null {
  const json: unknown[] = new Array(lignes.length);
  // Per column: 1 = bytes seen, 2 = another value seen (a flag array: this loop runs per value).
  const genres = new Uint8Array(colonnes.length);
  for (let j = 0; j < lignes.length; j++) {
    const l = lignes[j]!;
    const t: Json[] = new Array(colonnes.length);
    for (let i = 0; i < colonnes.length; i++) {
      const brut = l[colonnes[i]!];
      const v = valeurJson(d, brut);
      if (v === undefined) return null;
      if (v !== null) genres[i]! |= brut instanceof Uint8Array ? 1 : 2;
      t[i] = v;
    }
    json[j] = ligneJson(d, colonnes, t);
  }
  const octets = new Set<number>();
  for (let i = 0; i < colonnes.length; i++) {
    if (genres[i] === 3) return null;
    if (genres[i] === 1) octets.add(i);
  }
  return { json, octets };
}

/** The statements writing `lignes`: JSON slices when every value allows it, else VALUES slices. */
function* ecritures(
  d: Dialecte,
  table: string,
  lignes: readonly Ligne[],
  retour: string | null,
): Generator<{ sql: string; parametres: unknown[] }> {
  if (!lignes.length) return;
  const colonnes = Object.keys(lignes[0]!);
  const enTexte = enJson(d, lignes, colonnes);
  if (!enTexte) {
    yield* instructions(d, table, lignes, retour);
    return;
  }
  const { json, octets } = enTexte;
  const sql = `INSERT INTO "${table}" (${colonnes.map((c) => `"${c}"`).join(", ")}) ${selectionJson(d, table, colonnes, 1, octets)}${retour ? ` RETURNING ${retour}` : ""}`;
  for (let i = 0; i < json.length; i += LIGNES_PAR_JSON)
    yield { sql, parametres: [JSON.stringify(json.slice(i, i + LIGNES_PAR_JSON))] };
}

/**
 * Inserts rows (all with the same keys: the table's column names) in slices, whatever their
 * number: each statement binds one JSON text, or at most PARAMETRES_MAX values when a row holds an
 * object other than bytes and dates. `table` and the keys come from this code, never from input.
 */
export async function insererEnMasse(tx: Tx, table: string, lignes: readonly Ligne[]): Promise<void> {
  for (const { sql, parametres } of ecritures(dialecte(tx), table, lignes, null))
    await tx.$executeRawUnsafe(sql, ...parametres);
}

/** Rows whose values are only text, integers or null: one JSON text per slice, never a list of parameters. */
type LigneSimple = Record<string, string | number | null>;
export const LIGNES_PAR_JSON = 5_000;

/**
 * Inserts many narrow rows (version changes: a hundred per imported demande) as slices of one
 * JSON array each, unpacked by the database (`selectionJson`): one bound parameter per statement
 * whatever the slice, and no per-row bind work in JavaScript (the VALUES form costs 30–50 µs a row here).
 */
export async function insererParJson(tx: Tx, table: string, lignes: readonly LigneSimple[]): Promise<void> {
  if (!lignes.length) return;
  const d = dialecte(tx);
  const colonnes = Object.keys(lignes[0]!);
  const sql = `INSERT INTO "${table}" (${colonnes.map((c) => `"${c}"`).join(", ")}) ${selectionJson(d, table, colonnes)}`;
  for (let i = 0; i < lignes.length; i += LIGNES_PAR_JSON) {
    await tx.$executeRawUnsafe(
      sql,
      JSON.stringify(
        lignes.slice(i, i + LIGNES_PAR_JSON).map((l) =>
          ligneJson(
            d,
            colonnes,
            colonnes.map((c) => l[c] ?? null),
          ),
        ),
      ),
    );
  }
}

/** The same, returning the `retour` columns of each inserted row (SQLite's RETURNING; order not promised). */
export async function insererEtRelire<R>(
  tx: Tx,
  table: string,
  lignes: readonly Ligne[],
  retour: string,
): Promise<R[]> {
  const out: R[] = [];
  for (const { sql, parametres } of ecritures(dialecte(tx), table, lignes, retour))
    out.push(...(await tx.$queryRawUnsafe<R[]>(sql, ...parametres)));
  return out;
}

/**
 * Inserts narrow rows (text, integers, booleans as the 0/1 the client stores, null) as insererParJson
 * does, or, for a row whose `conflit` key exists, sets every column but the key and `conserver`
 * (SQLite's upsert): a draft's additions and changes of a block in one statement, no per-value bind work.
 */
export async function insererOuMettreAJourParJson(
  tx: Tx,
  table: string,
  lignes: readonly Record<string, string | number | boolean | null>[],
  conflit: readonly string[],
  conserver: readonly string[] = [],
): Promise<void> {
  if (!lignes.length) return;
  const d = dialecte(tx);
  const colonnes = Object.keys(lignes[0]!);
  const garde = new Set([...conflit, ...conserver]);
  const maj = colonnes.filter((c) => !garde.has(c)).map((c) => `"${c}" = excluded."${c}"`);
  // "WHERE true": without it SQLite would read ON CONFLICT as a join constraint of the SELECT.
  const sql =
    `INSERT INTO "${table}" (${colonnes.map((c) => `"${c}"`).join(", ")}) ${selectionJson(d, table, colonnes)} WHERE true` +
    ` ON CONFLICT (${conflit.map((c) => `"${c}"`).join(", ")}) DO ${maj.length ? `UPDATE SET ${maj.join(", ")}` : "NOTHING"}`;
  for (let i = 0; i < lignes.length; i += LIGNES_PAR_JSON) {
    await tx.$executeRawUnsafe(
      sql,
      JSON.stringify(
        lignes.slice(i, i + LIGNES_PAR_JSON).map((l) =>
          ligneJson(
            d,
            colonnes,
            colonnes.map((c) => valeurJson(d, l[c]) ?? null),
          ),
        ),
      ),
    );
  }
}
