import { dialecte } from "@segur/prisma";
import type { Tx } from "../historique/service.js";

/**
 * Takes `nombre` consecutive numbers of `prefixe` and returns the last one: one atomic upsert of
 * the prefix's `Compteur` row, inside the caller's transaction. Two instances (or processes)
 * never get the same number: the second upsert waits for the first's row lock (PostgreSQL) or
 * write lock (SQLite) and counts on from its value. `plancher` is the highest number already
 * stored (rows written without the counter: older data, bulk generator, numbers given by the
 * caller); the counter never gives one at or below it.
 */
export async function prendreNumeros(tx: Tx, prefixe: string, nombre: number, plancher: number): Promise<number> {
  const sql =
    dialecte(tx) === "postgresql"
      ? `INSERT INTO "Compteur" ("prefixe", "valeur") VALUES ($1, CAST($2 AS INTEGER) + CAST($3 AS INTEGER))
       ON CONFLICT ("prefixe") DO UPDATE SET "valeur" = GREATEST("Compteur"."valeur", CAST($2 AS INTEGER)) + CAST($3 AS INTEGER)
       RETURNING "valeur"`
      : `INSERT INTO "Compteur" ("prefixe", "valeur") VALUES (?, ? + ?)
       ON CONFLICT ("prefixe") DO UPDATE SET "valeur" = max("Compteur"."valeur", ?) + ?
       RETURNING "valeur"`;
  const parametres =
    dialecte(tx) === "postgresql" ? [prefixe, plancher, nombre] : [prefixe, plancher, nombre, plancher, nombre];
  const [ligne] = await tx.$queryRawUnsafe<{ valeur: number | bigint }[]>(sql, ...parametres);
  return Number(ligne!.valeur);
}
