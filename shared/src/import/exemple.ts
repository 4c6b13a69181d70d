import type { BeneficiaireJson, DocumentImportJson } from "./format-json.js";

/** A one-page PDF (with a correct xref table), base64: small enough for examples and tests. */
export const PDF_MINIMAL_BASE64 =
  "JVBERi0xLjQKMSAwIG9iajw8L1R5cGUvQ2F0YWxvZy9QYWdlcyAyIDAgUj4+ZW5kb2JqCjIgMCBvYmo8PC9UeXBlL1BhZ2VzL0tpZHNbMyAwIFJdL0NvdW50IDE+PmVuZG9iagozIDAgb2JqPDwvVHlwZS9QYWdlL1BhcmVudCAyIDAgUi9NZWRpYUJveFswIDAgMjAwIDIwMF0+PmVuZG9iagp4cmVmCjAgNAowMDAwMDAwMDAwIDY1NTM1IGYgCjAwMDAwMDAwMDkgMDAwMDAgbiAKMDAwMDAwMDA1MiAwMDAwMCBuIAowMDAwMDAwMTAxIDAwMDAwIG4gCnRyYWlsZXI8PC9TaXplIDQvUm9vdCAxIDAgUj4+CnN0YXJ0eHJlZgoxNjQKJSVFT0YK";

function beneficiaire(
  finessJuridique: string,
  finessGeographique: string,
  responsable: { nom: string; email: string; tel: string },
): BeneficiaireJson {
  return {
    nomResponsable: responsable.nom,
    emailResponsable: responsable.email,
    telResponsable: responsable.tel,
    finessJuridique,
    finessGeographique,
    presentSolde: false,
    ancienneVersion: "DUI-PDS 3.2",
    maitreIdentite: "DUI-PDS",
    stockageIdentite: "DUI-PDS",
    operateurMessagerie: "MSSanté Mailiz",
  };
}

/**
 * The supplier guide's demande FINMS2007720M0 (SPEC §8) as an import document: five
 * certificate requests (rows of §8, CPX numbers made up) and one bénéficiaire without
 * certificate. Validates without errors (330058067…070 have wrong FINESS keys: warnings).
 * A fresh object each call, so callers may change it.
 */
export function exempleDocumentImport(): DocumentImportJson {
  return {
    demandes: [
      {
        type: "AVANCE",
        couloir: "MS2",
        numeroEditeur: "00001",
        logiciel: "DUI-PDS",
        dateCommande: "2022-09-20",
        montantSegurDeclare: "2920.00",
        mandataire: false,
        courrielContact: "contact@editeur-dui.fr",
        scenarioInstallation:
          "Installation du DUI-PDS en mode SaaS sur les six établissements, reprise des données de la version 3.2.",
        coordonneesBancaires: {
          iban: "FR7611808009101234567890147",
          bic: "CMCIFRPA",
          titulaire: "MAISON HELOISE",
          domiciliation: "BFCM STRASBOURG SIEGE",
        },
        beneficiaires: [
          {
            ...beneficiaire("330058066", "330000019", {
              nom: "Anne STU",
              email: "direction@ehpad-heloise.fr",
              tel: "0556000001",
            }),
            demandeCertificatServeur: true,
            contracutualisationOG: true,
            StatutAdminTechnique: "E",
            contractualisationEditeur: true,
            certificatServeur: {
              numeroCarteCPX: "8001234567",
              nomAdminTechnique: "STU",
              telAdminTechnique: "0603334174",
              emailAdminTechnique: "a.st@mail.com",
              utiliteCertificat: "DMP",
            },
          },
          {
            ...beneficiaire("330058067", "330000027", {
              nom: "Jean BOUVI",
              email: "direction@foyer-bouvi.fr",
              tel: "0556000002",
            }),
            demandeCertificatServeur: true,
            contracutualisationOG: true,
            StatutAdminTechnique: "E",
            contractualisationEditeur: true,
            certificatServeur: {
              numeroCarteCPX: "8001234568",
              nomAdminTechnique: "BOUVI",
              telAdminTechnique: "0603434174",
              emailAdminTechnique: "j.bo@mail.com",
              utiliteCertificat: "INS",
            },
          },
          {
            ...beneficiaire("330058068", "330000035", {
              nom: "Gaëlle VIE",
              email: "direction@sessad-vie.fr",
              tel: "0556000003",
            }),
            demandeCertificatServeur: true,
            contracutualisationOG: false,
            StatutAdminTechnique: "S",
            contractualisationEditeur: false,
            certificatServeur: {
              numeroCarteCPX: "8001234569",
              nomAdminTechnique: "VIE",
              telAdminTechnique: "0613434174",
              emailAdminTechnique: "g.vi@mail.com",
              utiliteCertificat: "INS",
            },
          },
          {
            ...beneficiaire("330058069", "330000043", {
              nom: "Sophie LU",
              email: "direction@ime-lu.fr",
              tel: "0556000004",
            }),
            demandeCertificatServeur: true,
            contracutualisationOG: true,
            StatutAdminTechnique: "E",
            contractualisationEditeur: true,
            certificatServeur: {
              numeroCarteCPX: "8001234570",
              nomAdminTechnique: "LU",
              telAdminTechnique: "0613438174",
              emailAdminTechnique: "s.lu@mail.com",
              utiliteCertificat: "DMP,INS",
            },
          },
          {
            ...beneficiaire("330058070", "330781360", {
              nom: "Marc CHAN",
              email: "direction@mas-chan.fr",
              tel: "0556000005",
            }),
            demandeCertificatServeur: true,
            contracutualisationOG: false,
            StatutAdminTechnique: "S",
            contractualisationEditeur: false,
            certificatServeur: {
              numeroCarteCPX: "8001234571",
              nomAdminTechnique: "CHAN",
              telAdminTechnique: "0613938174",
              emailAdminTechnique: "m.ch@mail.fr",
              utiliteCertificat: "DMP",
            },
          },
          {
            ...beneficiaire("750712184", "750100018", {
              nom: "Claire DUPONT",
              email: "direction@ehpad-paris.fr",
              tel: "0145000006",
            }),
            demandeCertificatServeur: false,
            contracutualisationOG: null,
            StatutAdminTechnique: null,
            contractualisationEditeur: null,
            certificatServeur: null,
          },
        ],
        piecesJustificatives: [
          { nomFichier: "ms2-dui-va1-va-00001.pdf", type: "VA", contenuBase64: PDF_MINIMAL_BASE64 },
          { nomFichier: "ms2-dui-va1-facture-00001.pdf", type: "FACTURE", contenuBase64: PDF_MINIMAL_BASE64 },
        ],
      },
    ],
  };
}
