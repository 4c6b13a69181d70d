import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { creerAppTest, type AppTest } from "../../server/test/aide.js";
import { SELECT_EXPORT } from "./export-reference.js";
import { COLONNES_DEMANDES, dansLOrdre, PAGE_EXPORT } from "../../server/src/export/csv.js";
import { csvTableur } from "../../server/src/export/tableur.js";
import { filtreVersWhere, triVersOrderBy, TRIS, type Tri } from "../../server/src/demande/filtre.js";
import { pageSql } from "../../server/src/export/page-sql.js";
import type { Acteur } from "../../server/src/auth/acteur.js";

let app: AppTest;
beforeEach(async () => {
  app = await creerAppTest();
});
afterEach(() => app.fermer());

const N = 2_345;
const JOUR = 86_400_000;

/** N demandes in bulk: many share a deposit day (ties broken by id), some cells look like formulas. */
async function demandesEnMasse() {
  await app.prisma.demande.createMany({
    data: Array.from({ length: N }, (_, i) => ({
      numero: `FINMS1${String(i + 1).padStart(6, "0")}M0`,
      type: i % 3 ? "AVANCE" : "SOLDE",
      couloir: "MS1",
      numeroEditeur: i % 7 ? "00002" : "00003",
      logiciel: i % 11 ? `Logiciel ; "${i % 5}"` : '=HYPERLINK("x")',
      dateDepot: new Date(Date.UTC(2025, 0, 1) + (i % 40) * JOUR),
      dateCommande: i % 2 ? new Date(Date.UTC(2024, 5, 1)) : null,
      montantCentimes: BigInt(i) * 12_345n + (i % 13 ? 0n : 10n ** 10n),
      statut: i % 4 ? "EN_COURS" : "VALIDEE",
    })),
  });
}

const GESTIONNAIRE = { role: "GESTIONNAIRE" } as Acteur;
const exporter = (query = "") =>
  app.fetch(`http://test/export/demandes.csv${query}`, { headers: app.gestionnaire.headers });
/** The body as written, BOM included (Response.text() drops it). */
const octets = async (res: Response) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());

describe("CSV export of the demandes, streamed by pages", () => {
  it(`${N} rows: the same bytes as the whole-file CSV (BOM, header, order, neutralisation), a bounded query per page`, async () => {
    await demandesEnMasse();
    app.requetes.length = 0;
    const res = await exporter();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    // The body is a stream, read as it comes.
    expect(res.body).toBeInstanceOf(ReadableStream);
    const texte = await octets(res);
    const requetesExport = [...app.requetes];

    const toutes = await app.prisma.demande.findMany({
      orderBy: triVersOrderBy("DATE_DEPOT", "DESC"),
      select: SELECT_EXPORT,
    });
    expect(texte).toBe(csvTableur(COLONNES_DEMANDES, toutes));
    // What the previous whole-file export wrote, checked on its own too.
    const lignes = texte.split("\r\n");
    expect(lignes[0]).toBe(
      "\uFEFFNuméro de dossier;Type;Numéro éditeur;Logiciel;Date de dépôt;Date de la commande;Statut;Statut du dernier paiement;Montant Ségur déclaré",
    );
    expect(lignes).toHaveLength(N + 2);
    expect(lignes.at(-1)).toBe("");
    expect(texte).toContain(`;"'=HYPERLINK(""x"")";`);
    expect(texte).toContain(`;"Logiciel ; ""1""";`);
    // Latest deposit day first, ties by id descending.
    expect(lignes[1]!.split(";")[0]).toBe(toutes[0]!.numero);
    expect(toutes[0]!.dateDepot.getTime()).toBe(Date.UTC(2025, 0, 1) + 39 * JOUR);
    expect(toutes[0]!.numero > toutes[1]!.numero).toBe(true);

    const pages = requetesExport.filter((q) => /SELECT/i.test(q) && /montantCentimes/.test(q) && /LIMIT/i.test(q));
    expect(pages.length).toBe(Math.ceil(N / PAGE_EXPORT));
    // Sorted by date de dépôt (numeric keys), each page is aggregated unsorted, its order checked in JavaScript.
    expect(pages.every((q) => / AS page FROM /.test(q) && !/ORDER BY [^()]*\) AS page/.test(q))).toBe(true);
    // No statement binds a list that grows with the data.
    expect(Math.max(...requetesExport.map((q) => (q.match(/\?|\$\d+/g) ?? []).length))).toBeLessThan(20);
  }, 120_000);

  it("filtered and sorted on a column of few values (ties across pages): the list's order, and the export is traced", async () => {
    await demandesEnMasse();
    const texte = await octets(await exporter("?type=AVANCE&tri=STATUT&ordre=ASC"));
    const attendues = await app.prisma.demande.findMany({
      where: { type: "AVANCE" },
      orderBy: triVersOrderBy("STATUT", "ASC"),
      select: SELECT_EXPORT,
    });
    expect(attendues.length).toBeGreaterThan(PAGE_EXPORT);
    expect(texte).toBe(csvTableur(COLONNES_DEMANDES, attendues));
    expect(await app.prisma.traceAcces.count({ where: { operation: "EXPORT_CSV" } })).toBe(1);
  }, 120_000);

  it("every sort and order, with filters: the bytes of the whole-file CSV of Prisma's own query, each page one JSON statement", async () => {
    await demandesEnMasse();
    const cas: [string, Parameters<typeof filtreVersWhere>[0]][] = [
      ["", {}],
      [
        "&statut=EN_COURS&deposeeApres=2025-01-10&deposeeAvant=2025-01-30",
        {
          statut: "EN_COURS",
          deposeeApres: new Date("2025-01-10T00:00:00Z"),
          deposeeAvant: new Date("2025-01-30T00:00:00Z"),
        },
      ],
      [
        "&logiciel=%25%20%3B&numero=ms1000&numeroEditeur=00002&type=SOLDE",
        { logiciel: "% ;", numero: "ms1000", numeroEditeur: "00002", type: "SOLDE" },
      ],
      [
        "&modifieeDepuis=2000-01-01T00:00:00Z&etatPaiement=AUCUN",
        { modifieeDepuis: new Date("2000-01-01T00:00:00Z"), etatPaiement: "AUCUN" },
      ],
    ];
    for (const tri of Object.keys(TRIS) as Tri[]) {
      for (const ordre of ["ASC", "DESC"] as const) {
        const [query, filtre] = cas[(Object.keys(TRIS).indexOf(tri) + (ordre === "ASC" ? 1 : 0)) % cas.length]!;
        app.requetes.length = 0;
        const texte = await octets(await exporter(`?tri=${tri}&ordre=${ordre}${query}`));
        const pages = app.requetes.filter((q) => /montantCentimes/.test(q) && /LIMIT/i.test(q));
        const attendues = await app.prisma.demande.findMany({
          where: filtreVersWhere(filtre, GESTIONNAIRE, tri),
          orderBy: triVersOrderBy(tri, ordre),
          select: SELECT_EXPORT,
        });
        expect(texte, `${tri} ${ordre} ${query}`).toBe(csvTableur(COLONNES_DEMANDES, attendues));
        expect(pages.length, `${tri} ${ordre}`).toBe(Math.floor(attendues.length / PAGE_EXPORT) + 1);
        expect(
          pages.every((q) => /json_group_array|json_agg/.test(q)),
          `${tri} ${ordre}: no page read through findMany`,
        ).toBe(true);
      }
    }
  }, 240_000);

  it("a page's order is checked on its numeric keys: out of order, ties or a wrong direction are caught", () => {
    const lignes = [
      [5, 9],
      [5, 7],
      [3, 8],
      [1, 1],
    ];
    expect(dansLOrdre(lignes, [0, 1], ["desc", "desc"])).toBe(true);
    expect(dansLOrdre([...lignes].reverse(), [0, 1], ["asc", "asc"])).toBe(true);
    expect(dansLOrdre([lignes[1]!, lignes[0]!, lignes[2]!], [0, 1], ["desc", "desc"])).toBe(false);
    expect(dansLOrdre(lignes, [0, 1], ["desc", "asc"])).toBe(false);
    expect(
      dansLOrdre(
        [
          [5, 9],
          [5, 9],
        ],
        [0, 1],
        ["desc", "desc"],
      ),
    ).toBe(false);
    expect(dansLOrdre([], [0, 1], ["desc", "desc"])).toBe(true);
  });

  it("a where form the JSON page does not translate is left to Prisma", () => {
    expect(pageSql("sqlite", { numero: { in: ["A"] } }, triVersOrderBy(), ["numero"], 10)).toBeNull();
    expect(pageSql("postgresql", { beneficiaires: { every: {} } }, triVersOrderBy(), ["numero"], 10)).toBeNull();
    expect(
      pageSql("sqlite", { AND: [{ NOT: [{ statut: "A" }, { type: "B" }] }] }, triVersOrderBy(), ["numero"], 10)?.sql,
    ).toContain(`((NOT (("statut" = ?)) AND NOT (("type" = ?))))`);
    expect(
      pageSql("postgresql", { AND: [{ NOT: [{ statut: "A" }, { type: "B" }] }] }, triVersOrderBy(), ["numero"], 10)
        ?.sql,
    ).toContain(`((NOT (("statut" = $1)) AND NOT (("type" = $2))))`);
  });

  it("a page's rows are aggregated in the page's order, not in whatever order the subquery hands them", () => {
    // The next page's key is the last row's: neither database promises a subquery's order inside an aggregate.
    for (const d of ["sqlite", "postgresql"] as const) {
      const { sql } = pageSql(d, {}, triVersOrderBy("DATE_DEPOT", "DESC"), ["numero", "dateDepot", "id"], 10)!;
      expect(sql, d).toMatch(/ORDER BY "dateDepot" DESC, "id" DESC\) AS page FROM/);
    }
  });

  it("an empty export is the BOM and the header", async () => {
    expect(await octets(await exporter())).toBe(csvTableur(COLONNES_DEMANDES, []));
    expect((await octets(await exporter())).split("\r\n")).toHaveLength(2);
  });
});
