import { describe, expect, it } from "vitest";
import { formatDate, formatDateHeureParis } from "@segur/shared";
import {
  formatTaille,
  libelleChampHistorique,
  messageErreurRequete,
  texteCourtAvertissement,
  valeurHistorique,
} from "~/lib/format";

describe("history values", () => {
  it("shows booleans, codes, amounts and dates as the screens do", () => {
    expect(valeurHistorique("ADMINISTRATEURS", "contractualisationOG", "true")).toBe("Oui");
    expect(valeurHistorique("BENEFICIAIRES", "presentSolde", "false")).toBe("Non");
    expect(valeurHistorique("ADMINISTRATEURS", "statutAdminTechnique", "S")).toBe("Structure");
    expect(valeurHistorique("ADMINISTRATEURS", "utiliteCertificat", "DMP_INS")).toBe("DMP, INS");
    expect(valeurHistorique("INFORMATIONS", "montantCentimes", "292000")).toBe(
      new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(2920),
    );
    // History keeps cents as text: beyond 32 bits (and 2^53) they are shown exactly.
    expect(valeurHistorique("INFORMATIONS", "montantCentimes", "10000000000").replace(/[\u00a0\u202f]/g, " ")).toBe(
      "100 000 000,00 €",
    );
    expect(
      valeurHistorique("INFORMATIONS", "montantCentimes", "9007199254740993").replace(/[\u00a0\u202f]/g, " "),
    ).toBe("90 071 992 547 409,93 €");
    expect(valeurHistorique("INFORMATIONS", "dateCommande", "2022-09-20")).toBe("20/09/2022");
    expect(valeurHistorique("INFORMATIONS", "type", "AVANCE")).toBe("Avance");
    expect(valeurHistorique("PIECES", "type", "FACTURE")).toBe("Facture");
    expect(valeurHistorique("COORDONNEES_BANCAIRES", "iban", "FR7611808009101234567890147")).toBe(
      "FR76 1180 8009 1012 3456 7890 147",
    );
    expect(valeurHistorique("ADMINISTRATEURS", "nomAdminTechnique", null)).toBe("—");
  });

  it("labels versioned fields, including those stored under another name", () => {
    expect(libelleChampHistorique("numeroCarteCPX")).toBe("Numéro de carte CPX");
    expect(libelleChampHistorique("montantCentimes")).toBe("Montant Ségur déclaré");
    expect(libelleChampHistorique("numero")).toBe("Numéro de dossier");
    expect(libelleChampHistorique("taille")).toBe("Taille");
    expect(libelleChampHistorique("etatPaiement")).toBe("Statut du dernier paiement");
  });
});

describe("formats", () => {
  it("formats sizes", () => {
    expect(formatTaille(303)).toBe("0,3 Ko");
    expect(formatTaille(20)).toBe("0,1 Ko");
    expect(formatTaille(0)).toBe("0 Ko");
    expect(formatTaille(2048)).toBe("2 Ko");
    expect(formatTaille(1536 * 1024)).toBe("1,5 Mo");
  });

  // One formatter set for every screen and the exports (@segur/shared), fed the API's ISO text.
  it("writes instants dd/mm/yyyy hh:mm in Paris time and days dd/mm/yyyy, '' when absent", () => {
    expect(formatDateHeureParis("2026-11-25T10:34:49.021Z")).toBe("25/11/2026 11:34");
    expect(formatDateHeureParis("2026-07-01T22:05:00Z")).toBe("02/07/2026 00:05");
    expect(formatDateHeureParis(null)).toBe("");
    expect(formatDateHeureParis("")).toBe("");
    expect(formatDateHeureParis("n’importe quoi")).toBe("");
    expect(formatDate("2022-12-08")).toBe("08/12/2022");
    expect(formatDate("2022-12-08T00:00:00.000Z")).toBe("08/12/2022");
    expect(formatDate(null)).toBe("");
  });

  it("shortens known warnings", () => {
    expect(texteCourtAvertissement({ code: "CLE_FINESS", message: "FINESS juridique : la clé…" })).toBe(
      "Clé FINESS incorrecte",
    );
    expect(texteCourtAvertissement({ code: "AUTRE", message: "Message complet" })).toBe("Message complet");
  });

  it("explains failed queries in French", () => {
    expect(messageErreurRequete({ networkError: new Error("x") })).toMatch(/ne répond pas/);
    expect(messageErreurRequete({ graphQLErrors: [{ message: "Non autorisé" }] })).toBe(
      "Erreur du serveur : Non autorisé",
    );
  });
});
