import type { Tx } from "../historique/service.js";

/*
 * Multi-row INSERTs for bulk writes (the import). Measured on the 2-core machine, Prisma's
 * createMany costs about 0.5 ms of client CPU per row (12,000 change rows: 6.5 s), more than the
 * whole write should; a plain `INSERT … VALUES (…), (…)` through the same transaction costs a
 * few µs per row. Values are bound (never spliced), through the same driver adapter as Prisma's
 * own queries, so dates, booleans and bigints are stored exactly as the client stores them.
 */

/** SQLite binds at most 999 parameters per statement: rows of c columns go ⌊999 / c⌋ per INSERT. */
export const PARAMETRES_MAX = 999;

export const lignesParInsertion = (colonnes: number) => Math.max(1, Math.floor(PARAMETRES_MAX / Math.max(1, colonnes)));

type Ligne = Record<string, unknown>;

/** The driver binds Buffers as BLOBs; everything else (Date, boolean, bigint) as Prisma does. */
const valeur = (v: unknown) => (v === undefined ? null : v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v);

function* instructions(table: string, lignes: readonly Ligne[], retour: string | null): Generator<{ sql: string; parametres: unknown[] }> {
  if (!lignes.length) return;
  const colonnes = Object.keys(lignes[0]!);
  const taille = lignesParInsertion(colonnes.length);
  const tete = `INSERT INTO "${table}" (${colonnes.map((c) => `"${c}"`).join(", ")}) VALUES `;
  const tuple = `(${colonnes.map(() => "?").join(", ")})`;
  for (let i = 0; i < lignes.length; i += taille) {
    const tranche = lignes.slice(i, i + taille);
    yield {
      sql: tete + tranche.map(() => tuple).join(", ") + (retour ? ` RETURNING ${retour}` : ""),
      parametres: tranche.flatMap((l) => colonnes.map((c) => valeur(l[c]))),
    };
  }
}

/**
 * Inserts rows (all with the same keys: the table's column names) in slices under the parameter
 * limit. `table` and the keys come from this code, never from input.
 */
export async function insererEnMasse(tx: Tx, table: string, lignes: readonly Ligne[]): Promise<void> {
  for (const { sql, parametres } of instructions(table, lignes, null)) await tx.$executeRawUnsafe(sql, ...parametres);
}

/** Rows whose values are only text, integers or null: one JSON text per slice, never a list of parameters. */
type LigneSimple = Record<string, string | number | null>;
export const LIGNES_PAR_JSON = 5_000;

/**
 * Inserts many narrow rows (version changes: a hundred per imported demande) as slices of one
 * JSON array each, unpacked by SQLite's json_each: one bound parameter per statement whatever the
 * slice, and no per-row bind work in JavaScript (the VALUES form costs 30–50 µs a row here).
 */
export async function insererParJson(tx: Tx, table: string, lignes: readonly LigneSimple[]): Promise<void> {
  if (!lignes.length) return;
  const colonnes = Object.keys(lignes[0]!);
  const sql = `INSERT INTO "${table}" (${colonnes.map((c) => `"${c}"`).join(", ")}) SELECT ${colonnes.map((_, i) => `value ->> ${i}`).join(", ")} FROM json_each(?)`;
  for (let i = 0; i < lignes.length; i += LIGNES_PAR_JSON) {
    await tx.$executeRawUnsafe(sql, JSON.stringify(lignes.slice(i, i + LIGNES_PAR_JSON).map((l) => colonnes.map((c) => l[c] ?? null))));
  }
}

/** The same, returning the `retour` columns of each inserted row (SQLite's RETURNING; order not promised). */
export async function insererEtRelire<R>(tx: Tx, table: string, lignes: readonly Ligne[], retour: string): Promise<R[]> {
  const out: R[] = [];
  for (const { sql, parametres } of instructions(table, lignes, retour)) out.push(...(await tx.$queryRawUnsafe<R[]>(sql, ...parametres)));
  return out;
}

/**
 * Inserts narrow rows (text, integers, booleans as the 0/1 the client stores, null) as insererParJson
 * does, or, for a row whose `conflit` key exists, sets every column but the key and `conserver`
 * (SQLite's upsert): a draft's additions and changes of a block in one statement, no per-value bind work.
 */
export async function insererOuMettreAJourParJson(
  tx: Tx, table: string, lignes: readonly Record<string, string | number | boolean | null>[], conflit: readonly string[], conserver: readonly string[] = [],
): Promise<void> {
  if (!lignes.length) return;
  const colonnes = Object.keys(lignes[0]!);
  const garde = new Set([...conflit, ...conserver]);
  const maj = colonnes.filter((c) => !garde.has(c)).map((c) => `"${c}" = excluded."${c}"`);
  // "WHERE true": without it SQLite would read ON CONFLICT as a join constraint of the SELECT.
  const sql = `INSERT INTO "${table}" (${colonnes.map((c) => `"${c}"`).join(", ")}) SELECT ${colonnes.map((_, i) => `value ->> ${i}`).join(", ")} FROM json_each(?) WHERE true`
    + ` ON CONFLICT (${conflit.map((c) => `"${c}"`).join(", ")}) DO ${maj.length ? `UPDATE SET ${maj.join(", ")}` : "NOTHING"}`;
  const brut = (v: string | number | boolean | null | undefined) => (typeof v === "boolean" ? Number(v) : v ?? null);
  for (let i = 0; i < lignes.length; i += LIGNES_PAR_JSON) {
    await tx.$executeRawUnsafe(sql, JSON.stringify(lignes.slice(i, i + LIGNES_PAR_JSON).map((l) => colonnes.map((c) => brut(l[c])))));
  }
}
