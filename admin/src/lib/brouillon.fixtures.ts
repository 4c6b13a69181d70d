// Test data shared by the modification screen's tests (not bundled: only tests import it).
import type { Apercu, Demande } from "~/lib/brouillon";
import { apercuDepuisDemande } from "~/lib/brouillon";

export const VALEURS_ADMIN = {
  finessJuridique: "330058066",
  contractualisationOG: true,
  statutAdminTechnique: "E" as const,
  contractualisationEditeur: false,
  numeroCarteCPX: null,
  nomAdminTechnique: "STU",
  telAdminTechnique: "0603334174",
  emailAdminTechnique: "a.st@mail.com",
  utiliteCertificat: "DMP_INS" as const,
};

export const BENEFICIAIRE = {
  nomResponsable: "Anne STU",
  emailResponsable: "direction@ehpad.fr",
  telResponsable: "0556000001",
  finessJuridique: "330058066",
  finessGeographique: "330000019",
  presentSolde: false,
  ancienneVersion: null,
  maitreIdentite: null,
  stockageIdentite: null,
  operateurMessagerie: null,
};

export function demandeExemple(): Demande {
  return {
    __typename: "Demande",
    numero: "FINMS2007720M0",
    type: "AVANCE",
    couloir: "MS2",
    statut: "EN_COURS",
    versionCourante: 3,
    blocCertificatVisible: true,
    scenarioInstallation: "Installation sur site",
    droits: { modifier: true },
    blocs: [
      { bloc: "ADMINISTRATEURS", verrouille: false },
      { bloc: "PIECES", verrouille: true },
    ],
    coordonneesBancaires: {
      __typename: "CoordonneesBancaires",
      iban: "FR7611808009101234567890147",
      bic: "CMCIFRPA",
      titulaire: "MAISON HELOISE",
      domiciliation: "BFCM",
    },
    beneficiaires: [{ __typename: "Beneficiaire", cle: "b-1", ...BENEFICIAIRE, avertissements: [] }],
    administrateurs: [{ __typename: "AdministrateurTechnique", ...VALEURS_ADMIN, avertissements: [] }],
    pieces: [{ cle: "p-1", nomFichier: "va.pdf", type: "VA", taille: 300, url: "/pieces/1" }],
  } as unknown as Demande; // __typename as urql adds it: apercuDepuisDemande must drop it
}

/** My draft on demandeExemple(): row 330058066 modified (CPX), 750712184 added, 330058067… none. */
export function brouillonExemple(partiel: Partial<Apercu> = {}): Apercu {
  const base = apercuDepuisDemande(demandeExemple());
  const admin = base.administrateurs[0]!;
  return {
    ...base,
    auteur: "Gaëlle Gestionnaire",
    creeLe: "2025-11-25T09:32:00.000Z",
    majLe: "2025-11-25T09:40:00.000Z",
    nombreModifications: 2,
    administrateurs: [
      {
        ...admin,
        etat: "MODIFIEE",
        champsModifies: ["numeroCarteCPX"],
        valeurs: { ...admin.valeurs, numeroCarteCPX: "8001234567" },
      },
      {
        cle: "750712184",
        etat: "AJOUTEE",
        champsModifies: ["finessJuridique"],
        valeurs: { ...admin.valeurs, finessJuridique: "750712184" },
        original: null,
        avertissements: [],
      },
    ],
    ...partiel,
  };
}
