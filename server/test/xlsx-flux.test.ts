import { describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { COLONNES_DEMANDES } from "../src/export/csv.js";
import { COLONNES_ACCES, COLONNES_EVENEMENTS } from "../src/journal/export.js";
import { COLONNES_LOT, type LigneLot } from "../src/transmission/service.js";
import { montant, texte, XLSX_CARACTERES_MAX, type Colonne } from "../src/export/tableur.js";
import { enPages, xlsxFlux, xlsxOctets } from "../src/export/xlsx-flux.js";
import { echapperXml } from "../src/export/xlsx-xml.js";
import { xlsxReference } from "./xlsx-reference.js";
import { lireClasseur } from "./lire-xlsx.js";

/*
 * The streamed XLSX writer against the write-excel-file one it replaces: the same cells (type,
 * value, number format, bold header), the same widths, frozen row and sheet name, for each export.
 */

const PIEGES = [
  '=HYPERLINK("http://x","y")',
  "+33 6 12 34 56 78",
  "<b>&amp;</b> 'q' \"d\"",
  "  espaces  ",
  "ligne\r\nsuivante\ttab",
  "é€😀 中文",
  "00001",
  "-1+1",
  "@SUM(1+1)",
];
// Characters XML 1.0 forbids (C0 controls, lone surrogates, U+FFFE) or discourages (C1 controls but NEL): dropped by both writers.
// (A lone low surrogate only first: after another character, write-excel-file dropped that character too.)
const INTERDITS = "\uDC00a\u0000b\u0001c\u000Bd\u001Fe\u007Ff\u0085g\u0090h\uD800i\uFFFEj\uFDD0k";

async function comparer<T>(feuille: string, colonnes: readonly Colonne<T>[], lignes: readonly T[]) {
  const attendu = lireClasseur(await xlsxReference(feuille, colonnes, lignes));
  const obtenu = lireClasseur(await xlsxOctets(feuille, colonnes, lignes));
  expect(obtenu.feuille).toBe(feuille);
  expect(obtenu.colonnes).toEqual(attendu.colonnes);
  expect(obtenu.volet).toBe(attendu.volet);
  expect(obtenu.lignes).toBe(attendu.lignes);
  expect(obtenu.cellules).toEqual(attendu.cellules);
  return obtenu;
}

const jourUtc = (j: string) => new Date(`${j}T00:00:00.000Z`);

describe("xlsxFlux: the cells today's writer wrote", () => {
  it("demandes: identifiers as text with their zeros, days as dates, amounts as euros", async () => {
    const lignes = PIEGES.map((t, i) => ({
      numero: `MS1-2026-${String(i).padStart(5, "0")}`,
      type: i % 2 ? "MS2" : "MS1",
      numeroEditeur: "00001",
      logiciel: t,
      dateDepot: jourUtc("2026-11-25"),
      dateCommande: i % 3 ? null : jourUtc("2022-09-20"),
      statut: "DEPOSEE",
      etatPaiement: i % 2 ? "INCONNU" : "PAYE",
      montantCentimes: [292000n, 0n, -5n, null, 10_000_000_000n][i % 5]!,
    }));
    const c = await comparer("Demandes", COLONNES_DEMANDES, lignes);
    expect(c.cellules.C2).toEqual({ type: "texte", valeur: "00001", format: "@", gras: false });
    expect(c.cellules.I2).toEqual({ type: "nombre", valeur: "2920", format: '#,##0.00 "€"', gras: false });
    expect(c.cellules.E2).toEqual({ type: "nombre", valeur: "46351", format: "dd/mm/yyyy", gras: false });
    expect(c.cellules.A1!.gras).toBe(true);
  });

  it("journal: events and access traces, instants in Paris time, texts cleaned of forbidden characters, long ones cut", async () => {
    const evenements = [
      {
        creeLe: new Date("2026-07-13T22:30:15Z"),
        type: "LIGNE_REJETEE",
        auteur: "Gé Stion",
        role: "GESTIONNAIRE",
        bloc: "beneficiaires",
        cle: "010000040",
        motif: "+cmd",
        details: INTERDITS,
        demande: { numero: "00042" },
      },
      {
        creeLe: new Date("2026-11-30T18:05:09.123Z"),
        type: "INCONNU",
        auteur: "x",
        role: "SYSTEME",
        bloc: null,
        cle: null,
        motif: null,
        details: "x".repeat(40_000),
        demande: null,
      },
      ...PIEGES.map((t) => ({
        creeLe: new Date("2026-03-29T01:30:00Z"),
        type: "IMPORT",
        auteur: t,
        role: "AUDITEUR",
        bloc: t,
        cle: t,
        motif: t,
        details: "{}",
        demande: { numero: t },
      })),
    ];
    const e = await comparer("Événements", COLONNES_EVENEMENTS, evenements);
    expect(e.cellules.I2!.valeur).toBe("abcdef\u0085ghijk");
    expect(e.cellules.I3!.valeur).toHaveLength(XLSX_CARACTERES_MAX);
    const traces = PIEGES.map((t, i) => ({
      creeLe: new Date(Date.UTC(2026, i, 1, 12)),
      acteur: `u:${i}:${t}`,
      role: i % 2 ? "AUDITEUR" : "GESTIONNAIRE",
      operation: "EXPORT_XLSX",
      cible: t,
    }));
    await comparer("Accès aux données", COLONNES_ACCES, traces);
  });

  it("transmission batch: every column text, numéro éditeur, FINESS, CPX and phone kept as typed", async () => {
    const lignes: LigneLot[] = PIEGES.map((t, i) => ({
      numeroDossier: `MS1-${i}`,
      numeroEditeur: "00001",
      finessJuridique: "010000040",
      contractualisationOG: i % 3 ? true : null,
      statutAdminTechnique: i % 2 ? "EDITEUR" : null,
      contractualisationEditeur: false,
      numeroCarteCPX: "0012345678",
      nomAdminTechnique: t,
      telAdminTechnique: "+33 6 12 34 56 78",
      emailAdminTechnique: "a.st@mail.com",
      utiliteCertificat: i % 2 ? "DMP,INS" : "DMP",
    }));
    await comparer("Certificats", COLONNES_LOT, lignes);
  });
});

describe("xlsxFlux: a valid package", () => {
  it("holds the content types, relationships, workbook, styles and sheet, and no shared-strings table", async () => {
    const zip = unzipSync(await xlsxOctets("Demandes", COLONNES_DEMANDES, []));
    expect(Object.keys(zip).sort()).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
    ]);
    const types = strFromU8(zip["[Content_Types].xml"]!);
    for (const p of ["/xl/workbook.xml", "/xl/styles.xml", "/xl/worksheets/sheet1.xml"])
      expect(types).toContain(`PartName="${p}"`);
    expect(types).not.toContain("sharedStrings");
    expect(strFromU8(zip["_rels/.rels"]!)).toContain('Target="xl/workbook.xml"');
    const rels = strFromU8(zip["xl/_rels/workbook.xml.rels"]!);
    expect(rels).toContain('Target="worksheets/sheet1.xml"');
    expect(rels).toContain('Target="styles.xml"');
    // Every part is well-formed enough for a strict reader: one root, declared UTF-8.
    for (const [nom, octets] of Object.entries(zip))
      expect(strFromU8(octets), nom).toMatch(
        /^<\?xml version="1\.0" encoding="UTF-8" standalone="yes"\?><[A-Za-z]+ xmlns="/,
      );
    expect(strFromU8(zip["xl/worksheets/sheet1.xml"]!)).toContain('t="inlineStr"');
  });

  it("escapes the five XML specials it must, and drops forbidden characters, keeping astral ones", () => {
    expect(echapperXml('a<b>&"c')).toBe("a&lt;b&gt;&amp;&quot;c");
    expect(echapperXml(INTERDITS)).toBe("abcdef\u0085ghijk");
    expect(echapperXml("a\uDC00b\uD83D")).toBe("ab");
    expect(echapperXml("😀\t\n\r")).toBe("😀\t\n\r");
    expect(echapperXml("Numéro 00001")).toBe("Numéro 00001");
  });
});

describe("xlsxFlux: streamed page by page", () => {
  type L = { n: number };
  const colonnes = [texte<L>("N", (l) => String(l.n).padStart(6, "0")), montant<L>("M", (l) => BigInt(l.n))];

  it("gives its first bytes before the last page is read, reads a page only when the bytes were taken", async () => {
    const evenements: string[] = [];
    const PAGES = 20;
    async function* pages() {
      for (let p = 0; p < PAGES; p++) {
        evenements.push(`page ${p}`);
        yield Array.from({ length: 1000 }, (_, i) => ({ n: p * 1000 + i }));
      }
      evenements.push("fin des pages");
    }
    const lecteur = xlsxFlux("F", colonnes, pages()).getReader();
    const morceaux: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await lecteur.read();
      if (done) break;
      evenements.push("morceau");
      morceaux.push(value);
    }
    expect(evenements.indexOf("morceau")).toBeLessThan(evenements.indexOf(`page ${PAGES - 1}`));
    // Several chunks interleaved with the pages, not everything at the end.
    const apresPremierePage = evenements.slice(evenements.indexOf("page 0"), evenements.indexOf(`page ${PAGES - 1}`));
    expect(apresPremierePage.filter((e) => e === "morceau").length).toBeGreaterThan(2);
    const octets = new Uint8Array(Buffer.concat(morceaux));
    const lu = lireClasseur(octets);
    expect(lu.lignes).toBe(PAGES * 1000 + 1);
    expect(lu.cellules[`A${PAGES * 1000 + 1}`]!.valeur).toBe("019999");
  });

  it("leaves the event loop to other work between pages already in memory", async () => {
    const evenements: string[] = [];
    const lignes = Array.from({ length: 3000 }, (_, n) => ({ n }));
    let tours = 0;
    const minuterie = setInterval(() => {
      tours++;
      evenements.push("autre requête");
    }, 0);
    async function* pages() {
      for await (const p of enPages(lignes)) {
        evenements.push("page");
        yield p;
      }
    }
    try {
      await new Response(xlsxFlux("F", colonnes, pages())).arrayBuffer();
    } finally {
      clearInterval(minuterie);
    }
    const premiere = evenements.indexOf("page");
    const derniere = evenements.lastIndexOf("page");
    expect(tours).toBeGreaterThan(0);
    expect(evenements.slice(premiere, derniere)).toContain("autre requête");
  });

  it("reads no page ahead of a client that pauses, and stops when it goes away", async () => {
    let lues = 0;
    let fermees = false;
    async function* pages() {
      try {
        for (let p = 0; p < 1000; p++) {
          lues++;
          yield Array.from({ length: 1000 }, (_, i) => ({ n: i }));
        }
      } finally {
        fermees = true;
      }
    }
    const lecteur = xlsxFlux("F", colonnes, pages()).getReader();
    while (lues < 3) await lecteur.read();
    // A client that stops reading: no page is read ahead of it (backpressure).
    const avantPause = lues;
    await new Promise((r) => setTimeout(r, 50));
    expect(lues).toBeLessThanOrEqual(avantPause + 1);
    await lecteur.cancel();
    expect(fermees).toBe(true);
    expect(lues).toBeLessThan(50);
  });
});
