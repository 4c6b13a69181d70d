import { describe, expect, it } from "vitest";
import { pieceSchema, problemeContenuPdf, validerBeneficiaire, validerCoordonnees } from "../src/index.js";

const beneficiaire = {
  nomResponsable: "Anne STU",
  emailResponsable: "direction@ehpad.fr",
  telResponsable: "0556000001",
  finessJuridique: "330058066",
  finessGeographique: "330000019",
};

describe("bénéficiaire", () => {
  it("accepts and normalises a complete row", () => {
    const r = validerBeneficiaire({ ...beneficiaire, presentSolde: true, ancienneVersion: " " });
    expect(r.erreurs).toEqual([]);
    expect(r.avertissements).toEqual([]);
    expect(r.valeur).toEqual({
      ...beneficiaire,
      presentSolde: true,
      ancienneVersion: null,
      maitreIdentite: null,
      stockageIdentite: null,
      operateurMessagerie: null,
    });
  });

  it("presentSolde defaults to false but must be a boolean", () => {
    expect(validerBeneficiaire(beneficiaire).valeur?.presentSolde).toBe(false);
    expect(validerBeneficiaire({ ...beneficiaire, presentSolde: "oui" }).erreurs).toMatchObject([
      { code: "FORMAT", path: ["presentSolde"] },
    ]);
  });

  it("requires responsable, email, phone and both FINESS", () => {
    const r = validerBeneficiaire({});
    expect(r.erreurs.map((e) => [e.path[0], e.code])).toEqual([
      ["nomResponsable", "REQUIS"],
      ["emailResponsable", "REQUIS"],
      ["telResponsable", "REQUIS"],
      ["finessJuridique", "REQUIS"],
      ["finessGeographique", "REQUIS"],
    ]);
    expect(r.erreurs[0]?.message).toBe("Nom du responsable : champ obligatoire.");
  });

  it("checks email and FINESS formats", () => {
    const r = validerBeneficiaire({ ...beneficiaire, emailResponsable: "x", finessGeographique: "2C0000014" });
    expect(r.erreurs.map((e) => [e.path[0], e.code])).toEqual([
      ["emailResponsable", "FORMAT"],
      ["finessGeographique", "FORMAT"],
    ]);
    expect(r.erreurs[1]?.message).toMatch(/^FINESS géographique : 9 caractères attendus/);
  });

  it("warns on FINESS keys and phone", () => {
    const r = validerBeneficiaire({
      ...beneficiaire,
      finessJuridique: "330058067",
      finessGeographique: "2A0000015",
      telResponsable: "12",
    });
    expect(r.erreurs).toEqual([]);
    expect(r.avertissements.map((p) => [p.code, p.path[0]])).toEqual([
      ["CLE_FINESS", "finessJuridique"],
      ["CLE_FINESS", "finessGeographique"],
      ["TELEPHONE", "telResponsable"],
    ]);
  });
});

describe("coordonnées bancaires", () => {
  it("normalises IBAN and BIC", () => {
    const r = validerCoordonnees({
      iban: "fr76 1180 8009 1012 3456 7890 147",
      bic: "cmcifrpa",
      titulaire: "MAISON HELOISE",
      domiciliation: "BFCM STRASBOURG SIEGE",
    });
    expect(r.erreurs).toEqual([]);
    expect(r.valeur).toMatchObject({ iban: "FR7611808009101234567890147", bic: "CMCIFRPA" });
  });

  it("refuses a wrong IBAN and BIC, requires everything", () => {
    const r = validerCoordonnees({ iban: "FR7611808009101234567890148", bic: "CMCIFRP" });
    expect(r.erreurs.map((e) => [e.path[0], e.code])).toEqual([
      ["iban", "FORMAT"],
      ["bic", "FORMAT"],
      ["titulaire", "REQUIS"],
      ["domiciliation", "REQUIS"],
    ]);
    expect(r.erreurs[0]?.message).toMatch(/^IBAN : IBAN valide attendu/);
  });
});

describe("pièce", () => {
  it("requires a .pdf name and a known type", () => {
    expect(pieceSchema.safeParse({ nomFichier: "VA.PDF", type: "VA" }).success).toBe(true);
    const r = pieceSchema.safeParse({ nomFichier: "va.docx", type: "DEVIS" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual([
      "Nom du fichier : fichier PDF attendu (nom se terminant par .pdf).",
      "Type : valeur attendue VA ou FACTURE.",
    ]);
  });

  it("checks the PDF signature", () => {
    expect(problemeContenuPdf(new TextEncoder().encode("%PDF-1.4"))).toBeNull();
    expect(problemeContenuPdf(new TextEncoder().encode("PK\u0003\u0004"))).toMatch(/PDF attendu/);
  });
});
