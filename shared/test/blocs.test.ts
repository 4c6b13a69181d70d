import { describe, expect, expectTypeOf, it } from "vitest";
import {
  BLOCS,
  CHAMPS_COORDONNEES,
  CLE_COORDONNEES,
  CLE_INFORMATIONS,
  BLOCS_A_CLE,
  BLOCS_VERSIONNES,
  DESCRIPTEURS_BLOCS,
  REGISTRE_BLOCS,
  blocDuVerrou,
  coordonneesBancairesSchema,
  couloirCertificat,
  nommerLigne,
  perimetreCertificat,
  type Bloc,
  type BlocACle,
  type BlocVersionne,
  type CoordonneesValeurs,
} from "../src/index.js";

describe("block registry", () => {
  it("describes every block, in screen order, under its own key", () => {
    expectTypeOf<keyof typeof REGISTRE_BLOCS>().toEqualTypeOf<Bloc>();
    expect(DESCRIPTEURS_BLOCS.map((d) => d.bloc)).toEqual([...BLOCS]);
    // The block titles of SPEC §2, in its order.
    expect(DESCRIPTEURS_BLOCS.map((d) => d.libelle)).toEqual([
      "Informations de la demande",
      "Coordonnées bancaires",
      "Bénéficiaire(s) et scénario d'installation",
      "Informations sur le(s) administrateur(s) technique(s)",
      "Pièces justificatives",
      "Courriels automatiques envoyés",
    ]);
  });

  it("marks as validatable exactly the blocks gestionnaires validate, each under its own lock", () => {
    // SPEC §6: rows are validated and a block whose rows are all validated is locked; the demande's
    // own fields and the emails sent have no rows to validate.
    const verrous = Object.fromEntries(DESCRIPTEURS_BLOCS.map((d) => [d.bloc, [d.validable, d.verrou]]));
    expect(verrous).toEqual({
      INFORMATIONS: [false, null],
      COORDONNEES_BANCAIRES: [true, "COORDONNEES_BANCAIRES"],
      BENEFICIAIRES: [true, "BENEFICIAIRES"],
      ADMINISTRATEURS: [true, "ADMINISTRATEURS"],
      PIECES: [true, "PIECES"],
      COURRIELS: [false, null],
    });
  });

  it("holds the one bank field list, the one the zod schema and the values follow", () => {
    expect(CHAMPS_COORDONNEES).toEqual(["iban", "bic", "titulaire", "domiciliation"]);
    expect(Object.keys(coordonneesBancairesSchema.shape)).toEqual([...CHAMPS_COORDONNEES]);
    expectTypeOf<keyof CoordonneesValeurs>().toEqualTypeOf<(typeof CHAMPS_COORDONNEES)[number]>();
  });

  it("versions every block with fields, the demande's deposit fields beyond the draft's", () => {
    expectTypeOf<BlocVersionne>().toEqualTypeOf<Exclude<Bloc, "COURRIELS">>();
    expect(BLOCS_VERSIONNES).toEqual(BLOCS.filter((b) => b !== "COURRIELS"));
    const informations = REGISTRE_BLOCS.INFORMATIONS;
    expect(informations.champsVersionnes).toEqual(
      expect.arrayContaining([...informations.champs, "numero", "dateDepot"]),
    );
    expect(REGISTRE_BLOCS.BENEFICIAIRES.champsVersionnes).toBe(REGISTRE_BLOCS.BENEFICIAIRES.champs);
  });

  it("names the rows' table and relation, and which row blocks are keyed by a generated cle", () => {
    expectTypeOf<BlocACle>().toEqualTypeOf<"BENEFICIAIRES" | "PIECES">();
    expect(BLOCS_A_CLE).toEqual(["BENEFICIAIRES", "PIECES"]);
    expect(DESCRIPTEURS_BLOCS.map((d) => [d.modele, d.relation])).toEqual([
      ["Demande", null],
      ["CoordonneesBancaires", "coordonneesBancaires"],
      ["Beneficiaire", "beneficiaires"],
      ["AdministrateurTechnique", "administrateurs"],
      ["PieceJustificative", "pieces"],
      ["Courriel", "courriels"],
    ]);
  });

  it("keys the one-row blocks", () => {
    expect([CLE_COORDONNEES, CLE_INFORMATIONS]).toEqual(["coordonnees", "demande"]);
    const uneLigne = DESCRIPTEURS_BLOCS.filter((d) => !d.lignes).map((d) => d.bloc);
    expect(uneLigne).toEqual(["INFORMATIONS", "COORDONNEES_BANCAIRES"]);
  });

  it("puts the scénario under the bénéficiaires lock and the contact email under none", () => {
    expect(blocDuVerrou("INFORMATIONS", ["scenarioInstallation"])).toBe("BENEFICIAIRES");
    expect(blocDuVerrou("INFORMATIONS", ["courrielContact", "scenarioInstallation"])).toBe("BENEFICIAIRES");
    expect(blocDuVerrou("INFORMATIONS", ["courrielContact"])).toBeNull();
    expect(blocDuVerrou("INFORMATIONS", ["constructor", "__proto__"])).toBeNull();
    expect(blocDuVerrou("PIECES", [])).toBe("PIECES");
    expect(blocDuVerrou("COURRIELS", [])).toBeNull();
  });

  it("names a bénéficiaire row by its FINESS juridique and responsable", () => {
    const b = { finessJuridique: "330058066", nomResponsable: "Mme Durand" };
    expect(nommerLigne("BENEFICIAIRES", b)).toBe("330058066 — Mme Durand");
    expect(nommerLigne("BENEFICIAIRES", { finessJuridique: "330058066", nomResponsable: null })).toBe("330058066");
    expect(nommerLigne("PIECES", { nomFichier: "va.pdf" })).toBe("va.pdf");
    expect(nommerLigne("COORDONNEES_BANCAIRES", {})).toBe("");
  });
});

describe("certificate perimeter", () => {
  const debut = new Date("2023-09-21T00:00:00Z");
  it("is the AVANCE of MS1 / MS2 only, whatever the dates", () => {
    expect(couloirCertificat({ type: "AVANCE", couloir: "MS1" })).toBe(true);
    expect(couloirCertificat({ type: "AVANCE", couloir: "PH1" })).toBe(false);
    expect(couloirCertificat({ type: "SOLDE", couloir: "MS2" })).toBe(false);
  });
  it("adds the filing date, or a later confirmed modification", () => {
    const avance = { type: "AVANCE", couloir: "MS2" };
    expect(perimetreCertificat({ ...avance, dateDepot: debut }, debut)).toBe(true);
    expect(perimetreCertificat({ ...avance, dateDepot: new Date("2023-09-20T00:00:00Z") }, debut)).toBe(false);
    const modifiee = { ...avance, dateDepot: new Date("2022-01-01T00:00:00Z"), derniereModification: debut };
    expect(perimetreCertificat(modifiee, debut)).toBe(true);
    expect(perimetreCertificat({ type: "AVANCE", couloir: "PH1", dateDepot: debut }, debut)).toBe(false);
  });
});
