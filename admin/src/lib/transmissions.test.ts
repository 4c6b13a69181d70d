import { describe, expect, it } from "vitest";
import {
  legendeLots,
  libelleACorriger,
  libelleATransmettre,
  libelleDemandes,
  libelleMarquees,
  libelleModifiees,
  libelleRenvoyees,
  libelleSupprimees,
  libelleTranche,
  mentionTransmission,
  libelleTelechargement,
  telechargementsLot,
  lotFormulaireSchema,
  messageLotCree,
  variablesLots,
} from "~/lib/transmissions";
import { PAGE_INITIALE } from "~/lib/pagination";

const LOT = {
  numero: "LOT-20261125-001",
  creeLe: "2026-11-25T10:34:00.000Z",
  auteur: "Camille Martin",
  commentaire: null,
  nombre: 3,
  urlCsv: "/lots/LOT-20261125-001.csv",
  urlXlsx: "/lots/LOT-20261125-001.xlsx",
  urlJson: "/lots/LOT-20261125-001.json",
};

describe("page of the batches", () => {
  it("asks 20 batches a page, forwards or backwards", () => {
    expect(variablesLots(PAGE_INITIALE)).toEqual({ first: 20, after: null });
    expect(variablesLots({ page: 2, apres: null, avant: "debut" })).toEqual({ last: 20, before: "debut" });
  });
});

describe("creation form", () => {
  it("accepts no comment, trims it, and limits it to 500 characters (shared rule)", () => {
    expect(lotFormulaireSchema.parse({ commentaire: "  " })).toEqual({ commentaire: null });
    expect(lotFormulaireSchema.parse({ commentaire: " Envoi de novembre " })).toEqual({
      commentaire: "Envoi de novembre",
    });
    const r = lotFormulaireSchema.safeParse({ commentaire: "x".repeat(501) });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("Commentaire : 500 caractères au maximum.");
  });
});

describe("texts", () => {
  it("counts the requests to send in French", () => {
    expect(libelleATransmettre(0)).toBe("Aucune demande de certificat validée à transmettre");
    expect(libelleATransmettre(1)).toBe("1 demande de certificat validée à transmettre");
    expect(libelleATransmettre(1234)).toBe(
      `${(1234).toLocaleString("fr-FR")} demandes de certificat validées à transmettre`,
    );
    expect(libelleMarquees(1)).toBe("1 demande sera marquée transmise");
    expect(libelleMarquees(3)).toBe("3 demandes seront marquées transmises");
    expect(libelleDemandes(1)).toBe("1 demande");
  });

  it("names the batch, its downloads and the table", () => {
    expect(messageLotCree(LOT)).toBe("Lot LOT-20261125-001 créé : 3 demandes");
    expect(libelleTelechargement(LOT.numero, "CSV")).toBe("Télécharger le lot LOT-20261125-001 en CSV");
    expect(telechargementsLot(LOT)).toEqual([
      { format: "CSV", url: LOT.urlCsv, libelle: "Télécharger le lot LOT-20261125-001 en CSV" },
      { format: "XLSX", url: LOT.urlXlsx, libelle: "Télécharger le lot LOT-20261125-001 en XLSX" },
      { format: "JSON", url: LOT.urlJson, libelle: "Télécharger le lot LOT-20261125-001 en JSON" },
    ]);
    expect(legendeLots(1, 1, 1)).toBe("Lots de transmission — 1 lot, page 1 sur 1, du plus récent au plus ancien");
  });
});

describe("corrective batches and stale requests (SPEC §10)", () => {
  it("says when and in which batch a request was sent, Paris day", () => {
    // 23:30 UTC on 1 December is already 2 December in Paris.
    expect(mentionTransmission({ lot: "LOT-20261202-001", envoyeLe: "2026-12-01T23:30:00.000Z" })).toBe(
      "Transmise le 02/12/2026 (LOT-20261202-001)",
    );
  });

  it("counts changed, deleted and resent requests in French, singular and plural", () => {
    expect(libelleModifiees(0)).toBe("Aucune demande de certificat modifiée depuis sa transmission");
    expect(libelleModifiees(1)).toBe("1 demande de certificat modifiée depuis sa transmission");
    expect(libelleModifiees(2)).toBe("2 demandes de certificat modifiées depuis leur transmission");
    expect(libelleSupprimees(1)).toBe("1 demande de certificat supprimée après sa transmission");
    expect(libelleACorriger(0)).toBe("Aucune demande de certificat modifiée et validée à renvoyer");
    expect(libelleACorriger(3)).toBe("3 demandes de certificat modifiées et validées à renvoyer");
    expect(libelleRenvoyees(1)).toBe("1 demande sera renvoyée");
    expect(libelleRenvoyees(2)).toBe("2 demandes seront renvoyées");
    expect(messageLotCree({ ...LOT, nature: "CORRECTIF" })).toBe("Lot correctif LOT-20261125-001 créé : 3 demandes");
  });

  it("names a preview's slice", () => {
    expect(libelleTranche(0, 10, 0)).toBe("Aucune ligne");
    expect(libelleTranche(0, 10, 4)).toBe("Lignes 1 à 4 sur 4");
    expect(libelleTranche(10, 10, 24)).toBe("Lignes 11 à 20 sur 24");
  });
});
