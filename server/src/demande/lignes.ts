// Rows of a demande's blocks read by one plain SQL statement instead of Prisma's `include`, for
// the hot reads (a list page's certificate rows, the detail's small blocks): Prisma's include
// costs ~3 ms for a page's 120 certificate rows, the same rows by one statement ~0.4 ms. The rows
// have Prisma's shapes (Date, bigint, boolean: the adapter types them by their declared column
// types), so the Pothos relation fields resolve from them as from an include. Portable SQL
// (quoted identifiers, placeholders from `Prisma.sql`), nothing specific to SQLite.
import { Prisma, type Db } from "@segur/prisma";
import { nomsColonnes, q, type Modele } from "../commun/sql-brut.js";

/** Every column of the model under `alias`, each renamed `prefixe` + name when a prefix is given. */
const liste = (modele: Modele, alias: string, prefixe = "") =>
  nomsColonnes(modele)
    .map((c) => `${alias}.${q(c)}${prefixe ? ` AS ${q(prefixe + c)}` : ""}`)
    .join(", ");

/**
 * The certificate rows shown by the `administrateurs` field (REQUETES_LIGNES) of several demandes,
 * in their order; `lues`: only these columns (with id and demandeId), every one by default.
 */
export async function administrateursDes(
  prisma: Db,
  demandeIds: number[],
  lues?: string[],
): Promise<Map<number, Record<string, unknown>[]>> {
  const parDemande = new Map<number, Record<string, unknown>[]>(demandeIds.map((id) => [id, []]));
  if (!demandeIds.length) return parDemande;
  const cols = lues
    ? [...new Set(["id", "demandeId", ...lues])].map((c) => `a.${q(c)}`).join(", ")
    : liste("AdministrateurTechnique", "a");
  // Bounded: a page holds at most the connection's maxSize + 1 demandes.
  const lignes = await prisma.$queryRaw<Record<string, unknown>[]>(
    Prisma.sql(
      [
        `SELECT ${cols} FROM "AdministrateurTechnique" a
     WHERE a."demandeCertificatServeur" = true AND a."demandeId" IN (`,
        `) ORDER BY a."demandeId", a."ordre", a."id"`,
      ],
      Prisma.join(demandeIds),
    ),
  );
  for (const l of lignes) parDemande.get(l.demandeId as number)?.push(l);
  return parDemande;
}

const PREFIXES = { coordonneesBancaires: "cb__", blocs: "eb__", pieces: "pj__" } as const;

/** The columns of `l` under `prefixe`, as a row; null when the joined side had no row. */
const sousLigne = (l: Record<string, unknown>, prefixe: string) =>
  l[`${prefixe}id`] === null
    ? null
    : Object.fromEntries(
        Object.entries(l)
          .filter(([k]) => k.startsWith(prefixe))
          .map(([k, v]) => [k.slice(prefixe.length), v]),
      );

/** Distinct rows by id, in the order of their first appearance. */
const distinctes = (lignes: (Record<string, unknown> | null)[]) => [
  ...new Map(lignes.filter((l) => l !== null).map((l) => [l.id, l])).values(),
];

/**
 * A demande's small blocks in one statement: its bank details (0 or 1 row), block states (≤ 4
 * rows, every column) and pièces (`colonnesPieces`, id included), joined side by side: one row
 * per (pièce, block state) pair, at least one, each side read back without repetition.
 */
export async function petitsBlocs(prisma: Db, demandeId: number, colonnesPieces: string[]) {
  const pieces = colonnesPieces.map((c) => `p.${q(c)} AS ${q(PREFIXES.pieces + c)}`).join(", ");
  const lignes = await prisma.$queryRaw<Record<string, unknown>[]>(
    Prisma.sql(
      [
        `SELECT ${liste("CoordonneesBancaires", "cb", PREFIXES.coordonneesBancaires)}, ${liste("EtatBloc", "eb", PREFIXES.blocs)}, ${pieces}
     FROM (SELECT CAST(`,
        ` AS INTEGER) AS id) d
     LEFT JOIN "CoordonneesBancaires" cb ON cb."demandeId" = d.id
     LEFT JOIN "EtatBloc" eb ON eb."demandeId" = d.id
     LEFT JOIN "PieceJustificative" p ON p."demandeId" = d.id
     ORDER BY p."id", eb."id"`,
      ],
      demandeId,
    ),
  );
  return {
    coordonneesBancaires: lignes[0] ? sousLigne(lignes[0], PREFIXES.coordonneesBancaires) : null,
    blocs: distinctes(lignes.map((l) => sousLigne(l, PREFIXES.blocs))),
    pieces: distinctes(lignes.map((l) => sousLigne(l, PREFIXES.pieces))),
  };
}
