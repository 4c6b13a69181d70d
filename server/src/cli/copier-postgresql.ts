// `pnpm copier:postgresql -- --de file:prisma/data/segur.db --vers postgresql://…`: copies a SQLite
// database into an empty, migrated PostgreSQL one (every row, ids, versions and hashes), then checks
// the target's hash chains and prints each table's row count on both sides. Exit 1 on any refusal.
import path from "node:path";
import { parseArgs } from "node:util";
import { dialecteUrl, MIGRATIONS_DIR, MIGRATIONS_DIR_POSTGRESQL, ouvrirBase } from "@segur/prisma";
import { copierSqliteVersPostgresql, ErreurCopie } from "@segur/prisma/copie-postgresql";
import { verifierChaines } from "../historique/service.js";
import { echouer } from "./outils.js";

// `pnpm x -- --de …` forwards the `--`: dropped, or parseArgs would read every option as a positional.
const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: { de: { type: "string" }, vers: { type: "string" }, silencieux: { type: "boolean", default: false } },
});
if (!values.de || dialecteUrl(values.de) !== "sqlite")
  echouer("COPIE_ARGUMENTS : --de file:<base SQLite> est obligatoire");
if (!values.vers || dialecteUrl(values.vers) !== "postgresql")
  echouer("COPIE_ARGUMENTS : --vers postgresql://… est obligatoire");

// pnpm runs the script in server/: a relative file is the caller's (INIT_CWD), as typed.
const de = `file:${path.resolve(process.env.INIT_CWD ?? process.cwd(), values.de.replace(/^file:/, ""))}`;

const affichees = new Map<string, number>();
const debut = performance.now();
const resultat = await copierSqliteVersPostgresql({
  de,
  vers: values.vers,
  migrationsSqlite: MIGRATIONS_DIR,
  migrationsPostgresql: MIGRATIONS_DIR_POSTGRESQL,
  progression: values.silencieux
    ? undefined
    : (table, n) => {
        if (n - (affichees.get(table) ?? 0) < 500_000) return;
        affichees.set(table, n);
        console.log(
          `  … ${table} : ${n} lignes (${((performance.now() - debut) / 1000).toFixed(0)} s, mémoire ${Math.round(process.memoryUsage().rss / 1e6)} Mo)`,
        );
      },
}).catch((e: unknown) =>
  echouer(e instanceof ErreurCopie ? `${e.code} : ${e.message}` : `COPIE_ECHEC : ${(e as Error).message}`),
);

const largeur = Math.max(...resultat.tables.map((t) => t.table.length));
console.log(`Copie terminée en ${resultat.secondes.toFixed(1)} s :\n  ${"table".padEnd(largeur)}  SQLite  PostgreSQL`);
for (const t of resultat.tables)
  console.log(`  ${t.table.padEnd(largeur)}  ${String(t.source).padStart(6)}  ${String(t.cible).padStart(10)}`);

const prisma = await ouvrirBase(values.vers, { migrer: false });
const { versions, evenements, ruptures } = await verifierChaines(prisma);
await prisma.$disconnect();
console.log(`Historique vérifié sur PostgreSQL : ${versions} version(s) et ${evenements} événement(s) d'audit.`);
if (ruptures.length)
  echouer(
    `COPIE_CHAINE_ROMPUE : ${ruptures.length} rupture(s) de la chaîne après la copie (historique:verifier pour le détail)`,
  );
console.log("✓ Aucune rupture : la copie est complète et l'historique intact.");
