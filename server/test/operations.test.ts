import { describe, expect, it } from "vitest";
import { appliquer, apercuBloc, OperationImpossible, replier, type OpNette } from "../src/brouillon/operations.js";
import { etatVide, type Ligne } from "../src/historique/champs.js";
import { differences, rejouer } from "../src/historique/changements.js";

const A: Ligne = { finessJuridique: "330058066", nomAdminTechnique: "STU", numeroCarteCPX: "8001234567" };
const B: Ligne = { finessJuridique: "330058067", nomAdminTechnique: "BOUVI", numeroCarteCPX: null };
const etat = () => {
  const e = etatVide();
  e.ADMINISTRATEURS = new Map([
    ["330058066", { ...A }],
    ["330058067", { ...B }],
  ]);
  return e;
};
const op = (nature: OpNette["nature"], cle: string, donnees: Ligne | null = null) => ({
  bloc: "ADMINISTRATEURS" as const,
  nature,
  cle,
  donnees,
});

describe("folding staged operations (one net operation per row)", () => {
  it("edits a saved row, and drops the edit when values are back as saved", () => {
    const m = replier(undefined, op("MODIFICATION", "330058066", { ...A, nomAdminTechnique: "STUART" }), A);
    expect(m).toEqual(op("MODIFICATION", "330058066", { ...A, nomAdminTechnique: "STUART" }));
    expect(replier(m!, op("MODIFICATION", "330058066", { ...A }), A)).toBeNull();
  });

  it("folds a modification that sets only some fields (informations): the other fields stay as saved", () => {
    const infos: Ligne = {
      numero: "FINMS2007720M0",
      courrielContact: "contact@editeur.fr",
      scenarioInstallation: "SaaS",
    };
    const e = etatVide();
    e.INFORMATIONS = new Map([["demande", infos]]);
    const m = replier(
      undefined,
      {
        bloc: "INFORMATIONS",
        nature: "MODIFICATION",
        cle: "demande",
        donnees: { courrielContact: "support@editeur.fr" },
      },
      infos,
    );
    expect(m).toMatchObject({ nature: "MODIFICATION", donnees: { courrielContact: "support@editeur.fr" } });
    expect(appliquer(e, [m!]).INFORMATIONS.get("demande")).toEqual({ ...infos, courrielContact: "support@editeur.fr" });
    expect(apercuBloc(e, [m!], "INFORMATIONS")[0]).toMatchObject({
      etat: "MODIFIEE",
      champsModifies: ["courrielContact"],
    });
    expect(
      replier(
        m!,
        {
          bloc: "INFORMATIONS",
          nature: "MODIFICATION",
          cle: "demande",
          donnees: { courrielContact: "contact@editeur.fr" },
        },
        infos,
      ),
    ).toBeNull();
  });

  it("keeps an added row an addition when edited, and forgets it when deleted", () => {
    const ajout = replier(
      undefined,
      op("AJOUT", "750712184", { finessJuridique: "750712184", nomAdminTechnique: "X" }),
      undefined,
    )!;
    expect(ajout.nature).toBe("AJOUT");
    const edite = replier(
      ajout,
      op("MODIFICATION", "750712184", { finessJuridique: "750712184", nomAdminTechnique: "Y" }),
      undefined,
    )!;
    expect(edite).toMatchObject({ nature: "AJOUT", donnees: { nomAdminTechnique: "Y" } });
    expect(replier(edite, op("SUPPRESSION", "750712184"), undefined)).toBeNull();
  });

  it("turns re-adding a deleted row into an edit (or nothing when identical)", () => {
    const suppr = replier(undefined, op("SUPPRESSION", "330058066"), A)!;
    expect(suppr.nature).toBe("SUPPRESSION");
    expect(replier(suppr, op("AJOUT", "330058066", { ...A, numeroCarteCPX: "1" }), A)).toMatchObject({
      nature: "MODIFICATION",
    });
    expect(replier(suppr, op("AJOUT", "330058066", { ...A }), A)).toBeNull();
  });

  it("refuses adding a row that exists and touching a row that does not", () => {
    expect(() => replier(undefined, op("AJOUT", "330058066", A), A)).toThrow(OperationImpossible);
    expect(() => replier(undefined, op("MODIFICATION", "999999999", A), undefined)).toThrow(/n'existe pas/);
    const suppr = replier(undefined, op("SUPPRESSION", "330058066"), A)!;
    expect(() => replier(suppr, op("SUPPRESSION", "330058066"), A)).toThrow(OperationImpossible);
  });
});

describe("draft preview", () => {
  it("applies the operations and marks every row's state with the changed fields", () => {
    const ops: OpNette[] = [
      op("MODIFICATION", "330058066", { ...A, nomAdminTechnique: "STUART" }),
      op("SUPPRESSION", "330058067"),
      op("AJOUT", "750712184", { finessJuridique: "750712184", nomAdminTechnique: "DUPONT", numeroCarteCPX: null }),
    ];
    const apres = appliquer(etat(), ops);
    expect([...apres.ADMINISTRATEURS.keys()].sort()).toEqual(["330058066", "750712184"]);
    expect(apres.ADMINISTRATEURS.get("330058066")!.nomAdminTechnique).toBe("STUART");
    const lignes = apercuBloc(etat(), ops, "ADMINISTRATEURS");
    expect(lignes.map((l) => [l.cle, l.etat, l.champsModifies])).toEqual([
      ["330058066", "MODIFIEE", ["nomAdminTechnique"]],
      ["330058067", "SUPPRIMEE", []],
      ["750712184", "AJOUTEE", ["finessJuridique", "nomAdminTechnique", "numeroCarteCPX"]],
    ]);
    // the saved state is not mutated
    expect(etat().ADMINISTRATEURS.get("330058066")!.nomAdminTechnique).toBe("STU");
  });
});

// Row keys come from clients: names of Object.prototype's members are ordinary, unknown keys.
describe.each(["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"])("row key %s", (cle) => {
  it("is unknown to the saved state: editing or deleting it is refused", () => {
    const e = etat();
    expect(e.ADMINISTRATEURS.get(cle)).toBeUndefined();
    expect(() => replier(undefined, op("SUPPRESSION", cle), e.ADMINISTRATEURS.get(cle))).toThrow(
      expect.objectContaining({ code: "LIGNE_INCONNUE" }),
    );
    expect(() => replier(undefined, op("MODIFICATION", cle, { ...A }), e.ADMINISTRATEURS.get(cle))).toThrow(
      expect.objectContaining({ code: "LIGNE_INCONNUE" }),
    );
  });

  it("is an ordinary row once added: applied, previewed and diffed like any other, without touching prototypes", () => {
    const ajout = replier(undefined, op("AJOUT", cle, { ...B, nomAdminTechnique: "AJOUTE" }), undefined)!;
    expect(ajout).toMatchObject({ nature: "AJOUT", cle });
    const apres = appliquer(etat(), [ajout]);
    expect(apres.ADMINISTRATEURS.get(cle)).toMatchObject({ nomAdminTechnique: "AJOUTE" });
    expect(apres.ADMINISTRATEURS.size).toBe(3);
    expect(apercuBloc(etat(), [ajout], "ADMINISTRATEURS").map((l) => [l.cle, l.etat])).toContainEqual([cle, "AJOUTEE"]);
    const diff = differences(etat(), apres);
    expect(diff.every((c) => c.cle === cle && c.nature === "AJOUT")).toBe(true);
    expect(rejouer([{ changements: differences(etatVide(), apres) }]).ADMINISTRATEURS.get(cle)).toMatchObject({
      nomAdminTechnique: "AJOUTE",
    });
    expect(appliquer(apres, [op("SUPPRESSION", cle)]).ADMINISTRATEURS.has(cle)).toBe(false);
    expect(({} as Record<string, unknown>).nomAdminTechnique).toBeUndefined();
  });
});
