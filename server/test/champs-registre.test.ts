import { describe, expect, it } from "vitest";
import { CLE_COORDONNEES as CLE_C, REGISTRE_BLOCS, CLE_INFORMATIONS as CLE_I, DESCRIPTEURS_BLOCS } from "@segur/shared";
import {
  BLOCS_VERSIONNES,
  CHAMPS_VERSIONNES,
  CLE_COORDONNEES,
  CLE_INFORMATIONS,
  etatDepuisLignes,
  etatVide,
} from "../src/historique/champs.js";

// History's field table reads the block registry: a block or bank field added there reaches it.
describe("versioned fields and the block registry", () => {
  // Snapshots store rows as values in this order and version 1's hash covers it: the derived
  // table must stay the one history has always recorded.
  it("records each row block's registry fields, in order, typed by their column", () => {
    for (const b of ["COORDONNEES_BANCAIRES", "BENEFICIAIRES", "ADMINISTRATEURS", "PIECES"] as const)
      expect(Object.keys(CHAMPS_VERSIONNES[b])).toEqual([...REGISTRE_BLOCS[b].champs]);
    const attendu = {
      INFORMATIONS: {
        numero: "texte",
        type: "texte",
        couloir: "texte",
        numeroEditeur: "texte",
        logiciel: "texte",
        dateDepot: "date",
        dateCommande: "date",
        etatPaiement: "texte",
        montantCentimes: "centimes",
        mandataire: "booleen",
        courrielContact: "texte",
        scenarioInstallation: "texte",
        referenceFournisseur: "texte",
      },
      COORDONNEES_BANCAIRES: { iban: "texte", bic: "texte", titulaire: "texte", domiciliation: "texte" },
      BENEFICIAIRES: {
        nomResponsable: "texte",
        emailResponsable: "texte",
        telResponsable: "texte",
        finessJuridique: "texte",
        finessGeographique: "texte",
        presentSolde: "booleen",
        ancienneVersion: "texte",
        maitreIdentite: "texte",
        stockageIdentite: "texte",
        operateurMessagerie: "texte",
      },
      ADMINISTRATEURS: {
        finessJuridique: "texte",
        contractualisationOG: "booleen",
        statutAdminTechnique: "texte",
        contractualisationEditeur: "booleen",
        numeroCarteCPX: "texte",
        nomAdminTechnique: "texte",
        telAdminTechnique: "texte",
        emailAdminTechnique: "texte",
        utiliteCertificat: "texte",
      },
      PIECES: { nomFichier: "texte", type: "texte", taille: "entier", sha256: "texte" },
    };
    // Entries, not objects: the order of blocks and fields counts.
    const enOrdre = (t: Record<string, Record<string, string>>) =>
      Object.entries(t).map(([b, c]) => [b, Object.entries(c)]);
    expect(enOrdre(CHAMPS_VERSIONNES)).toEqual(enOrdre(attendu));
  });

  it("puts table rows in the state under the registry's row keys, versioned fields only, as text", () => {
    const etat = etatDepuisLignes({
      INFORMATIONS: [{ id: 7, numero: "FIN1", mandataire: true, montantCentimes: 292000n }],
      COORDONNEES_BANCAIRES: [{ demandeId: 7, iban: "FR76", bic: "B", titulaire: "T", domiciliation: "D" }],
      BENEFICIAIRES: [{ cle: "b-1", finessJuridique: "010000024", presentSolde: false }],
      ADMINISTRATEURS: [{ cle: "ignoree", finessJuridique: "010000032", contractualisationOG: null }],
      PIECES: [{ cle: "p-1", nomFichier: "a.pdf", taille: 12, contenu: new Uint8Array(1) }],
    });
    expect([...etat.INFORMATIONS.keys()]).toEqual([CLE_I]);
    expect(etat.INFORMATIONS.get(CLE_I)).toMatchObject({
      numero: "FIN1",
      mandataire: "true",
      montantCentimes: "292000",
    });
    expect(etat.INFORMATIONS.get(CLE_I)).not.toHaveProperty("id");
    expect([...etat.COORDONNEES_BANCAIRES.keys()]).toEqual([CLE_C]);
    expect([...etat.BENEFICIAIRES.keys()]).toEqual(["b-1"]);
    expect(etat.BENEFICIAIRES.get("b-1")!.presentSolde).toBe("false");
    // A certificate row is keyed by its FINESS juridique.
    expect([...etat.ADMINISTRATEURS.keys()]).toEqual(["010000032"]);
    expect(etat.PIECES.get("p-1")).toEqual({ nomFichier: "a.pdf", type: null, taille: "12", sha256: null });
  });

  it("keys the one-row blocks as the registry does", () => {
    expect([CLE_COORDONNEES, CLE_INFORMATIONS, CLE_C, CLE_I]).toEqual([
      "coordonnees",
      "demande",
      "coordonnees",
      "demande",
    ]);
  });

  it("starts from one empty map per versioned block, in screen order", () => {
    const etat = etatVide();
    expect(Object.keys(etat)).toEqual([
      "INFORMATIONS",
      "COORDONNEES_BANCAIRES",
      "BENEFICIAIRES",
      "ADMINISTRATEURS",
      "PIECES",
    ]);
    expect(Object.keys(etat)).toEqual(
      DESCRIPTEURS_BLOCS.map((d) => d.bloc).filter((b) => (BLOCS_VERSIONNES as string[]).includes(b)),
    );
    for (const m of Object.values(etat)) expect(m.size).toBe(0);
    expect(etatVide().INFORMATIONS).not.toBe(etat.INFORMATIONS);
  });

  // The blocks with rows a gestionnaire validates (SPEC §4, §6): bank details, bénéficiaires, certificate requests, pièces.
  it("validates and locks the four validated blocks of the spec, each under its own lock", () => {
    expect(DESCRIPTEURS_BLOCS.filter((d) => d.validable).map((d) => d.bloc)).toEqual([
      "COORDONNEES_BANCAIRES",
      "BENEFICIAIRES",
      "ADMINISTRATEURS",
      "PIECES",
    ]);
    expect(DESCRIPTEURS_BLOCS.map((d) => d.verrou)).toEqual([
      null,
      "COORDONNEES_BANCAIRES",
      "BENEFICIAIRES",
      "ADMINISTRATEURS",
      "PIECES",
      null,
    ]);
  });
});
