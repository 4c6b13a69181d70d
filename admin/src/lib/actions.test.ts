import { describe, expect, it } from "vitest";
import {
  lignesRejeteesDuBloc,
  messageRequis,
  messageValidationBloc,
  motifFormulaireSchema,
  optionsStatut,
  statutFormulaireSchema,
} from "~/lib/actions";

describe("motif form", () => {
  it("requires a reason, with the shared French message", () => {
    const r = motifFormulaireSchema.safeParse({ motif: "  " });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("Motif : indiquez le motif.");
    expect(motifFormulaireSchema.parse({ motif: " Pièce illisible " })).toEqual({ motif: "Pièce illisible" });
  });

  it("limits its length", () => {
    expect(motifFormulaireSchema.safeParse({ motif: "x".repeat(1001) }).success).toBe(false);
  });
});

describe("statut form", () => {
  it("offers the shared transitions with their labels", () => {
    expect(optionsStatut("EN_COURS").map((o) => o.text)).toEqual([
      "A modifier",
      "En attente de pièce jointe complémentaire",
      "Régularisation en cours",
      "Décidée",
    ]);
    expect(optionsStatut("DECIDEE")).toEqual([]);
  });

  it("asks a message for « A modifier » and « En attente de pièce »", () => {
    const MESSAGE_REQUIS =
      "Message au fournisseur : champ obligatoire pour ce statut, il est repris dans le courriel au fournisseur.";
    expect(messageRequis("A_MODIFIER")).toBe(true);
    expect(messageRequis("DECIDEE")).toBe(false);
    const schema = statutFormulaireSchema("EN_COURS");
    const sansMessage = schema.safeParse({ statut: "A_MODIFIER", message: "" });
    expect(sansMessage.error?.issues).toMatchObject([{ path: ["message"], message: MESSAGE_REQUIS }]);
    expect(schema.parse({ statut: "DECIDEE", message: "" })).toEqual({ statut: "DECIDEE", message: null });
    expect(schema.parse({ statut: "A_MODIFIER", message: " Corrigez " })).toEqual({
      statut: "A_MODIFIER",
      message: "Corrigez",
    });
  });

  it("refuses a move the rules do not allow", () => {
    expect(
      statutFormulaireSchema("EN_COURS").safeParse({ statut: "EN_COURS", message: "" }).error?.issues[0]?.message,
    ).toBe("Nouveau statut : choisissez un statut.");
  });
});

describe("validating a block with rejected rows", () => {
  it("lists only the rejected rows, with their name and reason", () => {
    expect(
      lignesRejeteesDuBloc([
        { cle: "a", libelle: "FINESS juridique a", validation: { etat: "VALIDEE", motif: null } },
        { cle: "b", libelle: "FINESS juridique b", validation: { etat: "REJETEE", motif: "CPX inconnu" } },
        { cle: "c", libelle: "FINESS juridique c", validation: { etat: "A_VALIDER" } },
        { cle: "d", libelle: "FINESS juridique d", validation: null },
      ]),
    ).toEqual([{ cle: "b", libelle: "FINESS juridique b", motif: "CPX inconnu" }]);
  });

  it("says whether the block locked", () => {
    expect(messageValidationBloc("PIECES", 0)).toBe("Bloc « Pièces justificatives » validé et verrouillé.");
    expect(messageValidationBloc("PIECES", 2)).toBe(
      "Bloc « Pièces justificatives » : les autres lignes sont validées ; 2 lignes restent rejetées, le bloc n’est pas verrouillé.",
    );
  });
});
