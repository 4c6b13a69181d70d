import { describe, expect, it } from "vitest";
import {
  PIECE_TAILLE_MAX,
  exempleDocumentImport,
  validerDocumentImport,
  type BeneficiaireJson,
  type DemandeJson,
} from "../src/index.js";

const options = { dateDebutCertificat: new Date("2023-09-21T00:00:00Z"), dateDepot: new Date("2024-03-01T10:00:00Z") };

function doc(modifier: (d: DemandeJson) => void = () => {}) {
  const document = exempleDocumentImport();
  modifier(document.demandes[0]!);
  return document;
}
const benef = (d: DemandeJson, i: number) => d.beneficiaires[i]! as BeneficiaireJson & Record<string, unknown>;
const chemin = (...p: (string | number)[]) => ["demandes", 0, "beneficiaires", ...p];

describe("import: the example document (SPEC §8)", () => {
  const r = validerDocumentImport(exempleDocumentImport(), options);

  it("has no error", () => {
    expect(r.erreurs).toEqual([]);
    expect(r.demandes).toHaveLength(1);
  });

  it("reads the demande", () => {
    const d = r.demandes[0]!;
    expect(d).toMatchObject({
      type: "AVANCE",
      couloir: "MS2",
      numeroEditeur: "00001",
      logiciel: "DUI-PDS",
      dateCommande: "2022-09-20",
      montantCentimes: 292000n,
      mandataire: false,
      courrielContact: "contact@editeur-dui.fr",
      coordonneesBancaires: {
        iban: "FR7611808009101234567890147",
        bic: "CMCIFRPA",
        titulaire: "MAISON HELOISE",
        domiciliation: "BFCM STRASBOURG SIEGE",
      },
    });
    expect(d.beneficiaires).toHaveLength(6);
    expect(d.pieces.map((p) => [p.nomFichier, p.type])).toEqual([
      ["ms2-dui-va1-va-00001.pdf", "VA"],
      ["ms2-dui-va1-facture-00001.pdf", "FACTURE"],
    ]);
    expect(new TextDecoder().decode(d.pieces[0]!.contenu.slice(0, 5))).toBe("%PDF-");
  });

  it("produces exactly the administrateurs whose demandeCertificatServeur is true", () => {
    const a = r.demandes[0]!.administrateurs;
    expect(a.map((x) => x.finessJuridique)).toEqual(["330058066", "330058067", "330058068", "330058069", "330058070"]);
    expect(a[0]).toEqual({
      finessJuridique: "330058066",
      contractualisationOG: true,
      statutAdminTechnique: "E",
      contractualisationEditeur: true,
      numeroCarteCPX: "8001234567",
      nomAdminTechnique: "STU",
      telAdminTechnique: "0603334174",
      emailAdminTechnique: "a.st@mail.com",
      utiliteCertificat: "DMP",
    });
    expect(a[2]).toMatchObject({
      contractualisationOG: false,
      statutAdminTechnique: "S",
      contractualisationEditeur: false,
      utiliteCertificat: "INS",
    });
    expect(a[3]?.utiliteCertificat).toBe("DMP_INS");
  });

  it("warns (only) about the wrong FINESS keys of 330058067…070", () => {
    expect(r.avertissements.map((p) => [p.code, p.path.join(".")])).toEqual(
      [1, 2, 3, 4].map((i) => ["CLE_FINESS", `demandes.0.beneficiaires.${i}.finessJuridique`]),
    );
    expect(r.demandes[0]!.avertissements).toEqual(r.avertissements);
  });

  it("accepts a single demande at the root, with root paths", () => {
    const seule = validerDocumentImport(exempleDocumentImport().demandes[0], options);
    expect(seule.erreurs).toEqual([]);
    expect(seule.demandes).toHaveLength(1);
    expect(seule.avertissements[0]?.path).toEqual(["beneficiaires", 1, "finessJuridique"]);
  });
});

describe("import: certificate rules", () => {
  it("CPX missing where required → error at its JSON path, in French", () => {
    const r = validerDocumentImport(
      doc((d) => {
        benef(d, 3).certificatServeur!.numeroCarteCPX = null;
      }),
      options,
    );
    expect(r.demandes).toEqual([]);
    expect(r.erreurs).toEqual([
      {
        code: "REQUIS",
        champ: "numeroCarteCPX",
        gravite: "ERREUR",
        path: chemin(3, "certificatServeur", "numeroCarteCPX"),
        message:
          "Numéro de carte CPX : obligatoire lorsque la contractualisation OG est Oui, le statut Editeur et la contractualisation éditeur Oui.",
      },
    ]);
  });

  it("CPX missing where optional is fine", () => {
    const r = validerDocumentImport(
      doc((d) => {
        delete benef(d, 2).certificatServeur!.numeroCarteCPX;
      }),
      options,
    );
    expect(r.erreurs).toEqual([]);
    expect(r.demandes[0]!.administrateurs[2]?.numeroCarteCPX).toBeNull();
  });

  it("false + a non-null value → INTERDIT on each such key", () => {
    const r = validerDocumentImport(
      doc((d) => {
        Object.assign(benef(d, 5), {
          contracutualisationOG: false,
          StatutAdminTechnique: "",
          certificatServeur: { numeroCarteCPX: "8001234567", nomAdminTechnique: null, utiliteCertificat: " " },
        });
      }),
      options,
    );
    expect(r.erreurs.map((e) => [e.code, e.path])).toEqual([
      ["INTERDIT", chemin(5, "contracutualisationOG")],
      ["INTERDIT", chemin(5, "certificatServeur", "numeroCarteCPX")],
    ]);
    expect(r.erreurs[0]?.message).toBe(
      "Contractualisation organisme de gestion : doit être vide (null) lorsque demandeCertificatServeur vaut false.",
    );
  });

  it("two certificate requests for one FINESS juridique → DOUBLON_FINESS on the second", () => {
    const r = validerDocumentImport(
      doc((d) => {
        benef(d, 4).finessJuridique = "330058066";
      }),
      options,
    );
    expect(r.erreurs).toHaveLength(1);
    expect(r.erreurs[0]).toMatchObject({
      code: "DOUBLON_FINESS",
      path: chemin(4, "finessJuridique"),
      champ: "finessJuridique",
    });
    expect(r.erreurs[0]?.message).toMatch(/^FINESS juridique : un seul certificat serveur par FINESS juridique/);
  });

  it("a duplicated FINESS without certificate is not a DOUBLON", () => {
    const r = validerDocumentImport(
      doc((d) => {
        benef(d, 5).finessJuridique = "330058066";
      }),
      options,
    );
    expect(r.erreurs).toEqual([]);
  });

  it("SOLDE with a true entry → HORS_PERIMETRE", () => {
    const r = validerDocumentImport(
      doc((d) => {
        d.type = "SOLDE";
        d.beneficiaires = [benef(d, 0), benef(d, 5)];
      }),
      options,
    );
    expect(r.erreurs.map((e) => [e.code, e.path])).toEqual([["HORS_PERIMETRE", chemin(0, "demandeCertificatServeur")]]);
    expect(r.erreurs[0]?.message).toBe(
      "Demande de certificat serveur : possible uniquement pour une demande d'AVANCE des couloirs MS1 ou MS2 déposée à partir du 21/09/2023.",
    );
  });

  it("other couloir or import before the start date → HORS_PERIMETRE", () => {
    const pharma = validerDocumentImport(
      doc((d) => {
        d.couloir = "PH1";
      }),
      options,
    );
    expect(pharma.erreurs.filter((e) => e.code === "HORS_PERIMETRE")).toHaveLength(5);
    const tot = validerDocumentImport(exempleDocumentImport(), {
      ...options,
      dateDepot: new Date("2023-09-20T12:00:00Z"),
    });
    expect(tot.erreurs.filter((e) => e.code === "HORS_PERIMETRE")).toHaveLength(5);
    const sansCertificat = validerDocumentImport(
      doc((d) => {
        d.type = "SOLDE";
        d.beneficiaires = [benef(d, 5)];
      }),
      options,
    );
    expect(sansCertificat.erreurs).toEqual([]);
    expect(sansCertificat.demandes[0]?.administrateurs).toEqual([]);
  });

  it("accepts both OG spellings and both utilité spellings", () => {
    const r = validerDocumentImport(
      doc((d) => {
        const b = benef(d, 0);
        delete b.contracutualisationOG;
        b["contractualisationOG"] = false;
        b.certificatServeur!.utiliteCertificat = "DMP, INS";
      }),
      options,
    );
    expect(r.erreurs).toEqual([]);
    expect(r.demandes[0]!.administrateurs[0]).toMatchObject({
      contractualisationOG: false,
      utiliteCertificat: "DMP_INS",
    });
  });

  it("maps errors to the keys actually used", () => {
    const r = validerDocumentImport(
      doc((d) => {
        const b = benef(d, 1);
        b.contracutualisationOG = null;
        b.StatutAdminTechnique = "X" as "E";
        b.contractualisationEditeur = "oui" as unknown as boolean;
        b.certificatServeur!.nomAdminTechnique = "B0UVI";
        b.certificatServeur!.emailAdminTechnique = "j.bo@";
        b.certificatServeur!.utiliteCertificat = "TOUT" as "DMP";
        b.certificatServeur!.numeroCarteCPX = "80012345678";
      }),
      options,
    );
    expect(r.erreurs.map((e) => [e.code, e.path.slice(4).join(".")])).toEqual([
      ["REQUIS", "contracutualisationOG"],
      ["VALEUR", "StatutAdminTechnique"],
      ["FORMAT", "contractualisationEditeur"],
      ["TROP_LONG", "certificatServeur.numeroCarteCPX"],
      ["FORMAT", "certificatServeur.nomAdminTechnique"],
      ["FORMAT", "certificatServeur.emailAdminTechnique"],
      ["VALEUR", "certificatServeur.utiliteCertificat"],
    ]);
    expect(r.erreurs.every((e) => /^[^:]+ : .+\.$/.test(e.message))).toBe(true);
  });

  it("true with no certificatServeur → every required field reported", () => {
    const r = validerDocumentImport(
      doc((d) => {
        benef(d, 0).certificatServeur = null;
      }),
      options,
    );
    expect(r.erreurs.map((e) => e.path.slice(4).join("."))).toEqual([
      "certificatServeur.nomAdminTechnique",
      "certificatServeur.telAdminTechnique",
      "certificatServeur.emailAdminTechnique",
      "certificatServeur.utiliteCertificat",
      "certificatServeur.numeroCarteCPX",
    ]);
  });

  it("phone warnings carry their JSON path", () => {
    const r = validerDocumentImport(
      doc((d) => {
        benef(d, 0).certificatServeur!.telAdminTechnique = "12";
      }),
      options,
    );
    expect(r.erreurs).toEqual([]);
    expect(r.avertissements.find((p) => p.code === "TELEPHONE")?.path).toEqual(
      chemin(0, "certificatServeur", "telAdminTechnique"),
    );
  });
});

describe("import: the rest of the document", () => {
  it("reports every problem of the document at once, with paths", () => {
    const document = exempleDocumentImport();
    const d = document.demandes[0]!;
    Object.assign(d, {
      numeroEditeur: "1",
      montantSegurDeclare: "2920.123",
      dateCommande: "2022-02-30",
      type: "AUTRE",
    });
    d.coordonneesBancaires!.iban = "FR7611808009101234567890148";
    benef(d, 0).emailResponsable = "pas-un-email";
    d.piecesJustificatives![1] = { nomFichier: "facture.doc", type: "FACTURE", contenuBase64: btoa("PK not a pdf") };
    document.demandes.push({ ...exempleDocumentImport().demandes[0]!, logiciel: "" });
    const r = validerDocumentImport(document, options);
    expect(r.erreurs.map((e) => [e.code, e.path.join(".")])).toEqual([
      ["VALEUR", "demandes.0.type"],
      ["FORMAT", "demandes.0.numeroEditeur"],
      ["FORMAT", "demandes.0.dateCommande"],
      ["FORMAT", "demandes.0.montantSegurDeclare"],
      ["FORMAT", "demandes.0.coordonneesBancaires.iban"],
      ["FORMAT", "demandes.0.beneficiaires.0.emailResponsable"],
      ["HORS_PERIMETRE", "demandes.0.beneficiaires.0.demandeCertificatServeur"],
      ["HORS_PERIMETRE", "demandes.0.beneficiaires.1.demandeCertificatServeur"],
      ["HORS_PERIMETRE", "demandes.0.beneficiaires.2.demandeCertificatServeur"],
      ["HORS_PERIMETRE", "demandes.0.beneficiaires.3.demandeCertificatServeur"],
      ["HORS_PERIMETRE", "demandes.0.beneficiaires.4.demandeCertificatServeur"],
      ["FORMAT", "demandes.0.piecesJustificatives.1.nomFichier"],
      ["FORMAT", "demandes.0.piecesJustificatives.1.contenuBase64"],
      ["REQUIS", "demandes.1.logiciel"],
    ]);
    expect(r.demandes).toEqual([]);
  });

  it("ignores unknown keys with a CHAMP_INCONNU warning", () => {
    const document = { ...exempleDocumentImport(), version: 2 };
    const d = document.demandes[0]! as DemandeJson & Record<string, unknown>;
    d["numeroDossier"] = "FINMS2007720M0";
    benef(d, 0).certificatServeur!["numeroCarte" as "numeroCarteCPX"] = "x";
    const r = validerDocumentImport(document, options);
    expect(r.erreurs).toEqual([]);
    expect(
      r.avertissements.filter((p) => p.code === "CHAMP_INCONNU").map((p) => [p.path.join("."), p.gravite]),
    ).toEqual([
      ["version", "AVERTISSEMENT"],
      ["demandes.0.numeroDossier", "AVERTISSEMENT"],
      ["demandes.0.beneficiaires.0.certificatServeur.numeroCarte", "AVERTISSEMENT"],
    ]);
  });

  it("amount as a number, optional parts absent", () => {
    const r = validerDocumentImport(
      doc((d) => {
        d.montantSegurDeclare = 1200.5;
        delete d.coordonneesBancaires;
        delete d.piecesJustificatives;
        delete d.dateCommande;
        delete d.courrielContact;
      }),
      options,
    );
    expect(r.erreurs).toEqual([]);
    expect(r.demandes[0]).toMatchObject({
      montantCentimes: 120050n,
      coordonneesBancaires: null,
      pieces: [],
      dateCommande: null,
      courrielContact: null,
    });
  });

  it("refuses malformed base64 and oversized pièces", () => {
    const r = validerDocumentImport(
      doc((d) => {
        d.piecesJustificatives![0]!.contenuBase64 = "%%%";
        d.piecesJustificatives![1]!.contenuBase64 = "A".repeat(Math.ceil((PIECE_TAILLE_MAX + 3) / 3) * 4);
      }),
      options,
    );
    expect(r.erreurs.map((e) => [e.code, e.path.join("."), e.message])).toEqual([
      [
        "FORMAT",
        "demandes.0.piecesJustificatives.0.contenuBase64",
        "Contenu du fichier : encodage base64 valide attendu.",
      ],
      ["TROP_LONG", "demandes.0.piecesJustificatives.1.contenuBase64", "Contenu du fichier : 10 Mio au maximum."],
    ]);
  });

  it("refuses what is not a document", () => {
    // Named after the key a document holds: every problem points at a field.
    for (const pasUnDocument of [[], [null], false, "texte", 3]) {
      expect(validerDocumentImport(pasUnDocument, options).erreurs).toMatchObject([
        { code: "FORMAT", path: ["demandes"] },
      ]);
    }
    expect(validerDocumentImport({ demandes: [] }, options).erreurs).toMatchObject([
      { code: "REQUIS", path: ["demandes"] },
    ]);
    expect(validerDocumentImport({ demandes: [1] }, options).erreurs).toMatchObject([
      { code: "FORMAT", path: ["demandes", 0] },
    ]);
    const sansBenef = validerDocumentImport(
      doc((d) => {
        d.beneficiaires = [];
      }),
      options,
    );
    expect(sansBenef.erreurs).toMatchObject([{ code: "REQUIS", path: ["demandes", 0, "beneficiaires"] }]);
  });
});

describe("import: every problem at once, and only true ones", () => {
  it("a wrong numéro éditeur for the API key is reported with the demande's other errors", () => {
    const r = validerDocumentImport(
      doc((d) => {
        d.numeroEditeur = "00002";
        d.logiciel = "";
        benef(d, 0).nomResponsable = null as unknown as string;
      }),
      { ...options, numeroEditeur: "00001" },
    );
    expect(r.erreurs.map((e) => [e.code, e.path.join(".")])).toEqual([
      ["REQUIS", "demandes.0.logiciel"],
      ["EDITEUR", "demandes.0.numeroEditeur"],
      ["REQUIS", "demandes.0.beneficiaires.0.nomResponsable"],
    ]);
    expect(r.erreurs[1]?.message).toBe(
      "Numéro éditeur : votre clé API est rattachée à l'éditeur 00001, la demande indique « 00002 ».",
    );
    expect(validerDocumentImport(exempleDocumentImport(), { ...options, numeroEditeur: "00001" }).erreurs).toEqual([]);
  });

  it("each demande of the file is checked against the key, at its own path", () => {
    const document = exempleDocumentImport();
    document.demandes.push({ ...document.demandes[0]!, numeroEditeur: "00003" });
    const r = validerDocumentImport(document, { ...options, numeroEditeur: "00001" });
    expect(r.erreurs.map((e) => [e.code, e.path.join(".")])).toEqual([["EDITEUR", "demandes.1.numeroEditeur"]]);
    expect(r.demandes.map((d) => d.chemin)).toEqual([["demandes", 0]]);
  });

  it('demandeCertificatServeur "true" (a string): one error, a boolean is expected, and nothing else', () => {
    const r = validerDocumentImport(
      doc((d) => {
        benef(d, 0).demandeCertificatServeur = "true" as unknown as boolean;
      }),
      options,
    );
    expect(r.erreurs).toEqual([
      {
        code: "FORMAT",
        champ: "demandeCertificatServeur",
        gravite: "ERREUR",
        path: chemin(0, "demandeCertificatServeur"),
        message: "Demande de certificat serveur : un booléen (true ou false) est attendu.",
      },
    ]);
  });

  it("a string for another boolean gets the same message", () => {
    const r = validerDocumentImport(
      doc((d) => {
        d.mandataire = "false" as unknown as boolean;
      }),
      options,
    );
    expect(r.erreurs.map((e) => e.message)).toEqual([
      "La commande est portée par un mandataire pour plusieurs établissements : un booléen (true ou false) est attendu.",
    ]);
  });
});

describe("import: date de commande within the programme (SPEC §10)", () => {
  const avec = (dateCommande: string, dateDepot = options.dateDepot) =>
    validerDocumentImport(
      doc((d) => {
        d.dateCommande = dateCommande;
      }),
      { ...options, dateDepot },
    ).erreurs;

  it("after the import date → error naming demandes[i].dateCommande", () => {
    expect(avec("9999-12-31")).toEqual([
      {
        code: "VALEUR",
        champ: "dateCommande",
        gravite: "ERREUR",
        path: ["demandes", 0, "dateCommande"],
        message: "Date de la commande : date passée attendue, au plus tard le jour de l'import (01/03/2024).",
      },
    ]);
    expect(avec("2024-03-02")).toHaveLength(1);
  });

  it("the import day itself is fine, Paris time", () => {
    expect(avec("2024-03-01")).toEqual([]);
    // 23:30 UTC on 31 March 2024 is already 1 April in Paris.
    expect(avec("2024-04-01", new Date("2024-03-31T22:30:00Z"))).toEqual([]);
    expect(avec("2024-04-01", new Date("2024-03-31T21:30:00Z"))).toHaveLength(1);
  });

  it("before 2020 → error", () => {
    expect(avec("2019-12-31").map((e) => [e.path.join("."), e.message])).toEqual([
      ["demandes.0.dateCommande", "Date de la commande : date à partir du 01/01/2020 attendue (début du programme)."],
    ]);
    expect(avec("2020-01-01")).toEqual([]);
  });

  it("is reported with the other errors of the demande", () => {
    const r = validerDocumentImport(
      doc((d) => {
        d.dateCommande = "2019-01-01";
        d.logiciel = " ";
      }),
      options,
    );
    expect(r.erreurs.map((e) => [e.code, e.champ])).toEqual([
      ["REQUIS", "logiciel"],
      ["VALEUR", "dateCommande"],
    ]);
  });
});

describe("import: text hygiene", () => {
  it("NUL and terminal escapes in names and free texts are refused at their JSON paths; texts are stored in NFC", () => {
    const r = validerDocumentImport(
      doc((d) => {
        d.logiciel = "DUI\u0000PDS";
        d.scenarioInstallation = "Déploiement\u001b[2J";
        benef(d, 1).nomResponsable = "Jean\uD800";
      }),
      options,
    );
    expect(r.erreurs.map((e) => [e.code, e.path.join("."), e.message])).toEqual([
      ["CARACTERE_INTERDIT", "demandes.0.logiciel", "Logiciel : caractère de contrôle interdit (U+0000)."],
      [
        "CARACTERE_INTERDIT",
        "demandes.0.scenarioInstallation",
        "Scénario d'installation : caractère de contrôle interdit (U+001B).",
      ],
      [
        "CARACTERE_INTERDIT",
        "demandes.0.beneficiaires.1.nomResponsable",
        "Nom du responsable : caractère invalide (U+D800, moitié isolée d'une paire UTF-16).",
      ],
    ]);
    const nfc = validerDocumentImport(
      doc((d) => {
        d.logiciel = "Me\u0301dilogiciel";
        d.scenarioInstallation = "Ligne 1\r\nLigne 2";
      }),
      options,
    );
    expect(nfc.erreurs).toEqual([]);
    expect(nfc.demandes[0]).toMatchObject({ logiciel: "Médilogiciel", scenarioInstallation: "Ligne 1\nLigne 2" });
  });
});
