import { describe, expect, it } from "vitest";
import {
  LIMITES,
  PIECE_TAILLE_MAX,
  commentaireSchema,
  exempleDocumentImport,
  messageFournisseurSchema,
  motifSchema,
  pieceSchema,
  problemeContenuPdf,
  problemesDepuisZod,
  validerAdministrateur,
  validerBeneficiaire,
  validerCoordonnees,
  validerDocumentImport,
  type ChampLimite,
  type Probleme,
} from "../src/index.js";
import { adminValide } from "./helpers.js";

const beneficiaire = {
  nomResponsable: "Anne STU",
  emailResponsable: "direction@ehpad.fr",
  telResponsable: "0556000001",
  finessJuridique: "330058066",
  finessGeographique: "330000019",
};
const coordonnees = {
  iban: "FR7611808009101234567890147",
  bic: "CMCIFRPA",
  titulaire: "MAISON HELOISE",
  domiciliation: "BFCM",
};
const options = { dateDebutCertificat: new Date("2023-09-21"), dateDepot: new Date("2024-01-10") };

const zod =
  (schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }) =>
  (v: string): Probleme[] => {
    const r = schema.safeParse(v) as
      { success: true } | { success: false; error: Parameters<typeof problemesDepuisZod>[0] };
    return r.success ? [] : problemesDepuisZod(r.error);
  };
const demande =
  (champ: string) =>
  (v: string): Probleme[] => {
    const doc = exempleDocumentImport();
    Object.assign(doc.demandes[0]!, { [champ]: v });
    return validerDocumentImport(doc, options).erreurs;
  };

/** A valid address of n characters (about 150): 64 before the « @ », labels of at most 63. */
const email = (n: number) => `${"a".repeat(64)}@${"d".repeat(60)}.${"e".repeat(n - 129)}.fr`;

/** Builds a valid value of exactly n characters for each field. */
const VALEURS: Record<ChampLimite, [(n: number) => string, (v: string) => Probleme[]]> = {
  numeroCarteCPX: [(n) => "8".repeat(n), (v) => validerAdministrateur(adminValide({ numeroCarteCPX: v })).erreurs],
  nomAdminTechnique: [
    (n) => "É".repeat(n),
    (v) => validerAdministrateur(adminValide({ nomAdminTechnique: v })).erreurs,
  ],
  telAdminTechnique: [
    (n) => "0".repeat(n),
    (v) => validerAdministrateur(adminValide({ telAdminTechnique: v })).erreurs,
  ],
  emailAdminTechnique: [email, (v) => validerAdministrateur(adminValide({ emailAdminTechnique: v })).erreurs],
  nomResponsable: [(n) => "a".repeat(n), (v) => validerBeneficiaire({ ...beneficiaire, nomResponsable: v }).erreurs],
  emailResponsable: [email, (v) => validerBeneficiaire({ ...beneficiaire, emailResponsable: v }).erreurs],
  telResponsable: [(n) => "0".repeat(n), (v) => validerBeneficiaire({ ...beneficiaire, telResponsable: v }).erreurs],
  ancienneVersion: [(n) => "v".repeat(n), (v) => validerBeneficiaire({ ...beneficiaire, ancienneVersion: v }).erreurs],
  maitreIdentite: [(n) => "m".repeat(n), (v) => validerBeneficiaire({ ...beneficiaire, maitreIdentite: v }).erreurs],
  stockageIdentite: [
    (n) => "s".repeat(n),
    (v) => validerBeneficiaire({ ...beneficiaire, stockageIdentite: v }).erreurs,
  ],
  operateurMessagerie: [
    (n) => "o".repeat(n),
    (v) => validerBeneficiaire({ ...beneficiaire, operateurMessagerie: v }).erreurs,
  ],
  scenarioInstallation: [(n) => "s".repeat(n), demande("scenarioInstallation")],
  titulaire: [(n) => "t".repeat(n), (v) => validerCoordonnees({ ...coordonnees, titulaire: v }).erreurs],
  domiciliation: [(n) => "d".repeat(n), (v) => validerCoordonnees({ ...coordonnees, domiciliation: v }).erreurs],
  logiciel: [(n) => "l".repeat(n), demande("logiciel")],
  courrielContact: [email, demande("courrielContact")],
  referenceFournisseur: [(n) => "R".repeat(n), demande("referenceFournisseur")],
  nomFichier: [
    (n) => `${"f".repeat(n - 4)}.pdf`,
    (v) => zod(pieceSchema)({ nomFichier: v, type: "VA" } as unknown as string),
  ],
  motif: [(n) => "m".repeat(n), zod(motifSchema)],
  messageFournisseur: [(n) => "m".repeat(n), zod(messageFournisseurSchema)],
  commentaire: [(n) => "c".repeat(n), zod(commentaireSchema)],
};

describe("field limits", () => {
  it("values of the supplier guide", () => {
    expect(LIMITES.numeroCarteCPX.max).toBe(10);
    expect(LIMITES.nomAdminTechnique.max).toBe(25);
    expect(LIMITES.telAdminTechnique.max).toBe(50);
    expect(LIMITES.emailAdminTechnique.max).toBe(150);
    expect(PIECE_TAILLE_MAX).toBe(10 * 1024 * 1024);
  });

  // Each field's maximum and the label its message names: the supplier guide's for the certificate
  // fields (SPEC §3.4), ours for the others (README « Bounded inputs »).
  const ATTENDUES: Record<ChampLimite, [number, string]> = {
    numeroCarteCPX: [10, "Numéro de carte CPX"],
    nomAdminTechnique: [25, "Nom"],
    telAdminTechnique: [50, "Téléphone"],
    emailAdminTechnique: [150, "Email"],
    nomResponsable: [100, "Nom du responsable"],
    emailResponsable: [150, "E-mail du responsable"],
    telResponsable: [50, "Téléphone du responsable"],
    ancienneVersion: [100, "Ancienne version"],
    maitreIdentite: [100, "Maître identité"],
    stockageIdentite: [100, "Stockage identité"],
    operateurMessagerie: [100, "Opérateur messagerie"],
    scenarioInstallation: [2000, "Scénario d'installation"],
    titulaire: [100, "Titulaire"],
    domiciliation: [100, "Domiciliation"],
    logiciel: [50, "Logiciel"],
    courrielContact: [150, "Courriel de contact"],
    referenceFournisseur: [64, "Référence fournisseur"],
    nomFichier: [255, "Nom du fichier"],
    motif: [1000, "Motif"],
    messageFournisseur: [2000, "Message au fournisseur"],
    commentaire: [500, "Commentaire"],
  };

  it("bounds exactly these fields", () => {
    expect(Object.keys(LIMITES).sort()).toEqual(Object.keys(ATTENDUES).sort());
  });

  describe.each(Object.keys(ATTENDUES) as ChampLimite[])("%s", (champ) => {
    const [max, libelle] = ATTENDUES[champ];
    const [valeur, valider] = VALEURS[champ];
    const tropLong = (ps: Probleme[]) => ps.filter((p) => p.code === "TROP_LONG" && p.champ === champ);

    it(`accepts ${max} characters`, () => {
      const v = valeur(max);
      expect([...v]).toHaveLength(max);
      expect(valider(v)).toEqual([]);
    });

    it(`refuses ${max + 1} characters`, () => {
      const erreurs = tropLong(valider(valeur(max + 1)));
      expect(erreurs).toHaveLength(1);
      expect(erreurs[0]?.message).toBe(`${libelle} : ${max} caractères au maximum.`);
    });
  });

  it("pièce size: 10 MiB accepted, one byte more refused", () => {
    const pdf = (n: number) => {
      const octets = new Uint8Array(n);
      octets.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
      return octets;
    };
    expect(problemeContenuPdf(pdf(PIECE_TAILLE_MAX))).toBeNull();
    expect(problemeContenuPdf(pdf(PIECE_TAILLE_MAX + 1))).toBe("10 Mio au maximum");
  });
});
