import { describe, expect, it } from "vitest";
import { differences, rejouer } from "../src/historique/changements.js";
import { etatVide, enTexte, depuisTexte, type Etat, type Ligne } from "../src/historique/champs.js";
import { HASH_INITIAL, hashVersion } from "../src/historique/chaine.js";

function etatAvec(admins: Record<string, Ligne>): Etat {
  const e = etatVide();
  e.ADMINISTRATEURS = new Map(Object.entries(admins));
  return e;
}
const ligne = (finess: string, nom: string, cpx: string | null = null) => ({
  finessJuridique: finess,
  contractualisationOG: "true",
  statutAdminTechnique: "E",
  contractualisationEditeur: "true",
  numeroCarteCPX: cpx,
  nomAdminTechnique: nom,
  telAdminTechnique: null,
  emailAdminTechnique: null,
  utiliteCertificat: "DMP",
});

describe("field-level history", () => {
  it("records only what changed: edited fields, every field of added and deleted rows", () => {
    const v1 = etatAvec({ "330058066": ligne("330058066", "STU", "1"), "330058067": ligne("330058067", "BOUVI") });
    const v2 = etatAvec({ "330058066": ligne("330058066", "STUART", "1"), "750712184": ligne("750712184", "DUPONT") });
    const c = differences(v1, v2);
    expect(c.filter((x) => x.nature === "MODIFICATION")).toEqual([
      {
        bloc: "ADMINISTRATEURS",
        cle: "330058066",
        nature: "MODIFICATION",
        champ: "nomAdminTechnique",
        ancienneValeur: "STU",
        nouvelleValeur: "STUART",
      },
    ]);
    expect(
      c.filter((x) => x.nature === "SUPPRESSION").every((x) => x.cle === "330058067" && x.nouvelleValeur === null),
    ).toBe(true);
    expect(c.filter((x) => x.nature === "AJOUT").map((x) => x.champ)).toEqual([
      "finessJuridique",
      "contractualisationOG",
      "statutAdminTechnique",
      "contractualisationEditeur",
      "nomAdminTechnique",
      "utiliteCertificat",
    ]);
    expect(differences(v2, v2)).toEqual([]);
  });

  it("replays versions 1..k into the demande as it was", () => {
    const v1 = etatAvec({ "330058066": ligne("330058066", "STU", "1"), "330058067": ligne("330058067", "BOUVI") });
    const v2 = etatAvec({ "330058066": ligne("330058066", "STUART", null), "750712184": ligne("750712184", "DUPONT") });
    const v3 = etatAvec({ "330058067": ligne("330058067", "BOUVI") });
    const versions = [
      { changements: differences(etatVide(), v1) },
      { changements: differences(v1, v2) },
      { changements: differences(v2, v3) },
    ];
    expect(rejouer(versions.slice(0, 1)).ADMINISTRATEURS).toEqual(v1.ADMINISTRATEURS);
    expect(rejouer(versions.slice(0, 2)).ADMINISTRATEURS).toEqual(v2.ADMINISTRATEURS);
    expect(rejouer(versions).ADMINISTRATEURS).toEqual(v3.ADMINISTRATEURS);
  });

  it("stores values as text and types them back", () => {
    expect([
      enTexte(true),
      enTexte(false),
      enTexte(12),
      enTexte(""),
      enTexte(null),
      enTexte(new Date("2022-09-20T00:00:00Z")),
    ]).toEqual(["true", "false", "12", null, null, "2022-09-20"]);
    expect([depuisTexte("booleen", "false"), depuisTexte("entier", "292000"), depuisTexte("texte", null)]).toEqual([
      false,
      292000,
      null,
    ]);
  });

  it("chains version hashes: any change of a stored field changes the hash", () => {
    const v = {
      demandeNumero: "FINMS2007720M0",
      numero: 2,
      auteur: "G",
      acteur: "U:1",
      role: "GESTIONNAIRE",
      creeLe: new Date("2026-11-25T10:00:00Z"),
      commentaire: null,
      changements: [
        {
          bloc: "ADMINISTRATEURS",
          cle: "330058066",
          nature: "MODIFICATION",
          champ: "nomAdminTechnique",
          ancienneValeur: "STU",
          nouvelleValeur: "STUART",
        },
      ],
    };
    const h = hashVersion(HASH_INITIAL, v);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(
      hashVersion(HASH_INITIAL, { ...v, changements: [{ ...v.changements[0]!, nouvelleValeur: "STUARD" }] }),
    ).not.toBe(h);
    expect(hashVersion("1".repeat(64), v)).not.toBe(h);
  });
});
