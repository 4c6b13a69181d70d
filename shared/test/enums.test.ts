import { describe, expect, it } from "vitest";
import {
  BLOCS,
  BLOCS_LABELS,
  BLOCS_VALIDABLES,
  ETATS_PAIEMENT_LABELS,
  ETATS_VALIDATION_LABELS,
  ROLES_LABELS,
  STATUTS_ADMIN_TECHNIQUE_LABELS,
  STATUTS_DEMANDE,
  STATUTS_DEMANDE_LABELS,
  UTILITES_CERTIFICAT_LABELS,
  ouiNon,
  parseUtilite,
  CHAMPS_LABELS,
} from "../src/index.js";

describe("enums", () => {
  it("labels", () => {
    expect(STATUTS_DEMANDE.map((s) => STATUTS_DEMANDE_LABELS[s])).toEqual([
      "En cours",
      "Décidée",
      "En attente de pièce jointe complémentaire",
      "A modifier",
      "Régularisation en cours",
    ]);
    expect(ETATS_PAIEMENT_LABELS.PAYE).toBe("Payé");
    expect(STATUTS_ADMIN_TECHNIQUE_LABELS).toEqual({ E: "Editeur", S: "Structure" });
    expect(UTILITES_CERTIFICAT_LABELS.DMP_INS).toBe("DMP, INS");
    expect(ETATS_VALIDATION_LABELS.A_VALIDER).toBe("À valider");
    expect(ROLES_LABELS.AUDITEUR).toBe("Auditeur");
    expect(BLOCS.map((b) => BLOCS_LABELS[b])[3]).toBe("Informations sur le(s) administrateur(s) technique(s)");
    expect(BLOCS_VALIDABLES).toEqual(["COORDONNEES_BANCAIRES", "BENEFICIAIRES", "ADMINISTRATEURS", "PIECES"]);
    expect(CHAMPS_LABELS.contractualisationOG).toBe("Contractualisation organisme de gestion");
    expect(CHAMPS_LABELS.numeroCarteCPX).toBe("Numéro de carte CPX");
  });

  it("ouiNon", () => {
    expect([ouiNon(true), ouiNon(false), ouiNon(null), ouiNon(undefined)]).toEqual(["Oui", "Non", "", ""]);
  });

  it("parseUtilite", () => {
    expect(parseUtilite("DMP")).toBe("DMP");
    expect(parseUtilite(" INS ")).toBe("INS");
    expect(parseUtilite("DMP,INS")).toBe("DMP_INS");
    expect(parseUtilite("DMP, INS")).toBe("DMP_INS");
    expect(parseUtilite("INS,DMP")).toBeNull();
    expect(parseUtilite("dmp")).toBeNull();
    expect(parseUtilite("")).toBeNull();
    expect(parseUtilite(null)).toBeNull();
  });
});
