import { optimiserStatistiques, Sqlite } from "@segur/prisma";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE_TEST, creerAppTest, type AppTest } from "../../server/test/aide.js";
import { semer } from "../../server/src/seed/service.js";
import { TRIS, type Tri } from "../../server/src/demande/filtre.js";

let app: AppTest;
let db: InstanceType<typeof Sqlite>;
// SQLite only: EXPLAIN QUERY PLAN and sqlite_stat1 are SQLite's (a PostgreSQL plan test can come later).
const sqliteSeul = BASE_TEST === "postgresql";
beforeAll(async () => {
  if (sqliteSeul) return;
  app = await creerAppTest();
  await semer(app.prisma, app.config, { count: 60 });
  db = new Sqlite(app.dbFile, { readonly: true });
});
afterAll(async () => {
  db?.close();
  await app?.fermer();
});

const LISTE = `query($f: FiltreDemandes, $t: TriDemandes, $o: Ordre) { demandes(filtre: $f, tri: $t, ordre: $o, first: 50) {
  totalCount edges { node { numero } } } }`;

/** The query plan of the page read (the statement with the list's ORDER BY) of one list request. */
async function planDeLaPage(f: Record<string, unknown>, t: Tri, o: "ASC" | "DESC") {
  const avant = app.requetes.length;
  const r = await app.gql(LISTE, { f, t, o }, app.gestionnaire);
  // Prisma's statement, or the plain one (server/src/demande/liste-sql.ts) that reads the page with its rows.
  const page = app.requetes.slice(avant).find((q) => /FROM (`main`\.`Demande`|"Demande").*ORDER BY/.test(q))!;
  const sql = page.replaceAll("`main`.", "").replaceAll("`", '"');
  const nulls = Array.from({ length: sql.split("?").length - 1 }, () => null);
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...nulls) as { detail: string }[])
    .map((l) => l.detail)
    .join(" | ");
  return { r, plan };
}

const FILTRES: Record<string, Record<string, unknown>> = {
  type: { type: "AVANCE" },
  statut: { statut: "EN_COURS" },
  etatPaiement: { etatPaiement: "AUCUN" },
  "type + statut": { type: "AVANCE", statut: "EN_COURS" },
  "dates (un an)": { deposeeApres: "2023-01-01", deposeeAvant: "2023-12-31" },
  "statut + dates": { statut: "EN_COURS", deposeeApres: "2023-01-01" },
};

describe.skipIf(sqliteSeul)("demandes list: query shapes that read a page, not the table", () => {
  it("never sorts the rows of a broad filter (statut, type, paiement, wide dates): the sort's index is walked, for every sort", async () => {
    for (const [nom, f] of Object.entries(FILTRES)) {
      for (const t of Object.keys(TRIS) as Tri[]) {
        const { r, plan } = await planDeLaPage(f, t, "DESC");
        expect(r.errors, `${nom} / ${t}`).toBeUndefined();
        expect(plan, `${nom} / ${t}`).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
      }
    }
  });

  it("reads a statut + date range sorted by date through the one index that serves both", async () => {
    const { plan } = await planDeLaPage(
      { statut: "EN_COURS", deposeeApres: "2023-01-01", deposeeAvant: "2024-12-31" },
      "DATE_DEPOT",
      "DESC",
    );
    expect(plan).toMatch(/USING INDEX Demande_statut_dateDepot_id_idx \(statut=\? AND dateDepot>\? AND dateDepot<\?\)/);
  });

  it("returns the same demandes as the plain filter (the rewritten filters mean the same)", async () => {
    for (const [nom, f] of Object.entries(FILTRES)) {
      for (const t of ["MONTANT", "NUMERO", "STATUT", "TYPE", "DATE_DEPOT"] as Tri[]) {
        for (const o of ["ASC", "DESC"] as const) {
          const { r } = await planDeLaPage(f, t, o);
          const attendu = await app.gql(
            LISTE.replace("first: 50", "first: 200"),
            { f, t: "NUMERO", o: "ASC" },
            app.gestionnaire,
          );
          const numeros = r.data.demandes.edges.map((e: any) => e.node.numero);
          // Same set as the NUMERO sort (which rewrites nothing for dates but does for enums, so
          // also compare with a count, which always uses the indexable form).
          expect(new Set(numeros), `${nom} / ${t} ${o}`).toEqual(
            new Set(attendu.data.demandes.edges.map((e: any) => e.node.numero)),
          );
          expect(numeros.length, `${nom} / ${t} ${o}`).toBe(r.data.demandes.totalCount);
        }
      }
    }
  });
});

describe.skipIf(sqliteSeul)("planner statistics", () => {
  it("are gathered for the demandes (in full, not sampled) and refreshed only once the table grew", async () => {
    const lire = () => {
      const l = new Sqlite(app.dbFile, { readonly: true });
      try {
        return (
          l
            .prepare(`SELECT stat FROM sqlite_stat1 WHERE tbl = 'Demande' AND idx = 'Demande_statut_dateDepot_id_idx'`)
            .get() as { stat: string } | undefined
        )?.stat;
      } finally {
        l.close();
      }
    };
    optimiserStatistiques(`file:${app.dbFile}`);
    const n = await app.prisma.demande.count();
    const statuts = (await app.prisma.demande.groupBy({ by: ["statut"], _count: { _all: true } })).length;
    const stat = lire()!.split(" ").map(Number);
    expect(stat[0]).toBe(n);
    expect(stat[1]).toBe(Math.ceil(n / statuts)); // rows per statut, from every row
    optimiserStatistiques(`file:${app.dbFile}`); // nothing grew: the same statistics
    expect(lire()!.split(" ").map(Number)[0]).toBe(n);
  });
});
