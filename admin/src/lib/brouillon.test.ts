import { describe, expect, it } from "vitest";
import {
  type Apercu,
  apercuDepuisDemande,
  blocVerrouille,
  celluleModifiee,
  finessBeneficiaires,
  libelleLigne,
  ligneEnAttente,
  modificationsParBloc,
  nChampsACorriger,
  nModifications,
  nModificationsNonConfirmees,
  phraseBrouillonRepris,
  phraseEffacement,
  phraseEnregistrement,
  texteCoordonnee,
  ordonnerLignes,
  problemesLocalises,
  repartirLignes,
  texteAdministrateur,
} from "~/lib/brouillon";
import { BENEFICIAIRE, brouillonExemple, demandeExemple, VALEURS_ADMIN } from "~/lib/brouillon.fixtures";
import type { ProblemeServeur } from "~/lib/resultat";

const probleme = (p: Partial<ProblemeServeur>): ProblemeServeur => ({
  champ: "numeroCarteCPX",
  message: "m",
  path: ["input", "valeurs", "numeroCarteCPX"],
  code: "REQUIS",
  gravite: "ERREUR",
  ...p,
});

function apercu(partiel: Partial<Apercu> = {}): Apercu {
  return { ...apercuDepuisDemande(demandeExemple()), ...partiel };
}

describe("apercuDepuisDemande", () => {
  it("shows the saved demande as unchanged rows keyed like the draft", () => {
    const a = apercuDepuisDemande(demandeExemple());

    expect(a.nombreModifications).toBe(0);
    expect(a.versionBase).toBe(3);
    expect(a.administrateurs).toEqual([
      {
        cle: "330058066",
        etat: "INCHANGEE",
        champsModifies: [],
        valeurs: VALEURS_ADMIN,
        original: VALEURS_ADMIN,
        avertissements: [],
      },
    ]);
    expect(a.beneficiaires[0]).toMatchObject({ cle: "b-1", etat: "INCHANGEE", valeurs: BENEFICIAIRE });
    expect(a.coordonneesBancaires?.valeurs).toEqual({
      iban: "FR7611808009101234567890147",
      bic: "CMCIFRPA",
      titulaire: "MAISON HELOISE",
      domiciliation: "BFCM",
    });
    expect(a.pieces[0]?.valeurs).toEqual({ nomFichier: "va.pdf", type: "VA", taille: 300 });
  });
});

describe("rows of the preview", () => {
  const ligne = (cle: string, etat: Apercu["administrateurs"][number]["etat"], champsModifies: string[] = []) => ({
    ...apercu().administrateurs[0]!,
    cle,
    etat,
    champsModifies,
  });

  it("hides deleted rows from the table and lists them apart", () => {
    const { visibles, supprimees } = repartirLignes([
      ligne("A", "INCHANGEE"),
      ligne("B", "SUPPRIMEE"),
      ligne("C", "AJOUTEE"),
    ]);
    expect(visibles.map((l) => l.cle)).toEqual(["A", "C"]);
    expect(supprimees.map((l) => l.cle)).toEqual(["B"]);
  });

  it("marks the changed cells of a modified row, every cell of an added one", () => {
    const modifiee = ligne("A", "MODIFIEE", ["numeroCarteCPX"]);
    expect(celluleModifiee(modifiee, "numeroCarteCPX")).toBe(true);
    expect(celluleModifiee(modifiee, "nomAdminTechnique")).toBe(false);
    expect(celluleModifiee(ligne("B", "AJOUTEE"), "nomAdminTechnique")).toBe(true);
    expect(celluleModifiee(ligne("C", "INCHANGEE"), "nomAdminTechnique")).toBe(false);
    expect(ligneEnAttente(ligne("C", "INCHANGEE"))).toBe(false);
    expect(ligneEnAttente(modifiee)).toBe(true);
  });

  it("counts pending changes per block", () => {
    const a = apercu({
      administrateurs: [
        ligne("A", "MODIFIEE", ["nomAdminTechnique"]),
        ligne("B", "SUPPRIMEE"),
        ligne("C", "INCHANGEE"),
      ],
      coordonneesBancaires: { ...apercu().coordonneesBancaires!, etat: "MODIFIEE", champsModifies: ["bic"] },
    });
    expect(modificationsParBloc(a)).toEqual({
      INFORMATIONS: 0,
      COORDONNEES_BANCAIRES: 1,
      BENEFICIAIRES: 0,
      ADMINISTRATEURS: 2,
      PIECES: 0,
    });
  });

  it("counts the contact email under informations and the scénario with the bénéficiaires", () => {
    const informations = (champsModifies: string[]) =>
      apercu({ informations: { ...apercu().informations, etat: "MODIFIEE", champsModifies } });
    expect(modificationsParBloc(informations(["courrielContact"]))).toMatchObject({
      INFORMATIONS: 1,
      BENEFICIAIRES: 0,
    });
    expect(modificationsParBloc(informations(["scenarioInstallation"]))).toMatchObject({
      INFORMATIONS: 0,
      BENEFICIAIRES: 1,
    });
    expect(modificationsParBloc(informations(["courrielContact", "scenarioInstallation"]))).toMatchObject({
      INFORMATIONS: 1,
      BENEFICIAIRES: 1,
    });
  });

  it("keeps the demande's row order, added rows last", () => {
    const lignes = [ligne("C", "AJOUTEE"), ligne("B", "INCHANGEE"), ligne("A", "MODIFIEE")];
    expect(ordonnerLignes(lignes, ["A", "B"]).map((l) => l.cle)).toEqual(["A", "B", "C"]);
  });
});

describe("finessBeneficiaires", () => {
  it("takes the FINESS juridiques of the bénéficiaires the draft keeps", () => {
    const base = apercu().beneficiaires[0]!;
    const a = apercu({
      beneficiaires: [
        base,
        { ...base, cle: "b-2", etat: "SUPPRIMEE", valeurs: { ...base.valeurs, finessJuridique: "750712184" } },
        { ...base, cle: "b-3", etat: "AJOUTEE", valeurs: { ...base.valeurs, finessJuridique: "130786049" } },
      ],
    });
    expect(finessBeneficiaires(a)).toEqual(["330058066", "130786049"]);
  });
});

describe("labels", () => {
  it("knows which blocks are locked", () => {
    expect(blocVerrouille(demandeExemple(), "PIECES")).toBe(true);
    expect(blocVerrouille(demandeExemple(), "ADMINISTRATEURS")).toBe(false);
    expect(blocVerrouille(demandeExemple(), "BENEFICIAIRES")).toBe(false);
  });

  it("names rows for messages", () => {
    const a = apercu();
    expect(libelleLigne(a, "ADMINISTRATEURS", "330058066")).toBe("ligne 330058066");
    expect(libelleLigne(a, "BENEFICIAIRES", "b-1")).toBe("ligne 330058066 — Anne STU");
    expect(libelleLigne(a, "PIECES", "p-1")).toBe("pièce va.pdf");
    expect(libelleLigne(a, "COORDONNEES_BANCAIRES", "coordonnees")).toBe("");
  });

  it("displays cells with the shared labels", () => {
    expect(texteAdministrateur("contractualisationOG", VALEURS_ADMIN)).toBe("Oui");
    expect(texteAdministrateur("contractualisationEditeur", VALEURS_ADMIN)).toBe("Non");
    expect(texteAdministrateur("statutAdminTechnique", VALEURS_ADMIN)).toBe("Editeur");
    expect(texteAdministrateur("utiliteCertificat", VALEURS_ADMIN)).toBe("DMP, INS");
    expect(texteAdministrateur("numeroCarteCPX", VALEURS_ADMIN)).toBe("");
  });

  it("words counts in French", () => {
    expect(nModifications(1)).toBe("1 modification");
    expect(nModifications(3)).toBe("3 modifications");
    // Singular and plural agree in the sentences around them (no « (s) »).
    expect(nModificationsNonConfirmees(1)).toBe("1 modification non confirmée");
    expect(nModificationsNonConfirmees(2)).toBe("2 modifications non confirmées");
    expect(phraseEffacement(1)).toBe("Votre modification non confirmée sera effacée.");
    expect(phraseEffacement(3)).toBe("Vos 3 modifications non confirmées seront effacées.");
    expect(phraseEnregistrement(1)).toMatch(/^La modification sera enregistrée/);
    expect(phraseEnregistrement(2)).toMatch(/^Les 2 modifications de tous les blocs seront enregistrées/);
    expect(phraseBrouillonRepris(1, "01/12/2026 10:00")).toMatch(/commencée le .*Elle apparaît.*confirmez-la/);
    expect(phraseBrouillonRepris(2, "01/12/2026 10:00")).toMatch(/commencées le .*Elles apparaissent.*confirmez-les/);
    expect(nChampsACorriger(1)).toBe("1 champ à corriger");
    expect(nChampsACorriger(2)).toBe("2 champs à corriger");
    expect(texteCoordonnee("iban", { iban: "FR7611808009101234567890147" })).toBe("FR76 1180 8009 1012 3456 7890 147");
  });
});

describe("problemesLocalises", () => {
  it("labels block, row and field of each problem of a refused confirmation", () => {
    const a = brouillonExemple();
    const liste = problemesLocalises(
      [
        probleme({
          path: ["ADMINISTRATEURS", "330058066", "numeroCarteCPX"],
          message: "Numéro de carte CPX : obligatoire lorsque…",
        }),
        probleme({
          path: ["BENEFICIAIRES", "b-1", "emailResponsable"],
          champ: "emailResponsable",
          message: "adresse invalide",
        }),
        probleme({ path: ["ADMINISTRATEURS", "330058066", "telAdminTechnique"], gravite: "AVERTISSEMENT" }),
      ],
      a,
    );
    expect(liste).toEqual([
      {
        bloc: "ADMINISTRATEURS",
        ligne: "330058066",
        champ: "numeroCarteCPX",
        message: "Numéro de carte CPX : obligatoire lorsque…",
        lieu: "Informations sur le(s) administrateur(s) technique(s) — ligne 330058066",
      },
      {
        bloc: "BENEFICIAIRES",
        ligne: "b-1",
        champ: "emailResponsable",
        message: "adresse invalide",
        lieu: "Bénéficiaire(s) et scénario d'installation — ligne 330058066 — Anne STU — E-mail du responsable",
      },
    ]);
  });
});
