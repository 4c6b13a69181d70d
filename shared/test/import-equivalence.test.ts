import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import {
  REGIONS_TELEPHONE_FR,
  domaineAscii,
  exempleDocumentImport,
  problemeEmail,
  telephoneFrancais,
  validerDocumentImport,
} from "../src/index.js";
import { beneficiaireSchema } from "../src/demande/beneficiaire.js";
import { administrateurSchema } from "../src/certificat/administrateur.js";
import { coordonneesBancairesSchema } from "../src/demande/coordonnees.js";
import { pieceSchema } from "../src/demande/piece.js";
import { lecteurObjet } from "../src/validation/objet.js";
import { OPTIONS_CORPUS, corpusImport, empreinteResultats } from "./corpus-import.js";

// The import check's shortcuts (phone fast path and cache, plain domains without URL, the
// Paris day once per file) must not change one problem: the digests below were taken from the
// checker before them. A deliberate rule change updates them (and says so in its commit).
describe("import check: same output on a varied corpus", () => {
  it.each([
    [0, "081b5d0a39c196926cf0fd646a2ef254f3c5aef1fe63f71f3988929a392d70b8"],
    [1, "c7dd8261c578f251fa124cb155b298978881ce39e8bbfb5cc0b382202344f783"],
  ])(
    "options n° %i",
    (i, empreinte) => {
      const corpus = corpusImport(exempleDocumentImport);
      expect(corpus.length).toBeGreaterThan(400);
      const resultats = corpus.map((d) => validerDocumentImport(d, OPTIONS_CORPUS[i]!));
      expect(resultats.filter((r) => r.erreurs.length > 0).length).toBeGreaterThan(300);
      if (i === 0) expect(resultats.filter((r) => r.demandes.length > 0).length).toBeGreaterThan(50);
      expect(empreinteResultats(resultats)).toBe(empreinte);
    },
    60_000,
  );
});

/** libphonenumber alone: the rule telephoneFrancais must keep. */
function telephoneReference(s: string): boolean {
  return REGIONS_TELEPHONE_FR.some((region) => {
    const n = parsePhoneNumberFromString(s, region);
    return n !== undefined && n.isValid() && n.country !== undefined && REGIONS_TELEPHONE_FR.includes(n.country);
  });
}

describe("telephoneFrancais: fast path and cache agree with libphonenumber", () => {
  it("every 3-digit prefix, in the common written forms", () => {
    const ecarts: string[] = [];
    const separateurs = ["", " ", ".", "-"];
    for (let p = 0; p < 1000; p++) {
      const chiffres = `${String(p).padStart(3, "0")}${String((p * 7919) % 1_000_000).padStart(6, "0")}`;
      const sep = separateurs[p % 4]!;
      const paires = chiffres.slice(1).match(/../g)!.join(sep);
      for (const s of [
        `0${chiffres[0]}${sep}${paires}`,
        `+33 ${chiffres[0]}${sep}${paires}`,
        `+33${chiffres}`,
        `0${chiffres}`,
      ]) {
        // Twice: the second answer comes from the cache.
        if (telephoneFrancais(s) !== telephoneReference(s) || telephoneFrancais(s) !== telephoneReference(s))
          ecarts.push(s);
      }
    }
    expect(ecarts).toEqual([]);
  });

  it("other forms, overseas and foreign numbers", () => {
    const cas = [
      "0262 12 34 56 78",
      "+262 262 12 34 56",
      "+590 590 12 34 56",
      "0590123456",
      "+687 12 34 56",
      "+689 40 12 34 56",
      "+508 41 12 34",
      "0033603334174",
      "(0)6 03 33 41 74",
      "06 03 33 41 7",
      "06  03 33 41 74",
      "06/03/33/41/74",
      "6 03 33 41 74",
      "+1 202 555 0100",
      "+44 20 7946 0958",
      "0800 123 456",
      "08 00 12 34 56",
      "1234",
      "abc",
      "06 03 33 41 74 ",
      " 0603334174",
      "+33 0603334174",
    ];
    for (const s of cas) expect([s, telephoneFrancais(s)]).toEqual([s, telephoneReference(s)]);
  });
});

describe("domaineAscii: plain domains skip URL with the same result", () => {
  const viaUrl = (d: string): string | null => {
    try {
      return new URL(`http://${d}`).hostname;
    } catch {
      return null;
    }
  };
  it.each([
    "domaine.fr",
    "mail.com",
    "a.b.c.d.e.fr",
    "ab--cd.fr",
    "x1.example.org",
    "0x1f.com",
    "1.2.3.4",
    "a.123",
    "xn--bcher-kva.ch",
    "xn--zz.fr",
    "a.xn--p1ai",
    "Mail.COM",
    "bücher.ch",
    "a..fr",
    "-a.fr",
    "a-.fr",
    `${"a".repeat(70)}.fr`,
    "a.f",
    "localhost",
  ])("%s", (d) => {
    expect(domaineAscii(d)).toBe(viaUrl(d));
  });

  it("emails keep their messages", () => {
    expect(problemeEmail("a.st@mail.com")).toBeNull();
    expect(problemeEmail(`${"a".repeat(150)}@aaaa.fr`)).toMatch(/150 caractères au maximum/);
    // 157 UTF-16 units but 81 characters: not too long, refused for its accents.
    expect(problemeEmail(`${"😀".repeat(76)}@a.fr`)).toMatch(/sans accent/);
  });
});

describe("lecteurObjet: the same result as zod", () => {
  const lecteur = lecteurObjet(beneficiaireSchema, beneficiaireSchema.shape);
  const base = exempleDocumentImport().demandes[0]!.beneficiaires[0]! as unknown as Record<string, unknown>;
  const valeurs: unknown[] = [
    undefined,
    null,
    "",
    " x ",
    3,
    false,
    {},
    "\u0000",
    "e\u0301",
    "330058066",
    "2b0000010",
    "a@b.fr",
    "x".repeat(300),
  ];
  const entrees: unknown[] = [base, {}, { ...base, inconnu: 1 }, { ...base, __proto__: { nomResponsable: "hérité" } }];
  for (const cle of Object.keys(beneficiaireSchema.shape)) for (const v of valeurs) entrees.push({ ...base, [cle]: v });

  const lu = (r: z.SafeParseReturnType<unknown, unknown>) =>
    r.success ? { data: r.data } : { issues: r.error.issues };

  it.each(entrees.map((e, i) => [i, e]))("entrée n° %i", (_i, e) => {
    expect(lu(lecteur.safeParse(e))).toEqual(lu(beneficiaireSchema.safeParse(e)));
  });

  it("not an object, or a field zod alone knows: zod itself", () => {
    expect(lu(lecteur.safeParse("x"))).toEqual(lu(beneficiaireSchema.safeParse("x")));
    const autre = z.object({ a: z.string() });
    expect(lecteurObjet(autre, autre.shape)).toBe(autre);
  });
});

describe("import check: objects are read without zod", () => {
  it("a whole file calls no object schema of zod", () => {
    const espions = [beneficiaireSchema, administrateurSchema, coordonneesBancairesSchema, pieceSchema].map((s) =>
      vi.spyOn(s, "safeParse"),
    );
    try {
      const r = validerDocumentImport(exempleDocumentImport(), OPTIONS_CORPUS[0]!);
      expect(r.demandes).toHaveLength(1);
      for (const e of espions) expect(e).not.toHaveBeenCalled();
    } finally {
      for (const e of espions) e.mockRestore();
    }
  });
});
