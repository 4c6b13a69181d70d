import { administrateurFormSchema } from "@segur/shared";
import { describe, expect, it } from "vitest";
import {
  avertissementsParChamp,
  beneficiaireFormSchema,
  beneficiaireVersFormulaire,
  champsAdministrateurChanges,
  champsTexteChanges,
  CHOIX_VIDE,
  coordonneesFormSchema,
  formulaireAdministrateur,
  indicationCpx,
  OPTIONS_OUI_NON,
  OPTIONS_STATUT,
  OPTIONS_UTILITE,
  schemaFormulaire,
} from "~/lib/formulaire";
import { BENEFICIAIRE, VALEURS_ADMIN } from "~/lib/brouillon.fixtures";

describe("dropdown options", () => {
  it("come from the shared labels, with an empty choice first", () => {
    expect(OPTIONS_OUI_NON).toEqual([
      { value: "", text: CHOIX_VIDE },
      { value: "true", text: "Oui" },
      { value: "false", text: "Non" },
    ]);
    expect(OPTIONS_STATUT.map((o) => o.text)).toEqual([CHOIX_VIDE, "Editeur", "Structure"]);
    expect(OPTIONS_UTILITE).toContainEqual({ value: "DMP_INS", text: "DMP, INS" });
  });
});

describe("formulaireAdministrateur", () => {
  it("turns a preview row into the pop-in's strings, and nothing into empty fields", () => {
    expect(formulaireAdministrateur({ ...VALEURS_ADMIN, finessJuridique: null })).toMatchObject({
      finessJuridique: "",
      contractualisationOG: "true",
      contractualisationEditeur: "false",
      statutAdminTechnique: "E",
      numeroCarteCPX: "",
      utiliteCertificat: "DMP_INS",
    });
    expect(formulaireAdministrateur(null)).toEqual({
      finessJuridique: "",
      contractualisationOG: "",
      statutAdminTechnique: "",
      contractualisationEditeur: "",
      numeroCarteCPX: "",
      nomAdminTechnique: "",
      telAdminTechnique: "",
      emailAdminTechnique: "",
      utiliteCertificat: "",
    });
  });
});

describe("champsAdministrateurChanges", () => {
  it("lists the fields that differ from the saved row", () => {
    const f = {
      ...formulaireAdministrateur(VALEURS_ADMIN),
      numeroCarteCPX: "8001234567",
      contractualisationOG: "false" as const,
    };
    expect([...champsAdministrateurChanges(f, VALEURS_ADMIN)].sort()).toEqual([
      "contractualisationOG",
      "numeroCarteCPX",
    ]);
  });

  it("ignores spaces around text, and marks nothing for a row not saved yet", () => {
    const f = { ...formulaireAdministrateur(VALEURS_ADMIN), nomAdminTechnique: "  STU " };
    expect(champsAdministrateurChanges(f, VALEURS_ADMIN).size).toBe(0);
    expect(champsAdministrateurChanges({ ...f, nomAdminTechnique: "X" }, null).size).toBe(0);
  });
});

describe("indicationCpx", () => {
  const versFormulaire = (og: boolean, statut: "E" | "S", editeur: boolean) => ({
    contractualisationOG: String(og) as "true" | "false",
    statutAdminTechnique: statut,
    contractualisationEditeur: String(editeur) as "true" | "false",
  });

  // SPEC §3.3's eight rows, written out: the hint must follow the guide, not the table it reads.
  const OBLIGATOIRE = "Obligatoire pour cette combinaison (contractualisation OG, statut, contractualisation éditeur).";
  const FACULTATIF = "Facultatif pour cette combinaison (contractualisation OG, statut, contractualisation éditeur).";
  it.each([
    [false, "E", false, FACULTATIF],
    [false, "S", false, FACULTATIF],
    [false, "E", true, OBLIGATOIRE],
    [false, "S", true, FACULTATIF],
    [true, "E", false, FACULTATIF],
    [true, "S", false, OBLIGATOIRE],
    [true, "E", true, OBLIGATOIRE],
    [true, "S", true, OBLIGATOIRE],
  ] as const)("OG %s, statut %s, éditeur %s → %s", (og, statut, editeur, indication) => {
    expect(indicationCpx(versFormulaire(og, statut, editeur))).toBe(indication);
  });

  it("explains the rule while the combination is incomplete", () => {
    expect(
      indicationCpx({ contractualisationOG: "true", statutAdminTechnique: "", contractualisationEditeur: "true" }),
    ).toMatch(/^Obligatoire ou facultatif selon/);
  });
});

describe("avertissementsParChamp", () => {
  it("groups warnings by field", () => {
    expect(
      avertissementsParChamp([
        { champ: "finessJuridique", message: "clé" },
        { champ: "finessJuridique", message: "inconnu" },
        { champ: "telAdminTechnique", message: "tel" },
      ]),
    ).toEqual({ finessJuridique: ["clé", "inconnu"], telAdminTechnique: ["tel"] });
  });
});

describe("schemaFormulaire", () => {
  it("keeps the initial strings as they are (no cast into the schema's output)", () => {
    const typed = schemaFormulaire(administrateurFormSchema);
    expect("cast" in typed).toBe(false);
  });

  it("still validates with the shared rules", async () => {
    const typed = schemaFormulaire(administrateurFormSchema);
    const r = await typed.parse({
      ...formulaireAdministrateur(VALEURS_ADMIN),
      contractualisationEditeur: "true",
      numeroCarteCPX: "",
    });
    expect(r.errors.map((e) => e.path)).toEqual(["numeroCarteCPX"]);
    expect(r.errors[0]?.errors[0]).toMatch(/^Numéro de carte CPX : obligatoire/);
  });
});

describe("bénéficiaire and coordonnées pop-ins", () => {
  it("reads presentSolde from its dropdown", () => {
    const f = beneficiaireVersFormulaire({ ...BENEFICIAIRE, presentSolde: true });
    expect(f.presentSolde).toBe("true");
    expect(f.ancienneVersion).toBe("");
    const r = beneficiaireFormSchema.safeParse(f);
    expect(r.success && r.data.presentSolde).toBe(true);
    expect(r.success && r.data.ancienneVersion).toBeNull();
  });

  it("checks bank details with the shared schema (IBAN key)", () => {
    const ok = coordonneesFormSchema.safeParse({
      iban: "fr76 1180 8009 1012 3456 7890 147",
      bic: "cmcifrpa",
      titulaire: "MAISON",
      domiciliation: "BFCM",
    });
    expect(ok.success && ok.data.iban).toBe("FR7611808009101234567890147");
    const ko = coordonneesFormSchema.safeParse({
      iban: "FR7611808009101234567890148",
      bic: "CMCIFRPA",
      titulaire: "M",
      domiciliation: "B",
    });
    expect(ko.success).toBe(false);
  });

  it("compares text fields with the saved row", () => {
    const f = {
      ...beneficiaireVersFormulaire(BENEFICIAIRE),
      nomResponsable: "Anne STUART",
      presentSolde: "true" as const,
    };
    expect([
      ...champsTexteChanges(f, beneficiaireVersFormulaire(BENEFICIAIRE), [
        "nomResponsable",
        "presentSolde",
        "telResponsable",
      ]),
    ]).toEqual(["nomResponsable", "presentSolde"]);
  });
});
