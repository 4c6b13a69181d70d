import { describe, expect, it } from "vitest";
import type { Probleme } from "@segur/shared";
import { ErreurValidation } from "../src/commun/erreurs.js";
import { descriptionCible } from "../src/acces/description.js";

const erreur = (champ: string): Probleme => ({
  code: "REQUIS",
  champ,
  message: `${champ} : obligatoire.`,
  path: ["valeurs", champ],
  gravite: "ERREUR",
});

describe("French messages agree in number", () => {
  it("« 2 erreurs à corriger. », never « erreur(s) »", () => {
    expect(new ErreurValidation([erreur("nom"), erreur("email")]).message).toBe("2 erreurs à corriger.");
    expect(new ErreurValidation([erreur("nom"), { ...erreur("tel"), gravite: "AVERTISSEMENT" }]).message).toBe(
      "1 erreur à corriger.",
    );
  });
});

describe("an access trace's target in words", () => {
  it("reads an export's filters, the journal's tab, and leaves other targets as stored", () => {
    expect(descriptionCible("EXPORT_CSV", "statut=A_MODIFIER&deposeeApres=2026-01-15&tri=MONTANT&ordre=DESC")).toBe(
      "demandes : statut A modifier, déposée depuis le 15/01/2026, triée par montant, ordre décroissant",
    );
    expect(descriptionCible("EXPORT_XLSX", null)).toBe("demandes, sans filtre");
    expect(descriptionCible("EXPORT_CSV", "journal?onglet=acces&numero=7720")).toBe(
      "journal des accès : numéro contenant « 7720 »",
    );
    expect(descriptionCible("TELECHARGEMENT_LOT", "LOT-2026-12-02-001.csv")).toBe("LOT-2026-12-02-001.csv");
  });
});
