import { z } from "zod";
import { TYPES_DEMANDE, type TypeDemande, type TypePiece } from "../enums.js";
import { avertissement, dedoublonner, erreur, type Chemin, type Probleme } from "../probleme.js";
import { PIECE_TAILLE_MAX, libelleChamp } from "../limites.js";
import { dateIsoValide, formatDate, jourParis } from "../format.js";
import { MONTANT_MAX_CENTIMES_DEFAUT } from "../montant.js";
import { normaliserFiness } from "../finess.js";
import { perimetreCertificat } from "../certificat/perimetre.js";
import { validerAdministrateur, type AdministrateurValeurs } from "../certificat/administrateur.js";
import { CHAMPS_BENEFICIAIRE, validerBeneficiaire, type BeneficiaireValeurs } from "../demande/beneficiaire.js";
import { validerCoordonnees, type CoordonneesValeurs } from "../demande/coordonnees.js";
import { CHAMPS_COORDONNEES } from "../blocs/coordonnees.js";
import { courrielContactSchema, scenarioInstallationSchema } from "../demande/informations.js";
import { pieceSchema, problemeContenuPdf } from "../demande/piece.js";
import { problemeDateCommande } from "../demande/commande.js";
import {
  ATTENDU_BOOLEEN,
  booleenDefaut,
  choixRequis,
  estVide,
  montantCentimes,
  texte,
  texteRequis,
} from "../validation/champs.js";
import { problemesDepuisZod } from "../validation/problemes-zod.js";
import { lecteurObjet } from "../validation/objet.js";
import { decoderBase64, tailleBase64 } from "./base64.js";

export interface OptionsImport {
  dateDebutCertificat: Date;
  /** Filing date given to the imported demandes (the import date). */
  dateDepot: Date;
  /** Set for a supplier's API key: every demande of the file must be this éditeur's. */
  numeroEditeur?: string | null;
  /** Above it an amount is refused (configured; default MONTANT_MAX_CENTIMES_DEFAUT). */
  montantMaxCentimes?: bigint;
}

export interface PieceImportee {
  nomFichier: string;
  type: TypePiece;
  contenu: Uint8Array;
}

export interface DemandeImportee {
  /** Where it is in the document (["demandes", i], or [] for a demande alone): paths of later problems. */
  chemin: Chemin;
  type: TypeDemande;
  couloir: string;
  numeroEditeur: string;
  logiciel: string;
  /** yyyy-mm-dd */
  dateCommande: string | null;
  montantCentimes: bigint;
  mandataire: boolean;
  courrielContact: string | null;
  scenarioInstallation: string | null;
  /** The supplier's own reference: importing it again is refused (safe retries). */
  referenceFournisseur: string | null;
  coordonneesBancaires: CoordonneesValeurs | null;
  beneficiaires: BeneficiaireValeurs[];
  /** One per bénéficiaire whose demandeCertificatServeur is true, keyed by its FINESS juridique. */
  administrateurs: AdministrateurValeurs[];
  pieces: PieceImportee[];
  avertissements: Probleme[];
}

export interface ResultatImport {
  /** Demandes without any error; import nothing at all when `erreurs` is not empty. */
  demandes: DemandeImportee[];
  erreurs: Probleme[];
  avertissements: Probleme[];
}

// JSON keys: the supplier guide spells contracutualisationOG (sic) and StatutAdminTechnique.
const CLE_OG = ["contracutualisationOG", "contractualisationOG"] as const;
const CLE_STATUT = ["StatutAdminTechnique", "statutAdminTechnique"] as const;
const CLES_CERTIFICAT = [
  "numeroCarteCPX",
  "nomAdminTechnique",
  "telAdminTechnique",
  "emailAdminTechnique",
  "utiliteCertificat",
] as const;
const CLES_DEMANDE = [
  "type",
  "couloir",
  "numeroEditeur",
  "logiciel",
  "dateCommande",
  "montantSegurDeclare",
  "mandataire",
  "courrielContact",
  "scenarioInstallation",
  "coordonneesBancaires",
  "beneficiaires",
  "piecesJustificatives",
  "referenceFournisseur",
];
const CLES_BENEFICIAIRE = [
  ...CHAMPS_BENEFICIAIRE,
  "demandeCertificatServeur",
  ...CLE_OG,
  ...CLE_STATUT,
  "contractualisationEditeur",
  "certificatServeur",
];
const CLES_PIECE = ["nomFichier", "type", "contenuBase64"];

// Also read alone, for the rules that depend on the import itself (see verifierContexte).
const numeroEditeurSchema = texteRequis("numeroEditeur", {
  verifier: (v) => (/^\d{5}$/.test(v) ? null : '5 chiffres attendus (exemple : "00001")'),
});
const dateCommandeSchema = texte("dateCommande", {
  verifier: (v) => (dateIsoValide(v) ? null : 'date attendue au format AAAA-MM-JJ (exemple : "2022-09-20")'),
});

const champsEntete = (montantMaxCentimes: bigint) => ({
  type: choixRequis<TypeDemande>("type", {
    lire: (v) => ((TYPES_DEMANDE as readonly string[]).includes(v) ? (v as TypeDemande) : null),
    attendu: "valeur attendue AVANCE ou SOLDE",
  }),
  couloir: texteRequis("couloir", {
    max: 10,
    normaliser: (v) => v.toUpperCase(),
    verifier: (v) => (/^[A-Z0-9]{2,10}$/.test(v) ? null : "code de couloir attendu (exemple : MS1, MS2)"),
  }),
  numeroEditeur: numeroEditeurSchema,
  logiciel: texteRequis("logiciel"),
  dateCommande: dateCommandeSchema,
  montantSegurDeclare: montantCentimes("montantSegurDeclare", montantMaxCentimes),
  mandataire: booleenDefaut("mandataire", false),
  courrielContact: courrielContactSchema,
  scenarioInstallation: scenarioInstallationSchema,
  referenceFournisseur: texte("referenceFournisseur", {
    verifier: (v) =>
      /^[A-Za-z0-9._/-]+$/.test(v) ? null : "lettres sans accent, chiffres, « . », « _ », « / » ou « - » attendus",
  }),
});

function lecteurEntete(montantMaxCentimes: bigint) {
  const champs = champsEntete(montantMaxCentimes);
  return lecteurObjet(z.object(champs), champs);
}

/** One schema per configured maximum (in practice a single one). */
const schemasEntete = new Map<bigint, ReturnType<typeof lecteurEntete>>();
function enteteSchema(montantMaxCentimes: bigint = MONTANT_MAX_CENTIMES_DEFAUT) {
  let schema = schemasEntete.get(montantMaxCentimes);
  if (!schema) schemasEntete.set(montantMaxCentimes, (schema = lecteurEntete(montantMaxCentimes)));
  return schema;
}

type Objet = Record<string, unknown>;

const lecteurPiece = lecteurObjet(pieceSchema, pieceSchema.shape);

function estObjet(v: unknown): v is Objet {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Collects problems of one demande, placed at their JSON paths. */
class Collecte {
  erreurs: Probleme[] = [];
  avertissements: Probleme[] = [];

  ajouter(problemes: Probleme[], prefix: Chemin = [], chemin?: (p: Probleme) => Chemin): void {
    for (const p of problemes) {
      const place = { ...p, path: [...prefix, ...(chemin ? chemin(p) : p.path)] };
      (p.gravite === "ERREUR" ? this.erreurs : this.avertissements).push(place);
    }
  }

  erreur(code: Parameters<typeof erreur>[0], champ: string, attendu: string, path: Chemin): void {
    this.erreurs.push(erreur(code, champ, `${libelleChamp(champ)} : ${attendu}.`, path));
  }

  objetAttendu(champ: string, path: Chemin): void {
    this.erreur("FORMAT", champ, "un objet JSON est attendu", path);
  }

  /** Unknown keys are ignored, with a warning (a typo would otherwise go unnoticed). */
  clesInconnues(objet: Objet, connues: readonly string[], path: Chemin): void {
    for (const cle of Object.keys(objet)) {
      if (!connues.includes(cle)) {
        this.avertissements.push(
          avertissement("CHAMP_INCONNU", cle, `Champ inconnu « ${cle} » : il est ignoré.`, [...path, cle]),
        );
      }
    }
  }
}

/** Key actually used for a field with two accepted spellings; reports a conflict between them. */
function cleUtilisee(b: Objet, cles: readonly [string, string], champ: string, chemin: Chemin, c: Collecte): string {
  const [a, b2] = cles;
  const presentes = cles.filter((k) => k in b && !estVide(b[k]));
  if (presentes.length === 2 && b[a] !== b[b2]) {
    c.erreur("FORMAT", champ, `« ${a} » et « ${b2} » ont des valeurs différentes, n'en gardez qu'un`, [...chemin, a]);
  }
  return presentes[0] ?? (a in b ? a : b2 in b ? b2 : a);
}

/** Where an administrateur field lives in a bénéficiaire entry of the JSON. */
function cheminJson(champ: string, cleOG: string, cleStatut: string): Chemin {
  if (champ === "contractualisationOG") return [cleOG];
  if (champ === "statutAdminTechnique") return [cleStatut];
  if (champ === "finessJuridique" || champ === "contractualisationEditeur") return [champ];
  return ["certificatServeur", champ];
}

function validerPieces(brut: unknown, chemin: Chemin, c: Collecte): PieceImportee[] {
  if (brut === undefined || brut === null) return [];
  if (!Array.isArray(brut)) {
    c.erreur("FORMAT", "piecesJustificatives", "une liste de pièces est attendue", chemin);
    return [];
  }
  const pieces: PieceImportee[] = [];
  brut.forEach((p: unknown, k) => {
    const cheminP = [...chemin, k];
    if (!estObjet(p)) return c.objetAttendu("piecesJustificatives", cheminP);
    c.clesInconnues(p, CLES_PIECE, cheminP);
    const r = lecteurPiece.safeParse(p);
    if (!r.success) c.ajouter(problemesDepuisZod(r.error, cheminP));
    const cheminContenu = [...cheminP, "contenuBase64"];
    const b64 = p["contenuBase64"];
    let contenu: Uint8Array | null = null;
    if (estVide(b64))
      c.erreur("REQUIS", "contenuBase64", "le contenu du fichier PDF encodé en base64 est obligatoire", cheminContenu);
    else if (typeof b64 !== "string") c.erreur("FORMAT", "contenuBase64", "texte en base64 attendu", cheminContenu);
    else if (tailleBase64(b64) > PIECE_TAILLE_MAX)
      c.erreur("TROP_LONG", "contenuBase64", `${PIECE_TAILLE_MAX / (1024 * 1024)} Mio au maximum`, cheminContenu);
    else {
      contenu = decoderBase64(b64);
      const probleme = contenu ? problemeContenuPdf(contenu) : "encodage base64 valide attendu";
      if (probleme) {
        c.erreur(
          contenu && contenu.length > PIECE_TAILLE_MAX ? "TROP_LONG" : "FORMAT",
          "contenuBase64",
          probleme,
          cheminContenu,
        );
        contenu = null;
      }
    }
    if (r.success && contenu) pieces.push({ ...r.data, contenu });
  });
  return pieces;
}

function validerDemande(
  d: unknown,
  chemin: Chemin,
  options: OptionsImport,
  jourDepot: string,
  c: Collecte,
): DemandeImportee | null {
  if (!estObjet(d)) {
    c.objetAttendu("demandes", chemin);
    return null;
  }
  c.clesInconnues(d, CLES_DEMANDE, chemin);
  const entete = enteteSchema(options.montantMaxCentimes).safeParse(d);
  if (!entete.success) c.ajouter(problemesDepuisZod(entete.error, chemin));
  verifierContexte(d, chemin, options, jourDepot, c);

  let coordonnees: CoordonneesValeurs | null = null;
  const cb = d["coordonneesBancaires"];
  const cheminCb = [...chemin, "coordonneesBancaires"];
  if (estObjet(cb)) {
    c.clesInconnues(cb, CHAMPS_COORDONNEES, cheminCb);
    const r = validerCoordonnees(cb);
    c.ajouter([...r.erreurs, ...r.avertissements], cheminCb);
    coordonnees = r.valeur ?? null;
  } else if (cb !== undefined && cb !== null) c.objetAttendu("coordonneesBancaires", cheminCb);

  const beneficiaires: BeneficiaireValeurs[] = [];
  const administrateurs: AdministrateurValeurs[] = [];
  const brut = d["beneficiaires"];
  const cheminBs = [...chemin, "beneficiaires"];
  if (!Array.isArray(brut) || brut.length === 0) {
    c.erreur(
      estVide(brut) || Array.isArray(brut) ? "REQUIS" : "FORMAT",
      "beneficiaires",
      "une liste d’au moins un bénéficiaire est attendue",
      cheminBs,
    );
  } else {
    const finessBeneficiaires = brut
      .map((b) => champTexte(b, "finessJuridique"))
      .filter((f): f is string => f !== null);
    const dansPerimetre = perimetreCertificat(
      {
        type: String(d["type"] ?? ""),
        couloir: String(d["couloir"] ?? "")
          .trim()
          .toUpperCase(),
        dateDepot: options.dateDepot,
      },
      options.dateDebutCertificat,
    );
    const certificatsParFiness = new Map<string, number>();
    brut.forEach((b: unknown, j) => {
      const cheminB = [...cheminBs, j];
      if (!estObjet(b)) return c.objetAttendu("beneficiaires", cheminB);
      c.clesInconnues(b, CLES_BENEFICIAIRE, cheminB);
      const rb = validerBeneficiaire(b);
      c.ajouter([...rb.erreurs, ...rb.avertissements], cheminB);
      if (rb.valeur) beneficiaires.push(rb.valeur);

      const admin = validerCertificat(b, cheminB, dansPerimetre, finessBeneficiaires, c, options.dateDebutCertificat);
      if (admin === undefined) return;
      const finess = champTexte(b, "finessJuridique");
      if (finess !== null) {
        const premier = certificatsParFiness.get(finess);
        if (premier !== undefined) {
          c.erreurs.push(
            erreur(
              "DOUBLON_FINESS",
              "finessJuridique",
              `FINESS juridique : un seul certificat serveur par FINESS juridique dans une demande ; ${finess} est déjà demandé par le bénéficiaire n° ${premier + 1}.`,
              [...cheminB, "finessJuridique"],
            ),
          );
        } else certificatsParFiness.set(finess, j);
      }
      if (admin) administrateurs.push(admin);
    });
  }

  const pieces = validerPieces(d["piecesJustificatives"], [...chemin, "piecesJustificatives"], c);
  if (!entete.success) return null;
  const e = entete.data;
  return {
    chemin,
    type: e.type,
    couloir: e.couloir,
    numeroEditeur: e.numeroEditeur,
    logiciel: e.logiciel,
    dateCommande: e.dateCommande,
    montantCentimes: e.montantSegurDeclare,
    mandataire: e.mandataire,
    courrielContact: e.courrielContact,
    scenarioInstallation: e.scenarioInstallation,
    referenceFournisseur: e.referenceFournisseur,
    coordonneesBancaires: coordonnees,
    beneficiaires,
    administrateurs,
    pieces,
    avertissements: [],
  };
}

/**
 * Rules that depend on the import (its day, the API key's éditeur), checked on values that are
 * otherwise valid, whatever the demande's other errors: every problem is told at once.
 */
function verifierContexte(d: Objet, chemin: Chemin, options: OptionsImport, jourDepot: string, c: Collecte): void {
  const date = dateCommandeSchema.safeParse(d["dateCommande"]);
  const probleme = date.success && date.data ? problemeDateCommande(date.data, jourDepot) : null;
  if (probleme) c.erreur("VALEUR", "dateCommande", probleme, [...chemin, "dateCommande"]);
  const editeur = numeroEditeurSchema.safeParse(d["numeroEditeur"]);
  if (options.numeroEditeur && editeur.success && editeur.data !== options.numeroEditeur) {
    c.erreurs.push(
      erreur(
        "EDITEUR",
        "numeroEditeur",
        `Numéro éditeur : votre clé API est rattachée à l'éditeur ${options.numeroEditeur}, la demande indique « ${editeur.data} ».`,
        [...chemin, "numeroEditeur"],
      ),
    );
  }
}

function champTexte(v: unknown, cle: string): string | null {
  const s = estObjet(v) ? v[cle] : undefined;
  return typeof s === "string" && s.trim() !== "" ? normaliserFiness(s) : null;
}

/**
 * SPEC §3.3 for one bénéficiaire entry. Returns undefined when no certificate is requested,
 * null when one is requested but invalid, the administrateur otherwise.
 */
function validerCertificat(
  b: Objet,
  cheminB: Chemin,
  dansPerimetre: boolean,
  finessBeneficiaires: string[],
  c: Collecte,
  dateDebut: Date,
): AdministrateurValeurs | null | undefined {
  const demande = b["demandeCertificatServeur"];
  const cheminDemande = [...cheminB, "demandeCertificatServeur"];
  const cleOG = cleUtilisee(b, CLE_OG, "contractualisationOG", cheminB, c);
  const cleStatut = cleUtilisee(b, CLE_STATUT, "statutAdminTechnique", cheminB, c);
  const certificat = b["certificatServeur"];
  const cheminCertificat = [...cheminB, "certificatServeur"];

  if (demande !== true && demande !== false && demande !== undefined && demande !== null) {
    // Whether a certificate is ordered is unknown: no rule of either case would mean anything.
    c.erreur("FORMAT", "demandeCertificatServeur", ATTENDU_BOOLEEN, cheminDemande);
    return undefined;
  }
  if (demande !== true) {
    // No certificate ordered: every other key of the block must be empty.
    const interdit = (champ: string, path: Chemin) =>
      c.erreurs.push(
        erreur(
          "INTERDIT",
          champ,
          `${libelleChamp(champ)} : doit être vide (null) lorsque demandeCertificatServeur vaut false.`,
          path,
        ),
      );
    const champs: [string, string][] = [
      ...CLE_OG.map((k): [string, string] => [k, "contractualisationOG"]),
      ...CLE_STATUT.map((k): [string, string] => [k, "statutAdminTechnique"]),
      ["contractualisationEditeur", "contractualisationEditeur"],
    ];
    for (const [cle, champ] of champs) if (!estVide(b[cle])) interdit(champ, [...cheminB, cle]);
    if (estObjet(certificat)) {
      c.clesInconnues(certificat, CLES_CERTIFICAT, cheminCertificat);
      for (const cle of CLES_CERTIFICAT) if (!estVide(certificat[cle])) interdit(cle, [...cheminCertificat, cle]);
    } else if (!estVide(certificat)) interdit("certificatServeur", cheminCertificat);
    return undefined;
  }

  if (!dansPerimetre) {
    c.erreurs.push(
      erreur(
        "HORS_PERIMETRE",
        "demandeCertificatServeur",
        `Demande de certificat serveur : possible uniquement pour une demande d'AVANCE des couloirs MS1 ou MS2 déposée à partir du ${formatDate(dateDebut)}.`,
        cheminDemande,
      ),
    );
  }
  let champsCertificat: Objet = {};
  if (estObjet(certificat)) {
    c.clesInconnues(certificat, CLES_CERTIFICAT, cheminCertificat);
    champsCertificat = certificat;
  } else if (certificat !== undefined && certificat !== null) c.objetAttendu("certificatServeur", cheminCertificat);

  const entree: Objet = {
    finessJuridique: b["finessJuridique"],
    contractualisationOG: b[cleOG],
    statutAdminTechnique: b[cleStatut],
    contractualisationEditeur: b["contractualisationEditeur"],
  };
  for (const cle of CLES_CERTIFICAT) entree[cle] = champsCertificat[cle];
  const r = validerAdministrateur(entree, { finessBeneficiaires });
  c.ajouter([...r.erreurs, ...r.avertissements], cheminB, (p) => cheminJson(p.champ, cleOG, cleStatut));
  return r.valeur && dansPerimetre ? r.valeur : null;
}

/**
 * Checks a whole import document ({ "demandes": [...] } or one demande object) and reports
 * every problem with its JSON path. Errors block; warnings (FINESS key, phone, unknown keys) do not.
 */
export function validerDocumentImport(json: unknown, options: OptionsImport): ResultatImport {
  const erreurs: Probleme[] = [];
  const avertissements: Probleme[] = [];
  const demandes: DemandeImportee[] = [];
  if (!estObjet(json)) {
    erreurs.push(
      // Named after the key the document should hold, so that every problem points at a field.
      erreur(
        "FORMAT",
        "demandes",
        'Document : un objet JSON est attendu, { "demandes": [ … ] } ou une demande seule.',
        ["demandes"],
      ),
    );
    return { demandes, erreurs, avertissements };
  }

  let entrees: { valeur: unknown; chemin: Chemin }[] = [];
  if ("demandes" in json) {
    const racine = new Collecte();
    racine.clesInconnues(json, ["demandes"], []);
    avertissements.push(...racine.avertissements);
    const liste = json["demandes"];
    if (!Array.isArray(liste) || liste.length === 0) {
      erreurs.push(
        erreur(
          Array.isArray(liste) ? "REQUIS" : "FORMAT",
          "demandes",
          "Demandes : une liste d’au moins une demande est attendue.",
          ["demandes"],
        ),
      );
    } else entrees = liste.map((valeur: unknown, i) => ({ valeur, chemin: ["demandes", i] }));
  } else entrees = [{ valeur: json, chemin: [] }];

  const references = new Set<string>();
  // Once per file: formatting a date in Paris time is costly and the day is the same for all.
  const jourDepot = jourParis(options.dateDepot);
  for (const { valeur, chemin } of entrees) {
    const c = new Collecte();
    const demande = validerDemande(valeur, chemin, options, jourDepot, c);
    const ref = demande?.referenceFournisseur;
    if (ref) {
      const cle = `${demande.numeroEditeur}/${ref}`;
      if (references.has(cle)) {
        c.erreurs.push(
          erreur(
            "DOUBLON_REFERENCE",
            "referenceFournisseur",
            `Référence fournisseur : « ${ref} » figure déjà plus haut dans le fichier ; une référence identifie une seule demande.`,
            [...chemin, "referenceFournisseur"],
          ),
        );
      }
      references.add(cle);
    }
    const e = dedoublonner(c.erreurs);
    const a = dedoublonner(c.avertissements);
    erreurs.push(...e);
    avertissements.push(...a);
    if (demande && e.length === 0) demandes.push({ ...demande, avertissements: a });
  }
  return { demandes, erreurs, avertissements };
}
