import { createHash } from "node:crypto";
import type { OptionsImport, ResultatImport } from "../src/import/document.js";
import type { DocumentImportJson } from "../src/import/format-json.js";

/*
 * A varied corpus of import documents (the example, then one field at a time set to a hostile
 * value, at every level) and a digest of the checker's whole output on it: a speed-up of the
 * checker must leave every problem list and every value unchanged.
 */

const VALEURS: unknown[] = [
  undefined,
  null,
  "",
  "  ",
  42,
  true,
  [],
  {},
  "\u0000",
  "a\u0000b",
  "\uD800",
  "x\uDFFFy",
  "\r\n",
  "e\u0301te",
  "ÉTÉ",
  "0556000001",
  "05 56 00 00 01",
  "+33 6 03 33 41 74",
  "0033603334174",
  "0262 12 34 56",
  "+590 590 12 34 56",
  "+687 12 34 56",
  "0800 123 456",
  "0899123456",
  "0400000000",
  "1234",
  "+1 202 555 0100",
  "06-03-33-41-74",
  "06.03.33.41.74",
  "a@b.fr",
  "A.St@Mail.COM",
  "x@xn--bcher-kva.ch",
  "x@bücher.ch",
  "x@xn--zz.fr",
  "x@1.2.3.4",
  "x@a.123",
  "x@a..fr",
  "x@-a.fr",
  "x@a-.fr",
  "x@ab--cd.fr",
  "é@a.fr",
  "x@a.f",
  `${"a".repeat(65)}@a.fr`,
  `x@${"a".repeat(64)}.fr`,
  `${"a".repeat(140)}@aaaa.fr`,
  "x@0x1f.com",
  "x@a.b.c.d.e.fr",
  "x@domaine.fr ",
  " x@domaine.fr",
  "330058066",
  "2A0000010",
  "2B 000 001 0",
  "33005806",
  "AVANCE",
  "SOLDE",
  "ms1",
  "MS3",
  "E",
  "S",
  "DMP",
  "DMP,INS",
  "INS",
  "2022-09-20",
  "2022-02-30",
  "2099-01-01",
  "2019-12-31",
  "2920.00",
  "2920,00",
  "-1",
  "99999999999.99",
  1e20,
  "true",
  "00001",
  "00002",
  "REF/1",
  "réf",
  "O'Neil",
  "Jean-Pierre",
  "A B",
  "-A",
  "x".repeat(300),
];
const CLES_DEMANDE = [
  "type",
  "couloir",
  "numeroEditeur",
  "logiciel",
  "dateCommande",
  "montantSegurDeclare",
  "mandataire",
  "courrielContact",
  "scenarioInstallation",
  "referenceFournisseur",
  "coordonneesBancaires",
  "beneficiaires",
  "piecesJustificatives",
  "inconnu",
];
const CLES_BENEFICIAIRE = [
  "nomResponsable",
  "emailResponsable",
  "telResponsable",
  "finessJuridique",
  "finessGeographique",
  "presentSolde",
  "ancienneVersion",
  "demandeCertificatServeur",
  "contracutualisationOG",
  "contractualisationOG",
  "StatutAdminTechnique",
  "statutAdminTechnique",
  "contractualisationEditeur",
  "certificatServeur",
];
const CLES_CERTIFICAT = [
  "numeroCarteCPX",
  "nomAdminTechnique",
  "telAdminTechnique",
  "emailAdminTechnique",
  "utiliteCertificat",
];
const CLES_AUTRES: [string, string[]][] = [
  ["coordonneesBancaires", ["iban", "bic", "titulaire"]],
  ["piecesJustificatives", ["nomFichier", "type", "contenuBase64"]],
];

type Objet = Record<string, unknown>;

/** Every document of the corpus, each from a fresh example (`exemple` is exempleDocumentImport). */
export function corpusImport(exemple: () => DocumentImportJson): unknown[] {
  const corpus: unknown[] = [exemple(), exemple().demandes[0], null, [], { demandes: [] }, { demandes: "x" }];
  const avec = (changer: (d: Objet) => void) => {
    const document = exemple() as unknown as { demandes: Objet[] };
    changer(document.demandes[0]!);
    // Twice the same demande: duplicates (références, FINESS) and repeated values.
    document.demandes.push(structuredClone(document.demandes[0]!));
    corpus.push(document);
  };
  VALEURS.forEach((v, i) => {
    avec((d) => {
      d[CLES_DEMANDE[i % CLES_DEMANDE.length]!] = v;
    });
    const b = (d: Objet, j: number) => (d["beneficiaires"] as Objet[])[j]!;
    avec((d) => {
      b(d, i % 6)[CLES_BENEFICIAIRE[i % CLES_BENEFICIAIRE.length]!] = v;
    });
    avec((d) => {
      for (const k of CLES_BENEFICIAIRE.slice(0, 5)) b(d, i % 6)[k] = v;
    });
    avec((d) => {
      for (const k of CLES_CERTIFICAT) (b(d, i % 5)["certificatServeur"] as Objet)[k] = v;
    });
    avec((d) => {
      (b(d, i % 5)["certificatServeur"] as Objet)[CLES_CERTIFICAT[i % CLES_CERTIFICAT.length]!] = v;
    });
    const [cle, champs] = CLES_AUTRES[i % 2]!;
    avec((d) => {
      const bloc = d[cle];
      const cible = (Array.isArray(bloc) ? bloc[0] : bloc) as Objet;
      cible[champs[i % champs.length]!] = v;
    });
  });
  return corpus;
}

/** SHA-256 of the outputs (bigints and bytes written out), in corpus order. */
export function empreinteResultats(resultats: ResultatImport[]): string {
  const json = JSON.stringify(resultats, (_k, v: unknown) =>
    typeof v === "bigint" ? `${v}n` : v instanceof Uint8Array ? Buffer.from(v).toString("base64") : v,
  );
  return createHash("sha256").update(json).digest("hex");
}

export const OPTIONS_CORPUS: OptionsImport[] = [
  { dateDebutCertificat: new Date("2022-01-01T00:00:00Z"), dateDepot: new Date("2024-03-01T10:00:00Z") },
  {
    dateDebutCertificat: new Date("2025-01-01T00:00:00Z"),
    dateDepot: new Date("2024-03-01T23:30:00Z"),
    numeroEditeur: "00001",
    montantMaxCentimes: 100000n,
  },
];
