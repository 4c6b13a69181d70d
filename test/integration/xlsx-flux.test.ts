import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readSheet } from "read-excel-file/node";
import { creerAppTest, type AppTest } from "../../server/test/aide.js";
import { SELECT_EXPORT } from "./export-reference.js";
import { COLONNES_DEMANDES, PAGE_EXPORT } from "../../server/src/export/csv.js";
import { instant, jour, montant, texte } from "../../server/src/export/tableur.js";
import { xlsxOctets } from "../../server/src/export/xlsx-flux.js";
import { triVersOrderBy } from "../../server/src/demande/filtre.js";
import { xlsxReference } from "../../server/test/xlsx-reference.js";
import { lireClasseur } from "../../server/test/lire-xlsx.js";

/*
 * The demandes' XLSX export streamed like the CSV: pages read as the body is taken, the same
 * cells as the whole-workbook writer it replaced.
 */

let app: AppTest;
beforeEach(async () => {
  app = await creerAppTest();
});
afterEach(() => app.fermer());

const N = 5_000;
const JOUR = 86_400_000;

async function demandesEnMasse() {
  await app.prisma.demande.createMany({
    data: Array.from({ length: N }, (_, i) => ({
      numero: `FINMS1${String(i + 1).padStart(6, "0")}M0`,
      type: i % 3 ? "AVANCE" : "SOLDE",
      couloir: "MS1",
      numeroEditeur: i % 7 ? "00002" : "00003",
      logiciel: i % 11 ? `Logiciel <${i % 5}> & "co"` : '=HYPERLINK("x")',
      dateDepot: new Date(Date.UTC(2025, 0, 1) + (i % 40) * JOUR),
      dateCommande: i % 2 ? new Date(Date.UTC(2024, 5, 1)) : null,
      montantCentimes: BigInt(i) * 12_345n + (i % 13 ? 0n : 10n ** 10n),
      statut: i % 4 ? "EN_COURS" : "VALIDEE",
    })),
  });
}

const estPage = (q: string) => /SELECT/i.test(q) && /montantCentimes/.test(q) && /LIMIT/i.test(q);

describe("XLSX export of the demandes, streamed by pages", () => {
  it(`${N} rows: chunks sent while pages are still to be read, bounded queries, the old writer's cells`, async () => {
    await demandesEnMasse();
    app.requetes.length = 0;
    const res = await app.fetch("http://test/export/demandes.xlsx", { headers: app.gestionnaire.headers });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    // For each chunk, how many pages had been read when it arrived.
    const pagesLues: number[] = [];
    const morceaux: Uint8Array[] = [];
    const lecteur = res.body!.getReader();
    for (;;) {
      const { done, value } = await lecteur.read();
      if (done) break;
      pagesLues.push(app.requetes.filter(estPage).length);
      morceaux.push(value);
    }
    const pages = app.requetes.filter(estPage);
    expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(N / PAGE_EXPORT));
    expect(pages.length).toBeLessThanOrEqual(2 * (Math.ceil(N / PAGE_EXPORT) + 1));
    // Some rows' bytes went out before the last page was read: the body streams, it is not built whole first.
    expect(morceaux.length).toBeGreaterThan(3);
    expect(pagesLues.some((p) => p > 0 && p < pages.length)).toBe(true);
    // No statement binds a list that grows with the data.
    expect(Math.max(...app.requetes.map((q) => (q.match(/\?|\$\d+/g) ?? []).length))).toBeLessThan(20);

    const toutes = await app.prisma.demande.findMany({
      orderBy: triVersOrderBy("DATE_DEPOT", "DESC"),
      select: SELECT_EXPORT,
    });
    const obtenu = lireClasseur(new Uint8Array(Buffer.concat(morceaux)));
    const attendu = lireClasseur(await xlsxReference("Demandes", COLONNES_DEMANDES, toutes));
    expect(obtenu.lignes).toBe(N + 1);
    expect(obtenu.feuille).toBe("Demandes");
    expect(obtenu.colonnes).toEqual(attendu.colonnes);
    expect(obtenu.volet).toBe(attendu.volet);
    expect(obtenu.cellules).toEqual(attendu.cellules);
  }, 120_000);
});

describe("XLSX read back by a spreadsheet reader", () => {
  it("read-excel-file reads the streamed workbook exactly as the old one", async () => {
    type L = { t: string | null; m: bigint | null; j: Date | null; i: Date | null };
    const colonnes = [
      texte<L>("Texte", (l) => l.t),
      montant<L>("Montant", (l) => l.m),
      jour<L>("Jour", (l) => l.j),
      instant<L>("Instant", (l) => l.i),
    ];
    const textes = [
      '=HYPERLINK("http://x","y")',
      "+33 6 12 34 56 78",
      "<b>&amp;</b> 'q' \"d\"",
      "  espaces  ",
      "ligne\r\nsuivante\ttab",
      "é€😀 中文",
      "00001",
      "",
      "a\u0000b\u0001c\u007Fd",
    ];
    const lignes: L[] = textes.map((t, k) => ({
      t,
      m: BigInt(k * 101 - 300),
      j: k % 2 ? null : new Date(Date.UTC(2026, 1, 28)),
      i: new Date(Date.UTC(2026, k, 3, 9, 7)),
    }));
    lignes.push({ t: null, m: null, j: null, i: null });
    const lire = async (o: Uint8Array) => readSheet(Buffer.from(o));
    const obtenu = await lire(await xlsxOctets("F", colonnes, lignes));
    expect(obtenu).toEqual(await lire(await xlsxReference("F", colonnes, lignes)));
    expect(obtenu[7]![0]).toBe("00001");
  });
});
