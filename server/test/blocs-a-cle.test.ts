import { describe, expect, it, vi } from "vitest";

// A fictive keyed row block added to the registry only (as a new block's descriptor and registry
// line would add it): the generic adapters must give it its entries with no line of their own.
vi.mock("@segur/shared", async (importOriginal) => {
  const shared = await importOriginal<typeof import("@segur/shared")>();
  const contacts = {
    ...shared.REGISTRE_BLOCS.BENEFICIAIRES,
    bloc: "CONTACTS_TECHNIQUES",
    libelle: "Contacts techniques",
    champs: ["nomContact"],
    champsVersionnes: ["nomContact"],
    modele: "ContactTechnique",
    relation: "contactsTechniques",
    ordre: ["ordre", "id"],
    verrou: "CONTACTS_TECHNIQUES",
  };
  const registre = { ...shared.REGISTRE_BLOCS, CONTACTS_TECHNIQUES: contacts };
  return {
    ...shared,
    BLOCS: [...shared.BLOCS, "CONTACTS_TECHNIQUES"],
    BLOCS_VALIDABLES: [...shared.BLOCS_VALIDABLES, "CONTACTS_TECHNIQUES"],
    BLOCS_A_CLE: [...shared.BLOCS_A_CLE, "CONTACTS_TECHNIQUES"],
    REGISTRE_BLOCS: registre,
    descripteurBloc: (b: keyof typeof registre) => registre[b],
  };
});

const { APPLICATEURS } = await import("../src/brouillon/application.js");
const { etatsDesBlocs } = await import("../src/demande/blocs.js");
const { REQUETES_LIGNES } = await import("../src/demande/types.js");

describe("keyed row blocks: adapters from the descriptor", () => {
  it("gives a new block its confirm writer and its rows' read, in the descriptor's order", () => {
    const tables = { APPLICATEURS, REQUETES_LIGNES } as Record<string, Record<string, unknown>>;
    expect(typeof tables.APPLICATEURS!.CONTACTS_TECHNIQUES).toBe("function");
    expect(tables.REQUETES_LIGNES!.contactsTechniques).toEqual({ orderBy: [{ ordre: "asc" }, { id: "asc" }] });
    // The existing blocks keep their reads.
    expect(REQUETES_LIGNES.beneficiaires).toEqual({ orderBy: [{ ordre: "asc" }, { id: "asc" }] });
    expect(REQUETES_LIGNES.pieces).toEqual({ orderBy: [{ id: "asc" }] });
  });

  it("counts a new block's rows, read under its relation, in the blocks' states", () => {
    const lignes = (...etats: string[]) => etats.map((validation) => ({ validation }));
    const etats = etatsDesBlocs({
      blocs: [{ bloc: "CONTACTS_TECHNIQUES", verrouille: true }],
      coordonneesBancaires: null,
      administrateurs: [],
      beneficiaires: lignes("VALIDEE"),
      pieces: [],
      contactsTechniques: lignes("VALIDEE", "REJETEE", "A_VALIDER"),
    } as Parameters<typeof etatsDesBlocs>[0]);
    expect(etats.find((e) => e.bloc === "CONTACTS_TECHNIQUES")).toEqual({
      bloc: "CONTACTS_TECHNIQUES",
      verrouille: true,
      nombreLignes: 3,
      nombreValidees: 1,
      nombreRejetees: 1,
    });
    expect(etats.find((e) => e.bloc === "BENEFICIAIRES")).toMatchObject({ nombreLignes: 1, nombreValidees: 1 });
  });
});
