// The list's Prisma where clause (demande/filtre.ts, export/csv.ts `apresLaCle`) as plain SQL,
// for the hot reads that skip Prisma's query interpreter: a list page (demande/liste-sql.ts) and a
// CSV export's pages (export/page-sql.ts). Only the few forms those builders write are translated;
// any other form throws FormeInconnue and the caller reads through Prisma. Both databases: the
// placeholders come from `marque`, identifiers are quoted, `contains` is Prisma's own LIKE (no
// escaping: the texts are normalised before, shared/src/recherche.ts).
import { marque, type Dialecte, type Prisma } from "@segur/prisma";

/** Columns of "Demande" a filter, a sort or a read may name (never taken from input). */
const COLONNES: ReadonlySet<string> = new Set([
  "id",
  "numero",
  "type",
  "couloir",
  "numeroEditeur",
  "logiciel",
  "logicielRecherche",
  "dateDepot",
  "dateCommande",
  "statut",
  "etatPaiement",
  "montantCentimes",
  "referenceFournisseur",
  "versionCourante",
  "creeLe",
  "majLe",
  "suiviParId",
]);

/** A where, an order or a column this module does not translate: read through Prisma instead. */
export class FormeInconnue extends Error {}

/** `"c"` for a known column of "Demande"; FormeInconnue otherwise. */
export function colonne(c: string): string {
  if (!COLONNES.has(c)) throw new FormeInconnue(c);
  return `"${c}"`;
}

const estValeur = (v: unknown) => v === null || typeof v !== "object" || v instanceof Date;

/** `{ col: v }` or `{ col: { op: v } }` as Prisma writes it for SQLite (LIKE without escaping, `<>` for `not`). */
function condition(d: Dialecte, c: string, v: unknown, p: unknown[], col = colonne(c)): string {
  // Booleans as literals (TRUE / FALSE on both databases): the SQLite driver binds no boolean.
  const lie = (x: unknown) => (typeof x === "boolean" ? String(x) : (p.push(x), marque(d, p.length)));
  if (v === null) return `${col} IS NULL`;
  if (estValeur(v)) return `${col} = ${lie(v)}`;
  const parties = Object.entries(v as Record<string, unknown>).map(([op, x]) => {
    switch (op) {
      case "equals":
        return x === null ? `${col} IS NULL` : `${col} = ${lie(x)}`;
      case "not":
        return x === null
          ? `${col} IS NOT NULL`
          : estValeur(x)
            ? `${col} <> ${lie(x)}`
            : `NOT (${condition(d, c, x, p, col)})`;
      case "lt":
        return `${col} < ${lie(x)}`;
      case "lte":
        return `${col} <= ${lie(x)}`;
      case "gt":
        return `${col} > ${lie(x)}`;
      case "gte":
        return `${col} >= ${lie(x)}`;
      case "contains":
        return `${col} LIKE ('%' || ${lie(x)} || '%')`;
      default:
        throw new FormeInconnue(op);
    }
  });
  return parties.length ? parties.join(" AND ") : "1=1";
}

/**
 * Relations a filter may name (« modifiée depuis la transmission », transmission/service.ts; the
 * work queue's filters, a-traiter/filtres.ts): table and the columns a condition may compare.
 */
const RELATIONS: Readonly<Record<string, { table: string; colonnes: ReadonlySet<string>; unique?: true }>> = {
  administrateurs: {
    table: "AdministrateurTechnique",
    colonnes: new Set(["validation", "demandeCertificatServeur", "lotTransmissionId", "dernierEnvoiId"]),
  },
  beneficiaires: { table: "Beneficiaire", colonnes: new Set(["validation"]) },
  pieces: { table: "PieceJustificative", colonnes: new Set(["validation"]) },
  coordonneesBancaires: { table: "CoordonneesBancaires", colonnes: new Set(["validation"]), unique: true },
  courriels: { table: "Courriel", colonnes: new Set(["etat"]) },
  versions: { table: "Version", colonnes: new Set(["role", "numero"]) },
  blocs: { table: "EtatBloc", colonnes: new Set(["bloc", "verrouille"]) },
};

/** `rel: { some | none: {…} }` (or `is` / `isNot` of a one-to-one) as EXISTS over the related rows. */
function relation(d: Dialecte, nom: string, v: unknown, p: unknown[]): string {
  const r = RELATIONS[nom]!;
  const entrees = Object.entries((v ?? {}) as Record<string, unknown>);
  const [quantificateur, w] = entrees[0] ?? [];
  const permis = r.unique ? ["is", "isNot"] : ["some", "none"];
  if (entrees.length !== 1 || !permis.includes(quantificateur!)) throw new FormeInconnue(nom);
  const conditions = (x: unknown) =>
    Object.entries((x ?? {}) as Record<string, unknown>).map(([c, y]) => {
      if (!r.colonnes.has(c)) throw new FormeInconnue(c);
      return condition(d, c, y, p, `r."${c}"`);
    });
  const existe = (cs: string[]) =>
    `EXISTS (SELECT 1 FROM "${r.table}" r WHERE r."demandeId" = "Demande"."id"${cs.map((c) => ` AND ${c}`).join("")})`;
  // `is: null` / `isNot: null`: the related row is absent / present.
  if (w === null) return quantificateur === "is" ? `NOT ${existe([])}` : existe([]);
  const cs = conditions(w);
  return quantificateur === "some" || quantificateur === "is" ? existe(cs) : `NOT ${existe(cs)}`;
}

/** The where clause as SQL over the unaliased "Demande" columns; its values are pushed onto `p` (placeholders numbered after them). */
export function clause(d: Dialecte, w: Prisma.DemandeWhereInput, p: unknown[]): string {
  const parties = Object.entries(w).map(([k, v]) => {
    if (k === "AND")
      return `(${
        [v]
          .flat()
          .map((x) => clause(d, x as Prisma.DemandeWhereInput, p))
          .join(" AND ") || "1=1"
      })`;
    if (k === "OR") return `(${(v as Prisma.DemandeWhereInput[]).map((x) => clause(d, x, p)).join(" OR ") || "1=0"})`;
    // Prisma's NOT of a list: none of them holds.
    if (k === "NOT")
      return `(${
        [v]
          .flat()
          .map((x) => `NOT (${clause(d, x as Prisma.DemandeWhereInput, p)})`)
          .join(" AND ") || "1=1"
      })`;
    if (v === undefined) return "1=1";
    if (Object.hasOwn(RELATIONS, k)) return `(${relation(d, k, v, p)})`;
    return `(${condition(d, k, v, p)})`;
  });
  return parties.length ? parties.join(" AND ") : "1=1";
}

export type Sens = "asc" | "desc";

/** An orderBy as `[column, direction]` pairs (one key each, as triVersOrderBy writes them); FormeInconnue otherwise. */
export function tris(orderBy: Prisma.DemandeOrderByWithRelationInput[]): [string, Sens][] {
  return orderBy.map((o) => {
    const entrees = Object.entries(o);
    const [c, sens] = (entrees[0] ?? []) as [string, unknown];
    if (entrees.length !== 1 || (sens !== "asc" && sens !== "desc")) throw new FormeInconnue(String(sens));
    colonne(c);
    return [c, sens];
  });
}

/** `"c" ASC, …` */
export const ordre = (t: [string, Sens][]) => t.map(([c, s]) => `${colonne(c)} ${s.toUpperCase()}`).join(", ");
