import { describe, expect, it } from "vitest";
import { heureMurParis } from "@segur/shared";
import { stringify } from "csv-stringify/sync";
import {
  champCsv,
  csvFlux,
  csvTableur,
  instant,
  jour,
  montant,
  neutraliserFormule,
  texte,
} from "../src/export/tableur.js";

describe("neutraliserFormule (OWASP CSV injection)", () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ["@SUM(1+1)", "'@SUM(1+1)"],
    ["+cmd", "'+cmd"],
    ["-1+1", "'-1+1"],
    // Spreadsheets drop a leading tab or CR, then read `=`.
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["\t", "'\t"],
    ["  =1+1", "'  =1+1"],
    // A phone keeps every digit, shown as text behind the `'`, never evaluated (#NAME?).
    ["+33 6 12 34 56 78", "'+33 6 12 34 56 78"],
  ])("%j → %j", (cellule, attendu) => {
    expect(neutraliserFormule(cellule)).toBe(attendu);
  });

  it.each(["0612345678", "00001", "2920,00", "DUI-PDS", "a.st@mail.com", "1+1", "x=1", "", '{"lot":1}'])(
    "leaves %j as it is",
    (cellule) => {
      expect(neutraliserFormule(cellule)).toBe(cellule);
    },
  );
});

type L = { t: string | null; m: bigint | null; j: Date | null; i: Date | null };
const COLONNES = [
  texte<L>("Texte", (l) => l.t),
  montant<L>("Montant", (l) => l.m),
  jour<L>("Jour", (l) => l.j),
  instant<L>("Instant", (l) => l.i),
];

describe("csvTableur", () => {
  it("BOM, `;`, CRLF, RFC 4180 quotes, decimal comma, dd/mm/yyyy and Paris time; every cell neutralised", () => {
    const csv = csvTableur(COLONNES, [
      {
        t: '=HYPERLINK("http://x","y")',
        m: 292000n,
        j: new Date("2026-11-25T00:00:00Z"),
        i: new Date("2026-07-13T22:30:00Z"),
      },
      { t: "\t=1+1", m: 5n, j: null, i: null },
      { t: null, m: null, j: null, i: null },
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "Texte;Montant;Jour;Instant",
      `"'=HYPERLINK(""http://x"",""y"")";2920,00;25/11/2026;14/07/2026 00:30`,
      "'\t=1+1;0,05;;",
      ";;;",
      "",
    ]);
  });
});

describe("champCsv: the fields csv-stringify wrote (delimiter `;`, CRLF records)", () => {
  const morceaux = [
    "",
    "a",
    ";",
    '"',
    "\r",
    "\n",
    "\r\n",
    " ",
    "\t",
    "'",
    "=",
    "é",
    "\u2028",
    ",",
    "0",
    "\\",
    "\uFEFF",
  ];
  // Every text of up to three pieces: quotes, delimiters, line breaks in every position.
  const textes = morceaux.flatMap((a) => morceaux.flatMap((b) => morceaux.map((c) => a + b + c)));
  it.each([[textes.length]])("%i texts, one per record and all in one record", () => {
    for (const t of textes)
      expect(champCsv(t) + "\r\n").toBe(stringify([[t]], { delimiter: ";", record_delimiter: "windows" }));
    expect(textes.map(champCsv).join(";") + "\r\n").toBe(
      stringify([textes], { delimiter: ";", record_delimiter: "windows" }),
    );
  });

  it("neutraliserFormule's shortcut for a leading digit or letter agrees with its rule on every first character", () => {
    for (let c = 0; c < 0x3000; c++) {
      const t = `${String.fromCharCode(c)}=1`;
      expect(neutraliserFormule(t), `U+${c.toString(16)}`).toBe(/^[\t\r]|^\s*[=+\-@]/.test(t) ? `'${t}` : t);
    }
  });
});

describe("heureMurParis", () => {
  it("gives the Paris wall-clock time as UTC parts (an XLSX date has no time zone), summer and winter", () => {
    expect(heureMurParis(new Date("2026-07-13T22:30:15Z")).toISOString()).toBe("2026-07-14T00:30:15.000Z");
    expect(heureMurParis(new Date("2026-11-30T18:05:09Z")).toISOString()).toBe("2026-11-30T19:05:09.000Z");
  });
});

describe("csvFlux", () => {
  it("leaves the event loop to other requests between pages that resolve at once", async () => {
    type L = { n: number };
    const evenements: string[] = [];
    async function* pages() {
      for (let p = 0; p < 5; p++) {
        evenements.push("page");
        yield Array.from({ length: 100 }, (_, n) => ({ n }));
      }
    }
    const minuterie = setInterval(() => evenements.push("autre requête"), 0);
    try {
      const texteCsv = await new Response(csvFlux([texte<L>("N", (l) => String(l.n))], pages())).text();
      expect(texteCsv.split("\r\n").filter(Boolean)).toHaveLength(501);
    } finally {
      clearInterval(minuterie);
    }
    expect(evenements.slice(evenements.indexOf("page"), evenements.lastIndexOf("page"))).toContain("autre requête");
  });
});
