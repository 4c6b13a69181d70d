import { describe, expect, it } from "vitest";
import {
  caractereInterdit,
  commentaireSchema,
  messageFournisseurSchema,
  motifSchema,
  problemesDepuisZod,
  validerAdministrateur,
  validerBeneficiaire,
  validerCoordonnees,
  validerInformations,
} from "../src/index.js";
import { adminValide } from "./helpers.js";

const beneficiaire = {
  nomResponsable: "Anne STU",
  emailResponsable: "direction@ehpad.fr",
  telResponsable: "0556000001",
  finessJuridique: "330058066",
  finessGeographique: "330000019",
};
const coordonnees = {
  iban: "FR7611808009101234567890147",
  bic: "CMCIFRPA",
  titulaire: "MAISON HELOISE",
  domiciliation: "BFCM",
};

const lire = (schema: typeof motifSchema | typeof commentaireSchema, v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? { valeur: r.data, erreurs: [] } : { valeur: undefined, erreurs: problemesDepuisZod(r.error) };
};

describe("caractereInterdit", () => {
  it.each([
    ["a\u0000b", "U+0000"],
    ["\u001b[31mrouge", "U+001B"],
    ["a\u007f", "U+007F"],
    ["a\u0085", "U+0085"],
    ["a\u009fb", "U+009F"],
    ["a\tb", "U+0009"],
    ["a\nb", "U+000A"],
    ["a\rb", "U+000D"],
  ])("single line: %j is refused (%s)", (s, code) => {
    expect(caractereInterdit(s)).toBe(`caractère de contrôle interdit (${code})`);
  });

  it("lone surrogates are refused, a paired one (emoji) is a character", () => {
    expect(caractereInterdit("a\uD800b")).toBe("caractère invalide (U+D800, moitié isolée d'une paire UTF-16)");
    expect(caractereInterdit("\uDC00")).toMatch(/U\+DC00/);
    expect(caractereInterdit("\uDC00\uD800")).toMatch(/U\+DC00/);
    expect(caractereInterdit("Hélène 😀 Ω")).toBeNull();
  });

  it("multi-line texts keep newline and tab, not the other controls", () => {
    expect(caractereInterdit("ligne 1\nligne 2\tcolonne", true)).toBeNull();
    expect(caractereInterdit("a\u0000b", true)).toBe("caractère de contrôle interdit (U+0000)");
    expect(caractereInterdit("a\u000bb", true)).toBe("caractère de contrôle interdit (U+000B)");
    expect(caractereInterdit("a\uDFFF", true)).toMatch(/U\+DFFF/);
  });
});

describe("every text field refuses control characters, naming the field", () => {
  it("bénéficiaire: « Nom du responsable : caractère de contrôle interdit (U+0000). »", () => {
    const r = validerBeneficiaire({ ...beneficiaire, nomResponsable: "Anne\u0000STU" });
    expect(r.erreurs).toEqual([
      {
        code: "CARACTERE_INTERDIT",
        champ: "nomResponsable",
        path: ["nomResponsable"],
        gravite: "ERREUR",
        message: "Nom du responsable : caractère de contrôle interdit (U+0000).",
      },
    ]);
  });

  it("one error per field: a control character in a FINESS or an email is not also a format error", () => {
    const r = validerBeneficiaire({
      ...beneficiaire,
      finessJuridique: "33005\u00008066",
      emailResponsable: "a@b\u001b.fr",
    });
    expect(r.erreurs.map((e) => [e.champ, e.code])).toEqual([
      ["emailResponsable", "CARACTERE_INTERDIT"],
      ["finessJuridique", "CARACTERE_INTERDIT"],
    ]);
  });

  it("a lone surrogate in a name, an administrateur or bank field is refused", () => {
    expect(validerBeneficiaire({ ...beneficiaire, operateurMessagerie: "Mail\uD83D" }).erreurs[0]).toMatchObject({
      champ: "operateurMessagerie",
      code: "CARACTERE_INTERDIT",
    });
    expect(
      validerAdministrateur(adminValide({ nomAdminTechnique: "STU\u0007" })).erreurs.map((e) => [
        e.champ,
        e.code,
        e.message,
      ]),
    ).toEqual([["nomAdminTechnique", "CARACTERE_INTERDIT", "Nom : caractère de contrôle interdit (U+0007)."]]);
    expect(validerCoordonnees({ ...coordonnees, titulaire: "MAISON\tHELOISE" }).erreurs[0]).toMatchObject({
      champ: "titulaire",
      code: "CARACTERE_INTERDIT",
    });
  });

  it("a newline in a single-line field is refused, around it it is only trimmed", () => {
    expect(validerBeneficiaire({ ...beneficiaire, nomResponsable: "Anne\nSTU" }).erreurs[0]).toMatchObject({
      code: "CARACTERE_INTERDIT",
    });
    expect(validerBeneficiaire({ ...beneficiaire, nomResponsable: "\nAnne STU\n" }).valeur?.nomResponsable).toBe(
      "Anne STU",
    );
  });

  it.each([
    ["motif", motifSchema],
    ["messageFournisseur", messageFournisseurSchema],
    ["commentaire", commentaireSchema],
  ] as const)("%s: multi-line (CR LF → LF, tab kept), NUL and lone surrogates refused", (champ, schema) => {
    expect(lire(schema, "Pièce illisible.\r\n\tMerci de la renvoyer.\rCordialement").valeur).toBe(
      "Pièce illisible.\n\tMerci de la renvoyer.\nCordialement",
    );
    const nul = lire(schema, "motif\u0000");
    expect(nul.erreurs.map((e) => [e.code, e.champ])).toEqual([["CARACTERE_INTERDIT", champ]]);
    expect(lire(schema, "motif \uDE00").erreurs.map((e) => e.code)).toEqual(["CARACTERE_INTERDIT"]);
  });

  it("the scénario d'installation is multi-line, the contact email is not", () => {
    expect(validerInformations({ scenarioInstallation: "SaaS\r\n- site 1\n- site 2" }).valeur).toEqual({
      scenarioInstallation: "SaaS\n- site 1\n- site 2",
    });
    expect(validerInformations({ scenarioInstallation: "SaaS\u0000" }).erreurs[0]).toMatchObject({
      champ: "scenarioInstallation",
      code: "CARACTERE_INTERDIT",
    });
    expect(validerInformations({ courrielContact: "contact@editeur.fr\n\u0000" }).erreurs[0]).toMatchObject({
      champ: "courrielContact",
      code: "CARACTERE_INTERDIT",
    });
  });
});

describe("texts are stored in NFC", () => {
  const decompose = "He\u0301le\u0300ne"; // e + combining accents
  it("a decomposed name is stored composed", () => {
    const nom = validerBeneficiaire({ ...beneficiaire, nomResponsable: decompose }).valeur?.nomResponsable;
    expect(nom).toBe("Hélène");
    expect(nom).toBe(decompose.normalize("NFC"));
    expect(lire(motifSchema, decompose).valeur).toBe("Hélène");
  });

  it("the length is counted after composition", () => {
    // 25 letters written with 50 code points fit the 25-character limit of the administrateur's name.
    const nom = "e\u0301".repeat(25);
    const r = validerAdministrateur(adminValide({ nomAdminTechnique: nom }));
    expect(r.erreurs).toEqual([]);
    expect(r.valeur?.nomAdminTechnique).toBe("é".repeat(25));
  });
});
