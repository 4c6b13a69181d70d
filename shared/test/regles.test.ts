import { describe, expect, it } from "vitest";
import {
  DATE_DEBUT_CERTIFICAT_DEFAUT,
  REGLES_CPX,
  administrateurSchema,
  exigenceCpx,
  lireDateDebutCertificat,
  perimetreCertificat,
  validerAdministrateur,
} from "../src/index.js";
import { adminValide } from "./helpers.js";

// SPEC §3.3, written out again here on purpose: the test must fail if the data drifts.
const TABLE: [boolean, "E" | "S", boolean, "REQUIS" | "OPTIONNEL"][] = [
  [false, "E", false, "OPTIONNEL"],
  [false, "S", false, "OPTIONNEL"],
  [false, "E", true, "REQUIS"],
  [false, "S", true, "OPTIONNEL"],
  [true, "E", false, "OPTIONNEL"],
  [true, "S", false, "REQUIS"],
  [true, "E", true, "REQUIS"],
  [true, "S", true, "REQUIS"],
];

describe("CPX rule table", () => {
  it("has exactly the eight rows of the spec", () => {
    expect(
      REGLES_CPX.map((r) => [
        r.contractualisationOG,
        r.statutAdminTechnique,
        r.contractualisationEditeur,
        r.numeroCarteCPX,
      ]),
    ).toEqual(TABLE);
  });

  it("returns null while an answer is missing", () => {
    expect(exigenceCpx(null, "E", true)).toBeNull();
    expect(exigenceCpx(true, null, true)).toBeNull();
    expect(exigenceCpx(true, "S", undefined)).toBeNull();
  });

  describe.each(TABLE)("OG %s, statut %s, éditeur %s → CPX %s", (og, statut, editeur, attendu) => {
    const base = { contractualisationOG: og, statutAdminTechnique: statut, contractualisationEditeur: editeur };

    it("exigenceCpx looks the row up", () => {
      expect(exigenceCpx(og, statut, editeur)).toBe(attendu);
    });

    it("accepts the row with a CPX number", () => {
      const r = administrateurSchema.safeParse(adminValide({ ...base, numeroCarteCPX: "8001234567" }));
      expect(r.success).toBe(true);
    });

    it(attendu === "REQUIS" ? "refuses the row without CPX number" : "accepts the row without CPX number", () => {
      const r = validerAdministrateur(adminValide({ ...base, numeroCarteCPX: "  " }));
      if (attendu === "OPTIONNEL") {
        expect(r.erreurs).toEqual([]);
        expect(r.valeur?.numeroCarteCPX).toBeNull();
      } else {
        expect(r.valeur).toBeUndefined();
        expect(r.erreurs).toHaveLength(1);
        expect(r.erreurs[0]).toMatchObject({
          code: "REQUIS",
          path: ["numeroCarteCPX"],
          champ: "numeroCarteCPX",
          gravite: "ERREUR",
        });
        expect(r.erreurs[0]?.message).toBe(
          `Numéro de carte CPX : obligatoire lorsque la contractualisation OG est ${og ? "Oui" : "Non"}, ` +
            `le statut ${statut === "E" ? "Editeur" : "Structure"} et la contractualisation éditeur ${editeur ? "Oui" : "Non"}.`,
        );
      }
    });
  });
});

describe("certificate scope", () => {
  const debut = lireDateDebutCertificat();
  const apres = new Date("2023-10-02T09:00:00Z");
  const avant = new Date("2022-12-08T09:00:00Z");

  it("defaults to 21 September 2023", () => {
    expect(DATE_DEBUT_CERTIFICAT_DEFAUT).toBe("2023-09-21");
    expect(debut.toISOString()).toBe("2023-09-21T00:00:00.000Z");
    expect(lireDateDebutCertificat("2024-01-01").toISOString()).toBe("2024-01-01T00:00:00.000Z");
    expect(() => lireDateDebutCertificat("demain")).toThrow();
  });

  it("AVANCE MS1/MS2 filed on or after the date", () => {
    expect(perimetreCertificat({ type: "AVANCE", couloir: "MS2", dateDepot: apres }, debut)).toBe(true);
    expect(perimetreCertificat({ type: "AVANCE", couloir: "MS1", dateDepot: debut }, debut)).toBe(true);
  });

  it("not SOLDE, not other couloirs", () => {
    expect(perimetreCertificat({ type: "SOLDE", couloir: "MS2", dateDepot: apres }, debut)).toBe(false);
    expect(perimetreCertificat({ type: "AVANCE", couloir: "PH1", dateDepot: apres }, debut)).toBe(false);
  });

  it("filed before: only once modified on or after the date", () => {
    expect(perimetreCertificat({ type: "AVANCE", couloir: "MS2", dateDepot: avant }, debut)).toBe(false);
    expect(
      perimetreCertificat(
        { type: "AVANCE", couloir: "MS2", dateDepot: avant, derniereModification: new Date("2023-09-20T12:00:00Z") },
        debut,
      ),
    ).toBe(false);
    expect(
      perimetreCertificat({ type: "AVANCE", couloir: "MS2", dateDepot: avant, derniereModification: apres }, debut),
    ).toBe(true);
  });
});
