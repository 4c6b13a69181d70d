// What the raw-SQL reads (list page, detail, CSV pages, a demande's blocks) share: each model's
// columns as Prisma's DMMF declares them (written once, in prisma/schema.prisma), their values
// inside a JSON text and read back into Prisma's types (Date, bigint, boolean). Only `json` and
// `valeur` differ between SQLite and PostgreSQL.
import { getDatamodel, type Dialecte } from "@segur/prisma";
import { FormeInconnue } from "./where-sql.js";

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

/** The scalar columns of a model, in the schema's order. */
export const nomsColonnes = (m: Modele): string[] => [...colonnesDe(m).keys()];

/** A quoted SQL identifier (names come from the model, never from input). */
export const q = (nom: string) => `"${nom}"`;
