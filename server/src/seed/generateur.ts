import { finessCleValide, PDF_MINIMAL_BASE64, type BeneficiaireJson, type DemandeJson } from "@segur/shared";

/** Small deterministic PRNG (mulberry32): the same seed gives the same demo data. */
export function aleatoire(graine: number) {
  let a = graine >>> 0;
  const suivant = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const entier = (min: number, max: number) => min + Math.floor(suivant() * (max - min + 1));
  const choix = <T>(l: readonly T[]): T => l[Math.floor(suivant() * l.length)]!;
  return { suivant, entier, choix };
}
export type Aleatoire = ReturnType<typeof aleatoire>;

const PRENOMS = [
  "Camille",
  "Julien",
  "Sophie",
  "Nicolas",
  "Élodie",
  "Thomas",
  "Léa",
  "Mathieu",
  "Chloé",
  "Antoine",
  "Inès",
  "Hugo",
  "Manon",
  "Loïc",
  "Anaïs",
  "Rémi",
];
const NOMS = [
  "MARTIN",
  "BERNARD",
  "DUBOIS",
  "THOMAS",
  "ROBERT",
  "RICHARD",
  "PETIT",
  "DURAND",
  "LEROY",
  "MOREAU",
  "SIMON",
  "LAURENT",
  "LEFÈVRE",
  "MICHEL",
  "GARCIA",
  "D'ALMEIDA",
  "LE GOFF",
  "FAURE",
];
const STRUCTURES = [
  "EHPAD Les Tilleuls",
  "Foyer de vie Les Mimosas",
  "IME Les Cèdres",
  "MAS La Roseraie",
  "SESSAD Horizon",
  "ESAT Les Ateliers du Lac",
  "FAM Le Clos Fleuri",
  "Résidence Saint-Joseph",
];
const LOGICIELS = ["DUI-PDS", "NETSoins", "Titan", "Medisys ESMS", "AirMES", "SoinsPlus"];
const DEPARTEMENTS = ["01", "13", "2A", "2B", "33", "44", "59", "69", "75", "971", "974"];
const BICS = [
  ["FR7630006000011234567890189", "AGRIFRPP"],
  ["FR7611808009101234567890147", "CMCIFRPA"],
  ["FR1420041010050500013M02606", "PSSTFRPP"],
] as const;

/** A FINESS with a correct Luhn key (département then digits, key computed). */
export function finessValide(r: Aleatoire, departement = r.choix(DEPARTEMENTS)): string {
  const dep = departement.length === 3 ? departement.slice(0, 2) : departement;
  const base = `${dep}${String(r.entier(0, 999999)).padStart(6, "0")}`;
  for (let k = 0; k <= 9; k++) if (finessCleValide(`${base}${k}`)) return `${base}${k}`;
  return `${base}0`;
}

function sansAccents(s: string) {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();
}

function personne(r: Aleatoire) {
  const prenom = r.choix(PRENOMS);
  const nom = r.choix(NOMS);
  return {
    prenom,
    nom,
    email: `${sansAccents(prenom).charAt(0)}.${sansAccents(nom)}@${r.choix(["mail.com", "structure-sante.fr", "esms.fr"])}`,
    tel: `06${String(r.entier(10000000, 99999999))}`,
  };
}

/** A realistic demande d'import; certificates only where the scope allows them. */
export function demandeAleatoire(
  r: Aleatoire,
  i: number,
  avecCertificats: boolean,
  type: "AVANCE" | "SOLDE",
  couloir: string,
  dateDepot: Date,
  { beneficiaires: [min, max] = [1, 5] }: { beneficiaires?: [number, number] } = {},
): DemandeJson {
  const numeroEditeur = String(r.choix([1, 17, 40, 52, 108])).padStart(5, "0");
  const nb = r.entier(min, max);
  const beneficiaires: BeneficiaireJson[] = [];
  const juridiques = new Set<string>();
  for (let k = 0; k < nb; k++) {
    const resp = personne(r);
    const fj = k > 0 && r.suivant() < 0.25 ? [...juridiques][0]! : finessValide(r);
    const nouveauJuridique = !juridiques.has(fj);
    juridiques.add(fj);
    const certificat = avecCertificats && nouveauJuridique && r.suivant() < 0.8;
    const og = r.suivant() < 0.5;
    const statut = r.choix(["E", "S"] as const);
    const editeur = r.suivant() < 0.5;
    const admin = personne(r);
    beneficiaires.push({
      nomResponsable: `${resp.prenom} ${resp.nom}`,
      emailResponsable: resp.email,
      telResponsable: `05${String(r.entier(10000000, 99999999))}`,
      finessJuridique: fj,
      finessGeographique: finessValide(r, fj.slice(0, 2)),
      presentSolde: type === "SOLDE",
      ancienneVersion: r.suivant() < 0.5 ? "version 2019" : null,
      maitreIdentite: r.choix(["Logiciel DUI", "Serveur d'identités régional"]),
      stockageIdentite: "Base DUI",
      operateurMessagerie: r.choix(["MSSanté Mailiz", "Apicrypt", "Lifen"]),
      demandeCertificatServeur: certificat,
      contracutualisationOG: certificat ? og : null,
      StatutAdminTechnique: certificat ? statut : null,
      contractualisationEditeur: certificat ? editeur : null,
      certificatServeur: certificat
        ? {
            numeroCarteCPX: String(r.entier(1000000000, 9999999999)),
            nomAdminTechnique: admin.nom.replace(/[^\p{L} '-]/gu, "").slice(0, 25),
            telAdminTechnique: admin.tel,
            emailAdminTechnique: admin.email,
            utiliteCertificat: r.choix(["DMP", "INS", "DMP, INS"] as const),
          }
        : null,
    });
  }
  const [iban, bic] = r.choix(BICS);
  const structure = r.choix(STRUCTURES);
  return {
    type,
    couloir,
    numeroEditeur,
    logiciel: r.choix(LOGICIELS),
    // Ordered up to about 13 months before the deposit: a commande never follows its demande.
    dateCommande: new Date(
      dateDepot.getTime() - ((r.entier(0, 3) * 336 + r.entier(0, 11) * 28 + r.entier(0, 27)) % 400) * 86_400_000,
    )
      .toISOString()
      .slice(0, 10),
    montantSegurDeclare: `${r.entier(800, 48000)}.${String(r.entier(0, 99)).padStart(2, "0")}`,
    mandataire: nb > 2 && r.suivant() < 0.3,
    courrielContact: `contact@editeur-${numeroEditeur}.fr`,
    scenarioInstallation: `Déploiement ${r.choix(["SaaS", "sur site", "hybride"])} pour ${structure} (${nb} établissement${nb > 1 ? "s" : ""}).`,
    coordonneesBancaires: {
      iban,
      bic,
      titulaire: structure.toUpperCase(),
      domiciliation: r.choix(["BFCM STRASBOURG SIEGE", "CA AQUITAINE", "LA BANQUE POSTALE PARIS"]),
    },
    beneficiaires,
    piecesJustificatives: [
      {
        nomFichier: `${couloir.toLowerCase()}-va-${String(i).padStart(5, "0")}.pdf`,
        type: "VA",
        contenuBase64: PDF_MINIMAL_BASE64,
      },
    ],
  };
}
