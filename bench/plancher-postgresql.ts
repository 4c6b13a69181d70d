// The floor on PostgreSQL: plancher.ts's minimal SQL translated (quoted identifiers, $n placeholders),
// run with `pg` directly on the same database as the product, as named prepared statements (what
// better-sqlite3's cached statements are on SQLite). Same method names, results as promises.
import { pg } from "@segur/prisma/copie-postgresql";
import type { Plancher } from "./plancher.js";

/** The floor methods the scenarios call, on either database. */
export type PlancherScenarios = {
  [K in "liste" | "detail" | "historique" | "version" | "csv" | "journal"]: (...a: Parameters<Plancher[K]>) => unknown;
};

const LISTE = `SELECT "id", "numero", "type", "numeroEditeur", "logiciel", "dateDepot", "dateCommande", "statut", "etatPaiement", "montantCentimes"
  FROM "Demande" WHERE "statut" = $1 AND "dateDepot" >= $2 AND "dateDepot" < $3 ORDER BY "dateDepot" DESC, "id" DESC LIMIT 51`;

export async function ouvrirPlancherPostgresql(url: string) {
  const c = new pg.Client({ connectionString: url, options: "-c TimeZone=UTC" });
  await c.connect();
  const noms = new Map<string, string>();
  const q = async <T extends pg.QueryResultRow = Record<string, unknown>>(text: string, values: unknown[] = []) => {
    const name = noms.get(text) ?? noms.set(text, `p${noms.size}`).get(text)!;
    return (await c.query<T>({ name, text, values })).rows;
  };
  return {
    fermer: () => c.end(),
    async liste(f: { statut: string; de: string; a: string }, avecTotal = false) {
      const page = await q<{ id: number }>(LISTE, [f.statut, f.de, f.a]);
      // One array parameter: PostgreSQL binds the page's ids without a placeholder per id.
      const admins = await q(
        `SELECT "demandeId", "finessJuridique", "numeroCarteCPX", "nomAdminTechnique" FROM "AdministrateurTechnique" WHERE "demandeId" = ANY($1::int[]) ORDER BY "demandeId", "ordre"`,
        [page.map((d) => d.id)],
      );
      const total = avecTotal
        ? await q(
            `SELECT count(*) AS n FROM "Demande" WHERE "statut" = $1 AND "dateDepot" >= $2 AND "dateDepot" < $3`,
            [f.statut, f.de, f.a],
          )
        : null;
      return { page, admins, total };
    },
    /** Plan of the list's query (which index PostgreSQL picks). */
    planListe: async () =>
      (
        await c.query(
          `EXPLAIN ${LISTE.replace("$1", "'EN_COURS'").replace("$2", "'2024-01-01'").replace("$3", "'2025-01-01'")}`,
        )
      ).rows
        .map((r) => r["QUERY PLAN"])
        .join(" ; "),
    async detail(numero: string) {
      const [d] = await q<{ id: number }>(`SELECT * FROM "Demande" WHERE "numero" = $1`, [numero]);
      return {
        d,
        cb: await q(`SELECT * FROM "CoordonneesBancaires" WHERE "demandeId" = $1`, [d!.id]),
        b: await q(`SELECT * FROM "Beneficiaire" WHERE "demandeId" = $1 ORDER BY "ordre", "id"`, [d!.id]),
        a: await q(`SELECT * FROM "AdministrateurTechnique" WHERE "demandeId" = $1 ORDER BY "ordre", "id"`, [d!.id]),
        p: await q(
          `SELECT "id", "cle", "nomFichier", "type", "taille", "validation", "validationMotif", "valideePar", "valideeLe" FROM "PieceJustificative" WHERE "demandeId" = $1`,
          [d!.id],
        ),
        c: await q(`SELECT * FROM "Courriel" WHERE "demandeId" = $1 ORDER BY "creeLe"`, [d!.id]),
        e: await q(`SELECT * FROM "EtatBloc" WHERE "demandeId" = $1`, [d!.id]),
      };
    },
    async historique(numero: string) {
      const [d] = await q<{ id: number; versionCourante: number }>(
        `SELECT "id", "versionCourante" FROM "Demande" WHERE "numero" = $1`,
        [numero],
      );
      return {
        b: await q(`SELECT "cle", "nomResponsable", "finessJuridique" FROM "Beneficiaire" WHERE "demandeId" = $1`, [
          d!.id,
        ]),
        p: await q(`SELECT "cle", "nomFichier" FROM "PieceJustificative" WHERE "demandeId" = $1`, [d!.id]),
        v: await q(`SELECT * FROM "Version" WHERE "demandeId" = $1 ORDER BY "numero" DESC LIMIT 50`, [d!.id]),
        c: await q(
          `SELECT c.* FROM "Version" v JOIN "ChangementVersion" c ON c."versionId" = v."id" WHERE v."demandeId" = $1 AND v."numero" > $2 ORDER BY v."numero" DESC, c."ordre"`,
          [d!.id, d!.versionCourante - 50],
        ),
        e: await q(`SELECT * FROM "EvenementAudit" WHERE "demandeId" = $1 ORDER BY "id"`, [d!.id]),
      };
    },
    async version(numero: string, k: number) {
      const [d] = await q<{ id: number }>(`SELECT "id" FROM "Demande" WHERE "numero" = $1`, [numero]);
      const [s] = await q<{ numero: number }>(
        `SELECT "numero", "etat" FROM "InstantaneVersion" WHERE "demandeId" = $1 AND "numero" <= $2 ORDER BY "numero" DESC LIMIT 1`,
        [d!.id, k],
      );
      const ch = await q(
        `SELECT c.* FROM "Version" v JOIN "ChangementVersion" c ON c."versionId" = v."id" WHERE v."demandeId" = $1 AND v."numero" > $2 AND v."numero" <= $3 ORDER BY v."numero", c."ordre"`,
        [d!.id, s?.numero ?? 0, k],
      );
      return { s, c: ch };
    },
    /** Every row of the list's CSV, read in order through a cursor (not held: fetched 1,000 at a time). */
    async csv() {
      let n = 0;
      await c.query("BEGIN");
      try {
        await c.query(
          `DECLARE plancher_csv NO SCROLL CURSOR FOR SELECT "numero", "type", "numeroEditeur", "logiciel", "dateDepot", "dateCommande", "statut", "etatPaiement", "montantCentimes" FROM "Demande" ORDER BY "dateDepot" DESC, "id" DESC`,
        );
        for (;;) {
          const { rows } = await c.query(`FETCH 1000 FROM plancher_csv`);
          if (!rows.length) break;
          n += rows.length;
        }
      } finally {
        await c.query("COMMIT");
      }
      return n;
    },
    /** The product filters the author on its search column (lower case, no accents): the same here. */
    async journal(type: string, auteur: string) {
      const where = `WHERE e."type" = $1 AND e."auteurRecherche" LIKE $2`;
      const motif = `%${auteur.toLowerCase()}%`;
      const page = await q(
        `SELECT e.*, d."numero" FROM "EvenementAudit" e LEFT JOIN "Demande" d ON d."id" = e."demandeId" ${where} ORDER BY e."id" DESC LIMIT 51`,
        [type, motif],
      );
      const total = await q(`SELECT count(*) AS n FROM "EvenementAudit" e ${where}`, [type, motif]);
      return { page, total };
    },
  };
}
