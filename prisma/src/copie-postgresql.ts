// SQLite → PostgreSQL copy (`pnpm copier:postgresql`): every row of every table of the model into an
// empty, migrated PostgreSQL database, ids kept, in foreign-key order, in one transaction. Streaming:
// the source is read with better-sqlite3's iterate() in one read snapshot, the target written in
// batches of at most LOT_LIGNES rows (or LOT_OCTETS bytes) by `INSERT … SELECT FROM unnest($1, $2…)`:
// one array parameter per column, so a statement's parameter count never grows with the rows.
import Database from "better-sqlite3";
import pg from "pg";
import { listMigrations } from "./migrate.js";
import { SESSION_UTC } from "./migrate-pg.js";

/** The pg driver, for the tools that talk to PostgreSQL directly (the benchmark's floors). */
export { pg };

const LOT_LIGNES = 5000;
const LOT_OCTETS = 16 * 1024 * 1024;
const TABLES_IGNOREES = new Set(["_prisma_migrations", "sqlite_sequence", "sqlite_stat1", "sqlite_stat4"]);

export type CodeCopie =
  | "COPIE_SOURCE_INTROUVABLE"
  | "COPIE_SOURCE_NON_MIGREE"
  | "COPIE_CIBLE_NON_MIGREE"
  | "COPIE_CIBLE_NON_VIDE"
  | "COPIE_SCHEMA_DIFFERENT"
  | "COPIE_VALEUR_INVALIDE"
  | "COPIE_COMPTES_DIFFERENTS";

/** A refusal of the copy: a stable code, a French message naming the table or column at fault. */
export class ErreurCopie extends Error {
  constructor(
    readonly code: CodeCopie,
    message: string,
    readonly chemin: string[] = [],
  ) {
    super(message);
  }
}

export interface CompteTable {
  table: string;
  source: number;
  cible: number;
}
export interface ResultatCopie {
  tables: CompteTable[];
  secondes: number;
}

interface Colonne {
  nom: string;
  type: string;
  genre: "date" | "booleen" | "octets" | "autre";
}
interface Table {
  nom: string;
  colonnes: Colonne[];
  parents: string[];
}

const q = (nom: string) => `"${nom.replaceAll('"', '""')}"`;

/** Pending migrations of one side: folder names not recorded as finished in its `_prisma_migrations`. */
function enAttente(appliquees: Set<string>, dossier: string): string[] {
  return listMigrations(dossier)
    .map((m) => m.name)
    .filter((n) => !appliquees.has(n));
}

async function tablesCible(c: pg.Client): Promise<Table[]> {
  const { rows } = await c.query<{ table: string; colonne: string; type: string }>(
    `SELECT cl.relname AS table, a.attname AS colonne, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_attribute a JOIN pg_class cl ON cl.oid = a.attrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
      WHERE n.nspname = current_schema() AND cl.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND cl.relname <> '_prisma_migrations'
      ORDER BY cl.relname, a.attnum`,
  );
  const { rows: fks } = await c.query<{ enfant: string; parent: string }>(
    `SELECT e.relname AS enfant, p.relname AS parent FROM pg_constraint k
       JOIN pg_class e ON e.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace n ON n.oid = e.relnamespace
      WHERE k.contype = 'f' AND n.nspname = current_schema()`,
  );
  const tables = new Map<string, Table>();
  for (const r of rows) {
    const t = tables.get(r.table) ?? { nom: r.table, colonnes: [], parents: [] };
    const genre =
      r.type.startsWith("timestamp") || r.type === "date"
        ? "date"
        : r.type === "boolean"
          ? "booleen"
          : r.type === "bytea"
            ? "octets"
            : "autre";
    t.colonnes.push({ nom: r.colonne, type: r.type, genre });
    tables.set(r.table, t);
  }
  for (const f of fks) if (f.enfant !== f.parent) tables.get(f.enfant)?.parents.push(f.parent);
  return ordreDependances([...tables.values()]);
}

/** Parents before children (topological order of the foreign keys), then by name for a stable output. */
export function ordreDependances(tables: Table[]): Table[] {
  const restantes = new Map(tables.map((t) => [t.nom, t]));
  const ordre: Table[] = [];
  while (restantes.size) {
    const pretes = [...restantes.values()]
      .filter((t) => t.parents.every((p) => !restantes.has(p)))
      .sort((a, b) => a.nom.localeCompare(b.nom));
    if (!pretes.length)
      throw new ErreurCopie(
        "COPIE_SCHEMA_DIFFERENT",
        `Clés étrangères circulaires entre ${[...restantes.keys()].join(", ")}`,
      );
    for (const t of pretes) {
      ordre.push(t);
      restantes.delete(t.nom);
    }
  }
  return ordre;
}

/** A SQLite DateTime (ISO text written by Prisma, SQL "YYYY-MM-DD HH:MM:SS" UTC, or epoch ms) as a UTC timestamp literal. */
export function dateUtc(v: unknown): string {
  let d: Date;
  if (typeof v === "bigint" || typeof v === "number") d = new Date(Number(v));
  else {
    const s = String(v);
    // Without a zone designator SQLite's CURRENT_TIMESTAMP is UTC; JavaScript would read it as local time.
    d = new Date(/(Z|[+-]\d\d:?\d\d)$/i.test(s) ? s : `${s.replace(" ", "T")}Z`);
  }
  if (Number.isNaN(d.getTime())) throw new Error(`date illisible « ${String(v)} »`);
  return d.toISOString().replace("T", " ").replace("Z", "");
}

/** One SQLite value as the text PostgreSQL reads for the column's type (arrays of text, cast in SQL). */
function valeur(v: unknown, c: Colonne): string | null {
  if (v === null || v === undefined) return null;
  switch (c.genre) {
    case "date":
      return dateUtc(v);
    case "booleen":
      return v === 1n || v === 1 || v === true ? "true" : "false";
    case "octets":
      return `\\x${Buffer.from(v as Uint8Array).toString("hex")}`;
    default:
      // NUL is legal in SQLite text, refused by PostgreSQL: say where rather than fail obscurely.
      if (typeof v === "string" && v.includes("\0")) throw new Error("caractère NUL dans un texte");
      return Buffer.isBuffer(v) ? v.toString("utf8") : String(v);
  }
}

async function compter(c: pg.Client, table: string): Promise<number> {
  return Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${q(table)}`)).rows[0]!.n);
}

export interface OptionsCopie {
  /** SQLite (`file:…`) and PostgreSQL (`postgresql://…`) URLs. */
  de: string;
  vers: string;
  migrationsSqlite: string;
  migrationsPostgresql: string;
  /** After each batch: table, rows copied so far in it. */
  progression?: (table: string, lignes: number) => void;
}

export async function copierSqliteVersPostgresql(o: OptionsCopie): Promise<ResultatCopie> {
  const debut = performance.now();
  const fichier = o.de.replace(/^file:/, "");
  let source: Database.Database;
  try {
    source = new Database(fichier, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new ErreurCopie(
      "COPIE_SOURCE_INTROUVABLE",
      `Base SQLite introuvable ou illisible : ${fichier} (${(e as Error).message})`,
      ["de"],
    );
  }
  source.defaultSafeIntegers(true); // 64-bit integers (amounts, ids) read exactly, as BigInt
  const cible = new pg.Client({ connectionString: o.vers, options: SESSION_UTC });
  await cible.connect();
  try {
    const appliqueesSource = new Set(
      (
        source
          .prepare(
            `SELECT migration_name AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
          )
          .all() as { n: string }[]
      ).map((r) => r.n),
    );
    const manquantesSource = enAttente(appliqueesSource, o.migrationsSqlite);
    if (manquantesSource.length)
      throw new ErreurCopie(
        "COPIE_SOURCE_NON_MIGREE",
        `La base SQLite n'est pas à jour (${manquantesSource.length} migration(s) en attente, dont ${manquantesSource[0]}) : lancer d'abord DATABASE_URL=${o.de} pnpm migrate`,
        ["de"],
      );

    const migree = (await cible.query(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS ok`)).rows[0]
      .ok as boolean;
    const appliqueesCible = new Set(
      migree
        ? (
            await cible.query<{ n: string }>(
              `SELECT migration_name AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
            )
          ).rows.map((r) => r.n)
        : [],
    );
    const manquantesCible = enAttente(appliqueesCible, o.migrationsPostgresql);
    if (manquantesCible.length)
      throw new ErreurCopie(
        "COPIE_CIBLE_NON_MIGREE",
        `La base PostgreSQL n'est pas migrée (${manquantesCible.length} migration(s) en attente, dont ${manquantesCible[0]}) : lancer d'abord DATABASE_URL=<cible> pnpm migrate`,
        ["vers"],
      );

    const tables = await tablesCible(cible);
    const tablesSource = new Map<string, Set<string>>();
    for (const { name } of source.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as {
      name: string;
    }[]) {
      if (TABLES_IGNOREES.has(name) || name.startsWith("sqlite_")) continue;
      tablesSource.set(
        name,
        new Set(
          (source.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[]).map((r) => r.name),
        ),
      );
    }
    for (const t of tables) {
      const cols = tablesSource.get(t.nom);
      if (!cols)
        throw new ErreurCopie("COPIE_SCHEMA_DIFFERENT", `Table ${t.nom} absente de la base SQLite`, ["de", t.nom]);
      const cibleCols = new Set(t.colonnes.map((c) => c.nom));
      const ecart = [
        ...t.colonnes.map((c) => c.nom).filter((c) => !cols.has(c)),
        ...[...cols].filter((c) => !cibleCols.has(c)),
      ];
      if (ecart.length)
        throw new ErreurCopie("COPIE_SCHEMA_DIFFERENT", `Colonnes différentes pour ${t.nom} : ${ecart.join(", ")}`, [
          "de",
          t.nom,
          ecart[0]!,
        ]);
    }
    const enTrop = [...tablesSource.keys()].filter((n) => !tables.some((t) => t.nom === n));
    if (enTrop.length)
      throw new ErreurCopie("COPIE_SCHEMA_DIFFERENT", `Tables SQLite inconnues de PostgreSQL : ${enTrop.join(", ")}`, [
        "de",
        enTrop[0]!,
      ]);

    // One read snapshot of the source (WAL: a running server may keep writing), one write transaction.
    source.exec("BEGIN");
    await cible.query("BEGIN");
    // Nobody else writes the target meanwhile: the tables stay empty until our commit.
    await cible.query(`LOCK TABLE ${tables.map((t) => q(t.nom)).join(", ")} IN EXCLUSIVE MODE`);
    const pleines = [];
    for (const t of tables)
      if ((await cible.query(`SELECT EXISTS (SELECT 1 FROM ${q(t.nom)}) AS plein`)).rows[0].plein) pleines.push(t.nom);
    if (pleines.length)
      throw new ErreurCopie(
        "COPIE_CIBLE_NON_VIDE",
        `La base PostgreSQL n'est pas vide (${pleines.join(", ")}) : la copie ne s'applique qu'à une base neuve, migrée`,
        ["vers", pleines[0]!],
      );

    const comptes: CompteTable[] = [];
    for (const t of tables) {
      const noms = t.colonnes.map((c) => q(c.nom)).join(", ");
      const sql = `INSERT INTO ${q(t.nom)} (${noms}) SELECT * FROM unnest(${t.colonnes.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ")})`;
      let colonnes: (string | null)[][] = t.colonnes.map(() => []);
      let lignes = 0,
        octets = 0,
        total = 0;
      // One batch in flight while the next is read: the source and the target work at the same time.
      let enCours: Promise<unknown> = Promise.resolve();
      const envoyer = async () => {
        const params = colonnes;
        const n = lignes;
        colonnes = t.colonnes.map(() => []);
        lignes = 0;
        octets = 0;
        await enCours;
        enCours = cible.query(sql, params).then(() => {
          total += n;
          o.progression?.(t.nom, total);
        });
      };
      const lecture = source.prepare(`SELECT ${noms} FROM ${q(t.nom)} ORDER BY rowid`).raw(true);
      for (const ligne of lecture.iterate() as Iterable<unknown[]>) {
        for (let i = 0; i < ligne.length; i++) {
          let v: string | null;
          try {
            v = valeur(ligne[i], t.colonnes[i]!);
          } catch (e) {
            throw new ErreurCopie(
              "COPIE_VALEUR_INVALIDE",
              `Valeur invalide dans ${t.nom}.${t.colonnes[i]!.nom} : ${(e as Error).message}`,
              [t.nom, t.colonnes[i]!.nom],
            );
          }
          colonnes[i]!.push(v);
          if (v) octets += v.length;
        }
        if (++lignes >= LOT_LIGNES || octets >= LOT_OCTETS) await envoyer();
      }
      if (lignes) await envoyer();
      await enCours;
      // Serial ids: the next one after the largest copied, as if the rows had been inserted here.
      for (const c of t.colonnes) {
        const seq = (await cible.query(`SELECT pg_get_serial_sequence($1, $2) AS s`, [q(t.nom), c.nom])).rows[0].s as
          string | null;
        if (seq)
          await cible.query(`SELECT setval($1, COALESCE((SELECT max(${q(c.nom)}) FROM ${q(t.nom)}), 0) + 1, false)`, [
            seq,
          ]);
      }
      const n = Number((source.prepare(`SELECT count(*) AS n FROM ${q(t.nom)}`).get() as { n: bigint }).n);
      comptes.push({ table: t.nom, source: n, cible: await compter(cible, t.nom) });
    }
    const ecarts = comptes.filter((c) => c.source !== c.cible);
    if (ecarts.length)
      throw new ErreurCopie(
        "COPIE_COMPTES_DIFFERENTS",
        `Nombres de lignes différents : ${ecarts.map((c) => `${c.table} ${c.source} ≠ ${c.cible}`).join(", ")}`,
        [ecarts[0]!.table],
      );
    await cible.query("COMMIT");
    source.exec("COMMIT");
    // The planner's statistics for the freshly filled tables (autovacuum would take a while).
    await cible.query("ANALYZE");
    return { tables: comptes, secondes: (performance.now() - debut) / 1000 };
  } catch (e) {
    await cible.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    if (source.inTransaction) source.exec("ROLLBACK");
    source.close();
    await cible.end();
  }
}
