import { describe, expect, it } from "vitest";
import {
  administrateurFormSchema,
  administrateurSchema,
  administrateurVersFormulaire,
  avertissementsAdministrateur,
  champsAdministrateurModifies,
  formulaireVersAdministrateur,
  problemesDepuisZod,
  validerAdministrateur,
  type AdministrateurFormulaire,
} from "../src/index.js";
import { adminValide } from "./helpers.js";

describe("administrateurSchema", () => {
  it("normalises: trims, blank → null, utilité spellings, FINESS upper case", () => {
    const r = administrateurSchema.parse(
      adminValide({
        finessJuridique: " 2a0000014 ",
        nomAdminTechnique: "  Le Goff ",
        numeroCarteCPX: "",
        utiliteCertificat: "DMP, INS",
        contractualisationOG: false,
        statutAdminTechnique: "S",
        contractualisationEditeur: false,
      }),
    );
    expect(r).toEqual({
      finessJuridique: "2A0000014",
      contractualisationOG: false,
      statutAdminTechnique: "S",
      contractualisationEditeur: false,
      numeroCarteCPX: null,
      nomAdminTechnique: "Le Goff",
      telAdminTechnique: "0603334174",
      emailAdminTechnique: "a.st@mail.com",
      utiliteCertificat: "DMP_INS",
    });
  });

  it("requires every answer, with French messages naming the field", () => {
    const r = validerAdministrateur({ finessJuridique: "330058066" });
    const parChamp = Object.fromEntries(r.erreurs.map((e) => [e.path.join("."), e]));
    expect(Object.keys(parChamp).sort()).toEqual(
      [
        "contractualisationEditeur",
        "contractualisationOG",
        "emailAdminTechnique",
        "nomAdminTechnique",
        "statutAdminTechnique",
        "telAdminTechnique",
        "utiliteCertificat",
      ].sort(),
    );
    expect(r.erreurs.every((e) => e.code === "REQUIS" && e.gravite === "ERREUR")).toBe(true);
    expect(parChamp["contractualisationOG"]?.message).toBe(
      "Contractualisation organisme de gestion : choisissez Oui ou Non.",
    );
    expect(parChamp["contractualisationEditeur"]?.message).toBe("Contractualisation éditeur : choisissez Oui ou Non.");
    expect(parChamp["statutAdminTechnique"]?.message).toBe("Statut administrateur : choisissez Editeur ou Structure.");
    expect(parChamp["nomAdminTechnique"]?.message).toMatch(/^Nom : obligatoire/);
    expect(parChamp["emailAdminTechnique"]?.message).toMatch(/^Email : obligatoire/);
  });

  it("refuses a malformed FINESS but only warns on a wrong key", () => {
    const mal = validerAdministrateur(adminValide({ finessJuridique: "33005806" }));
    expect(mal.erreurs).toMatchObject([{ code: "FORMAT", path: ["finessJuridique"] }]);
    expect(mal.erreurs[0]?.message).toMatch(/^FINESS juridique : 9 caractères attendus/);

    const cle = validerAdministrateur(adminValide({ finessJuridique: "330058067" }), {
      finessBeneficiaires: ["330058067"],
    });
    expect(cle.erreurs).toEqual([]);
    expect(cle.avertissements).toMatchObject([
      { code: "CLE_FINESS", gravite: "AVERTISSEMENT", path: ["finessJuridique"] },
    ]);
  });

  it.each(["Dupont", "Le Goff", "Jean-Pierre", "D'Arc", "N’Diaye", "Éloïse", "Ærø"])("accepts the name %j", (nom) => {
    expect(validerAdministrateur(adminValide({ nomAdminTechnique: nom })).erreurs).toEqual([]);
  });

  it.each(["Dupont2", "-Dupont", "Dupont-", "'Arc", "Du_pont", "a.b", "Jean  -"])("refuses the name %j", (nom) => {
    const r = validerAdministrateur(adminValide({ nomAdminTechnique: nom }));
    expect(r.erreurs).toMatchObject([{ code: "FORMAT", path: ["nomAdminTechnique"] }]);
    expect(r.erreurs[0]?.message).toMatch(/^Nom : lettres uniquement/);
  });

  it("refuses a bad email and unknown codes", () => {
    const r = validerAdministrateur(
      adminValide({ emailAdminTechnique: "a.st@", statutAdminTechnique: "X", utiliteCertificat: "DMP+INS" }),
    );
    expect(r.erreurs.map((e) => [e.path[0], e.code])).toEqual([
      ["statutAdminTechnique", "VALEUR"],
      ["emailAdminTechnique", "FORMAT"],
      ["utiliteCertificat", "VALEUR"],
    ]);
  });

  it("reports a wrong JSON type as FORMAT without hiding the CPX rule", () => {
    const r = validerAdministrateur(adminValide({ nomAdminTechnique: 42, numeroCarteCPX: null }));
    expect(r.erreurs.map((e) => [e.path[0], e.code])).toEqual([
      ["nomAdminTechnique", "FORMAT"],
      ["numeroCarteCPX", "REQUIS"],
    ]);
    expect(r.erreurs[0]?.message).toBe("Nom : texte attendu.");
  });

  it("warns on FINESS unknown to the demande and on a non-French phone", () => {
    const a = avertissementsAdministrateur(adminValide({ telAdminTechnique: "+44 20 7946 0958" }), {
      finessBeneficiaires: ["750712184"],
    });
    expect(a.map((p) => [p.code, p.path.join("."), p.gravite])).toEqual([
      ["FINESS_INCONNU", "finessJuridique", "AVERTISSEMENT"],
      ["TELEPHONE", "telAdminTechnique", "AVERTISSEMENT"],
    ]);
    expect(a[1]?.message).toMatch(/^Téléphone : /);
    expect(avertissementsAdministrateur(adminValide(), { finessBeneficiaires: ["330058066"] })).toEqual([]);
  });

  it("warnings do not block", () => {
    const r = validerAdministrateur(adminValide({ telAdminTechnique: "12" }), { finessBeneficiaires: [] });
    expect(r.erreurs).toEqual([]);
    expect(r.valeur).toBeDefined();
    expect(r.avertissements.map((p) => p.code)).toEqual(["FINESS_INCONNU", "TELEPHONE"]);
  });

  it("lists changed fields", () => {
    const avant = administrateurSchema.parse(adminValide());
    const apres = administrateurSchema.parse(
      adminValide({ telAdminTechnique: "0613434174", utiliteCertificat: "INS" }),
    );
    expect(champsAdministrateurModifies(avant, apres)).toEqual(["telAdminTechnique", "utiliteCertificat"]);
  });
});

describe("administrateurFormSchema (pop-in)", () => {
  const vide = administrateurVersFormulaire(null);

  it("starts empty", () => {
    expect(vide).toEqual({
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

  it("round-trips typed values", () => {
    const v = administrateurSchema.parse(
      adminValide({ utiliteCertificat: "DMP_INS", numeroCarteCPX: null, contractualisationEditeur: false }),
    );
    const f = administrateurVersFormulaire(v);
    expect(f.contractualisationOG).toBe("true");
    expect(f.contractualisationEditeur).toBe("false");
    expect(f.numeroCarteCPX).toBe("");
    expect(formulaireVersAdministrateur(f)).toEqual(v);
  });

  it("applies the same rules, with field-name paths and French messages", () => {
    const f: AdministrateurFormulaire = {
      ...vide,
      finessJuridique: "330058066",
      contractualisationOG: "true",
      statutAdminTechnique: "S",
      contractualisationEditeur: "false",
      nomAdminTechnique: "A".repeat(26),
      telAdminTechnique: "0603334174",
      emailAdminTechnique: "a.st@mail.com",
    };
    const r = administrateurFormSchema.safeParse(f);
    expect(r.success).toBe(false);
    if (r.success) return;
    const erreurs = problemesDepuisZod(r.error);
    expect(erreurs.map((e) => [e.path.join("."), e.code, e.message])).toEqual([
      ["nomAdminTechnique", "TROP_LONG", "Nom : 25 caractères au maximum."],
      ["utiliteCertificat", "REQUIS", "Utilité certificat : choisissez DMP, INS ou « DMP, INS »."],
      [
        "numeroCarteCPX",
        "REQUIS",
        "Numéro de carte CPX : obligatoire lorsque la contractualisation OG est Oui, le statut Structure et la contractualisation éditeur Non.",
      ],
    ]);
  });

  it("outputs typed values when valid", () => {
    const r = administrateurFormSchema.parse({
      ...vide,
      finessJuridique: "330058068",
      contractualisationOG: "false",
      statutAdminTechnique: "S",
      contractualisationEditeur: "false",
      nomAdminTechnique: "VIE",
      telAdminTechnique: "0613434174",
      emailAdminTechnique: "g.vi@mail.com",
      utiliteCertificat: "INS",
    });
    expect(r).toMatchObject({
      contractualisationOG: false,
      statutAdminTechnique: "S",
      numeroCarteCPX: null,
      utiliteCertificat: "INS",
    });
  });
});
