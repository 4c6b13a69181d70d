// A small typed client of the Ségur GraphQL API for suppliers (fournisseurs), with plain
// `fetch` and no GraphQL library: what an éditeur's integration needs, and nothing more.
// Documentation: docs/api.md. The whole flow using it: ./parcours.ts.

// ---- transport ---------------------------------------------------------------------------------

export interface OptionsClient {
  /** Server root (`http://localhost:4000`) or the endpoint itself (`…/graphql`). */
  url: string;
  /** API key `sgr_<prefixe>_<secret>`, sent as `Authorization: Bearer …`. */
  cle: string;
  /** Another fetch (tests, proxies); the global one by default. */
  fetch?: typeof fetch;
}

/** One top-level GraphQL error, as the server sends it. */
export interface ErreurGraphQLBrute {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [k: string]: unknown };
}

/**
 * A request that did not give data: HTTP error, top-level GraphQL error (unauthenticated key,
 * invalid query, depth / cost limits…). Business refusals are NOT thrown: they are union
 * members of the mutation's result (see `ErreurApi`).
 */
export class ErreurRequete extends Error {
  constructor(
    message: string,
    /** `extensions.code` of the first error (e.g. `UNAUTHENTICATED`), or `HTTP_<status>`. */
    readonly code: string | null,
    readonly statut: number,
    readonly erreurs: ErreurGraphQLBrute[] = [],
  ) {
    super(message);
    this.name = "ErreurRequete";
  }
}

export interface ClientFournisseur {
  /** The GraphQL endpoint actually called. */
  readonly endpoint: string;
  /** Runs one operation; answers `data`, throws `ErreurRequete` on any top-level error. */
  requete<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /**
   * Same, as a GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec):
   * each entry of `fichiers` is the dotted path of a variable that receives the file.
   */
  requeteMultipart<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown>,
    fichiers: Record<string, { contenu: Uint8Array; nomFichier: string; typeMime?: string }>,
  ): Promise<T>;
}

export function creerClient({ url, cle, fetch: f = fetch }: OptionsClient): ClientFournisseur {
  const endpoint = /\/graphql\/?$/.test(url) ? url : `${url.replace(/\/+$/, "")}/graphql`;
  const authorization = `Bearer ${cle.trim()}`;

  async function lire<T>(reponse: Response): Promise<T> {
    const texte = await reponse.text();
    const corps = ((): { data?: T | null; errors?: ErreurGraphQLBrute[] } | null => {
      try {
        return JSON.parse(texte) as { data?: T | null; errors?: ErreurGraphQLBrute[] };
      } catch {
        return null; // not JSON: a proxy page, a 415 for a simple content type…
      }
    })();
    const erreurs = corps?.errors ?? [];
    if (erreurs.length) {
      const code = erreurs[0]?.extensions?.code ?? null;
      throw new ErreurRequete(erreurs.map((e) => e.message).join(" ; "), code, reponse.status, erreurs);
    }
    if (!reponse.ok || !corps || corps.data == null) {
      throw new ErreurRequete(
        `Réponse HTTP ${reponse.status} inattendue : ${texte.slice(0, 200)}`,
        `HTTP_${reponse.status}`,
        reponse.status,
      );
    }
    return corps.data;
  }

  return {
    endpoint,
    async requete<T>(query: string, variables: Record<string, unknown> = {}) {
      const reponse = await f(endpoint, {
        method: "POST",
        // content-type application/json is a non-simple header: it satisfies the CSRF check.
        headers: { "content-type": "application/json", accept: "application/json", authorization },
        body: JSON.stringify({ query, variables }),
      });
      return lire<T>(reponse);
    },
    async requeteMultipart<T>(
      query: string,
      variables: Record<string, unknown>,
      fichiers: Record<string, { contenu: Uint8Array; nomFichier: string; typeMime?: string }>,
    ) {
      const form = new FormData();
      const chemins = Object.keys(fichiers);
      form.append("operations", JSON.stringify({ query, variables }));
      form.append("map", JSON.stringify(Object.fromEntries(chemins.map((c, i) => [String(i), [`variables.${c}`]]))));
      chemins.forEach((c, i) => {
        const { contenu, nomFichier, typeMime = "application/pdf" } = fichiers[c]!;
        form.append(String(i), new Blob([new Uint8Array(contenu)], { type: typeMime }), nomFichier);
      });
      // multipart/form-data is a "simple" content type: x-graphql-csrf marks the request as not
      // forged (the Authorization header would be enough, but a browser client needs it).
      const reponse = await f(endpoint, {
        method: "POST",
        headers: { authorization, "x-graphql-csrf": "1", accept: "application/json" },
        body: form,
      });
      return lire<T>(reponse);
    },
  };
}

// ---- types of the answers ----------------------------------------------------------------------

export type StatutDemande = "EN_COURS" | "DECIDEE" | "EN_ATTENTE_PIECE" | "A_MODIFIER" | "REGULARISATION_EN_COURS";
export type Bloc =
  "INFORMATIONS" | "COORDONNEES_BANCAIRES" | "BENEFICIAIRES" | "ADMINISTRATEURS" | "PIECES" | "COURRIELS";
export type UtiliteCertificat = "DMP" | "INS" | "DMP_INS";
export type EtatLigneApercu = "AJOUTEE" | "MODIFIEE" | "SUPPRIMEE" | "INCHANGEE";

export interface Probleme {
  code: string;
  message: string;
  path: string[];
  champ: string;
  gravite: "ERREUR" | "AVERTISSEMENT";
}

/** Business refusals: union members of every mutation result, told apart by `__typename`. */
export type ErreurApi =
  | { __typename: "ErreurValidation"; code: string; message: string; path: string[] | null; problemes: Probleme[] }
  | { __typename: "ErreurConflit"; code: string; message: string; path: string[] | null; versionActuelle: number }
  | { __typename: "ErreurVerrouillage"; code: string; message: string; path: string[] | null; bloc: Bloc }
  | {
      __typename: "ErreurEtat" | "ErreurIntrouvable" | "ErreurAutorisation";
      code: string;
      message: string;
      path: string[] | null;
    };

/** A mutation's result: its success member, or one of the errors. */
export type Resultat<Nom extends string, Donnees> = ({ __typename: Nom } & Donnees) | ErreurApi;

export const estErreur = (r: { __typename: string }): r is ErreurApi => r.__typename.startsWith("Erreur");

/** French one-paragraph description of a refusal, with each field problem on its own line. */
export function decrireErreur(e: ErreurApi): string {
  const lignes = [`${e.message} [${e.__typename} ${e.code}${e.path ? ` ${e.path.join(".")}` : ""}]`];
  if (e.__typename === "ErreurValidation") {
    for (const p of e.problemes)
      lignes.push(
        `  - ${p.gravite === "ERREUR" ? "erreur" : "avertissement"} ${p.code} à ${p.path.join(".")} : ${p.message}`,
      );
  }
  if (e.__typename === "ErreurConflit") lignes.push(`  version actuelle de la demande : ${e.versionActuelle}`);
  if (e.__typename === "ErreurVerrouillage") lignes.push(`  bloc verrouillé : ${e.bloc}`);
  return lignes.join("\n");
}

export interface Moi {
  nom: string;
  role: "GESTIONNAIRE" | "AUDITEUR" | "FOURNISSEUR";
  numeroEditeur: string | null;
}

export interface ValeursAdministrateur {
  finessJuridique: string | null;
  contractualisationOG: boolean | null;
  statutAdminTechnique: "E" | "S" | null;
  contractualisationEditeur: boolean | null;
  numeroCarteCPX: string | null;
  nomAdminTechnique: string | null;
  telAdminTechnique: string | null;
  emailAdminTechnique: string | null;
  utiliteCertificat: UtiliteCertificat | null;
}

export interface Validation {
  etat: "A_VALIDER" | "VALIDEE" | "REJETEE";
  motif: string | null;
}

export interface ResumeDemande {
  numero: string;
  type: "AVANCE" | "SOLDE";
  couloir: string;
  logiciel: string;
  dateDepot: string;
  statut: StatutDemande;
  etatPaiement: "AUCUN" | "EN_COURS" | "PAYE";
  montant: string;
  versionCourante: number;
}

export interface Demande extends ResumeDemande {
  numeroEditeur: string;
  dateCommande: string | null;
  montantFormate: string;
  mandataire: boolean;
  courrielContact: string | null;
  scenarioInstallation: string | null;
  derniereModification: string | null;
  blocCertificatVisible: boolean;
  droits: { modifier: boolean };
  blocs: { bloc: Bloc; verrouille: boolean; nombreLignes: number; nombreValidees: number; nombreRejetees: number }[];
  coordonneesBancaires: {
    iban: string;
    ibanFormate: string;
    bic: string;
    titulaire: string;
    domiciliation: string;
    validation: Validation;
  } | null;
  beneficiaires: {
    cle: string;
    nomResponsable: string;
    emailResponsable: string;
    telResponsable: string;
    finessJuridique: string;
    finessGeographique: string;
    presentSolde: boolean;
    ancienneVersion: string | null;
    maitreIdentite: string | null;
    stockageIdentite: string | null;
    operateurMessagerie: string | null;
    validation: Validation;
    avertissements: Probleme[];
  }[];
  administrateurs: (Omit<ValeursAdministrateur, "finessJuridique"> & {
    finessJuridique: string;
    validation: Validation;
    transmisLe: string | null;
    avertissements: Probleme[];
  })[];
  pieces: {
    cle: string;
    nomFichier: string;
    type: "VA" | "FACTURE";
    taille: number;
    deposeLe: string;
    url: string;
    validation: Validation;
  }[];
  /** `etat`: EN_ATTENTE, ENVOYE or ECHEC; `dateEnvoi` is null until the mail server accepted it. */
  courriels: {
    destinataire: string;
    sujet: string;
    corps: string;
    creeLe: string;
    etat: "EN_ATTENTE" | "ENVOYE" | "ECHEC";
    dateEnvoi: string | null;
  }[];
  versions: {
    numero: number;
    auteur: string;
    role: string;
    creeLe: string;
    commentaire: string | null;
    nombreChangements: number;
  }[];
}

export interface LigneApercuAdministrateur {
  cle: string;
  etat: EtatLigneApercu;
  champsModifies: string[];
  valeurs: ValeursAdministrateur;
  original: ValeursAdministrateur | null;
  avertissements: Probleme[];
}

export interface Brouillon {
  numero: string;
  versionBase: number;
  versionCourante: number;
  aJour: boolean;
  nombreModifications: number;
  administrateurs: LigneApercuAdministrateur[];
  beneficiaires: { cle: string; etat: EtatLigneApercu; champsModifies: string[] }[];
  pieces: { cle: string; etat: EtatLigneApercu; valeurs: { nomFichier: string | null; type: string | null } }[];
  coordonneesBancaires: { etat: EtatLigneApercu; champsModifies: string[] } | null;
}

export interface Changement {
  bloc: Bloc;
  cle: string;
  nature: "AJOUT" | "MODIFICATION" | "SUPPRESSION";
  champ: string;
  ancienneValeur: string | null;
  nouvelleValeur: string | null;
}

export interface Version {
  numero: number;
  auteur: string;
  role: string;
  creeLe: string;
  commentaire: string | null;
  changements: Changement[];
}

// ---- operations (every string here is checked against the schema; see docs/api.md) -----------

/**
 * Selection of the error members. A fragment on a type outside the union is invalid GraphQL:
 * `demandesImporter` (ErreurValidation | ErreurAutorisation) and `brouillonAbandonner`
 * (ErreurIntrouvable) take the short form; the draft mutations the full one.
 */
export const CHAMPS_ERREUR_COURTS = `__typename
  ... on Erreur { code message path }`;
export const CHAMPS_ERREUR = `${CHAMPS_ERREUR_COURTS}
  ... on ErreurValidation { problemes { code message path champ gravite } }
  ... on ErreurConflit { versionActuelle }
  ... on ErreurVerrouillage { bloc }`;

export const FRAGMENT_BROUILLON = `fragment Apercu on Brouillon {
  numero versionBase versionCourante aJour nombreModifications
  administrateurs {
    cle etat champsModifies
    valeurs { finessJuridique contractualisationOG statutAdminTechnique contractualisationEditeur numeroCarteCPX nomAdminTechnique telAdminTechnique emailAdminTechnique utiliteCertificat }
    original { finessJuridique contractualisationOG statutAdminTechnique contractualisationEditeur numeroCarteCPX nomAdminTechnique telAdminTechnique emailAdminTechnique utiliteCertificat }
    avertissements { code message path champ gravite }
  }
  beneficiaires { cle etat champsModifies }
  pieces { cle etat valeurs { nomFichier type } }
  coordonneesBancaires { etat champsModifies }
}`;

const FRAGMENT_VERSION = `fragment VersionComplete on Version {
  numero auteur role creeLe commentaire
  changements { bloc cle nature champ ancienneValeur nouvelleValeur }
}`;

export const OPERATIONS = {
  moi: `query Moi { moi { nom role numeroEditeur } }`,

  importer: `mutation Importer($input: DemandesImporterInput!) {
  demandesImporter(input: $input) {
    ${CHAMPS_ERREUR_COURTS}
    ... on ErreurValidation { problemes { code message path champ gravite } }
    ... on DemandesImporterSucces {
      resultat {
        demandes { numero type couloir logiciel dateDepot statut etatPaiement montant versionCourante }
        avertissements { code message path champ gravite }
      }
    }
  }
}`,

  lister: `query MesDemandes($filtre: FiltreDemandes, $tri: TriDemandes, $ordre: Ordre, $first: Int, $after: String) {
  demandes(filtre: $filtre, tri: $tri, ordre: $ordre, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { numero type couloir logiciel dateDepot statut etatPaiement montant versionCourante } }
  }
}`,

  lire: `query Demande($numero: String!) {
  demande(numero: $numero) {
    numero type couloir numeroEditeur logiciel dateDepot dateCommande statut etatPaiement montant montantFormate
    mandataire courrielContact scenarioInstallation versionCourante derniereModification blocCertificatVisible
    droits { modifier }
    blocs { bloc verrouille nombreLignes nombreValidees nombreRejetees }
    coordonneesBancaires { iban ibanFormate bic titulaire domiciliation validation { etat motif } }
    beneficiaires {
      cle nomResponsable emailResponsable telResponsable finessJuridique finessGeographique presentSolde
      ancienneVersion maitreIdentite stockageIdentite operateurMessagerie
      validation { etat motif } avertissements { code message path champ gravite }
    }
    administrateurs {
      finessJuridique contractualisationOG statutAdminTechnique contractualisationEditeur numeroCarteCPX
      nomAdminTechnique telAdminTechnique emailAdminTechnique utiliteCertificat transmisLe
      validation { etat motif } avertissements { code message path champ gravite }
    }
    pieces { cle nomFichier type taille deposeLe url validation { etat motif } }
    courriels { destinataire sujet corps creeLe etat dateEnvoi }
    versions { numero auteur role creeLe commentaire nombreChangements }
  }
}`,

  brouillon: `${FRAGMENT_BROUILLON}
query Brouillon($numero: String!) { brouillon(numero: $numero) { ...Apercu } }`,

  ouvrir: `${FRAGMENT_BROUILLON}
mutation Ouvrir($input: BrouillonOuvrirInput!) {
  brouillonOuvrir(input: $input) { ${CHAMPS_ERREUR} ... on BrouillonOuvrirSucces { brouillon { ...Apercu } } }
}`,

  administrateurAjouter: `${FRAGMENT_BROUILLON}
mutation AdministrateurAjouter($input: AdministrateurAjouterInput!) {
  administrateurAjouter(input: $input) { ${CHAMPS_ERREUR} ... on AdministrateurAjouterSucces { brouillon { ...Apercu } } }
}`,

  administrateurModifier: `${FRAGMENT_BROUILLON}
mutation AdministrateurModifier($input: AdministrateurModifierInput!) {
  administrateurModifier(input: $input) { ${CHAMPS_ERREUR} ... on AdministrateurModifierSucces { brouillon { ...Apercu } } }
}`,

  administrateurSupprimer: `${FRAGMENT_BROUILLON}
mutation AdministrateurSupprimer($input: AdministrateurSupprimerInput!) {
  administrateurSupprimer(input: $input) { ${CHAMPS_ERREUR} ... on AdministrateurSupprimerSucces { brouillon { ...Apercu } } }
}`,

  pieceAjouter: `${FRAGMENT_BROUILLON}
mutation PieceAjouter($input: PieceAjouterInput!) {
  pieceAjouter(input: $input) { ${CHAMPS_ERREUR} ... on PieceAjouterSucces { brouillon { ...Apercu } } }
}`,

  operationAnnuler: `${FRAGMENT_BROUILLON}
mutation OperationAnnuler($input: BrouillonOperationAnnulerInput!) {
  brouillonOperationAnnuler(input: $input) { ${CHAMPS_ERREUR} ... on BrouillonOperationAnnulerSucces { brouillon { ...Apercu } } }
}`,

  rebaser: `${FRAGMENT_BROUILLON}
mutation Rebaser($input: BrouillonRebaserInput!) {
  brouillonRebaser(input: $input) { ${CHAMPS_ERREUR} ... on BrouillonRebaserSucces { brouillon { ...Apercu } } }
}`,

  abandonner: `mutation Abandonner($input: BrouillonAbandonnerInput!) {
  brouillonAbandonner(input: $input) { ${CHAMPS_ERREUR_COURTS} ... on BrouillonAbandonnerSucces { abandonne } }
}`,

  confirmer: `${FRAGMENT_VERSION}
mutation Confirmer($input: BrouillonConfirmerInput!) {
  brouillonConfirmer(input: $input) {
    ${CHAMPS_ERREUR}
    ... on BrouillonConfirmerSucces {
      confirmation {
        version { ...VersionComplete }
        demande { numero statut versionCourante derniereModification }
      }
    }
  }
}`,

  version: `${FRAGMENT_VERSION}
query DemandeALaVersion($numero: String!, $version: Int!) {
  demandeALaVersion(numero: $numero, version: $version) {
    version { ...VersionComplete }
    administrateurs { cle valeurs { finessJuridique nomAdminTechnique numeroCarteCPX utiliteCertificat } }
  }
}`,

  comparer: `query Comparer($numero: String!, $de: Int!, $a: Int!) {
  demandeComparer(numero: $numero, de: $de, a: $a) { bloc cle nature champ ancienneValeur nouvelleValeur }
}`,
} as const;

// ---- helpers, one per step of the supplier flow ------------------------------------------------

export type ResultatBrouillon<Nom extends string> = Resultat<Nom, { brouillon: Brouillon }>;
export type ResultatImport = Resultat<
  "DemandesImporterSucces",
  { resultat: { demandes: ResumeDemande[]; avertissements: Probleme[] } }
>;
export type ResultatConfirmation = Resultat<
  "BrouillonConfirmerSucces",
  {
    confirmation: {
      version: Version;
      demande: { numero: string; statut: StatutDemande; versionCourante: number; derniereModification: string | null };
    };
  }
>;
export type ResultatAbandon = Resultat<"BrouillonAbandonnerSucces", { abandonne: boolean }>;

/** Values of a certificate request; every field is sent (an omitted one becomes null). */
export type AdministrateurValeurs = Omit<ValeursAdministrateur, "finessJuridique">;

export const moi = async (c: ClientFournisseur) => (await c.requete<{ moi: Moi | null }>(OPERATIONS.moi)).moi;

/** `document`: `{ demandes: [...] }` or one demande (docs/import-format.md). All or nothing. */
export const importerDemandes = async (c: ClientFournisseur, document: unknown) =>
  (await c.requete<{ demandesImporter: ResultatImport }>(OPERATIONS.importer, { input: { document } }))
    .demandesImporter;

export interface FiltreDemandes {
  numero?: string;
  type?: "AVANCE" | "SOLDE";
  statut?: StatutDemande;
  etatPaiement?: "AUCUN" | "EN_COURS" | "PAYE";
  logiciel?: string;
  deposeeApres?: string;
  deposeeAvant?: string;
}

export interface PageDemandes {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: ResumeDemande }[];
}

export async function listerDemandes(
  c: ClientFournisseur,
  o: { filtre?: FiltreDemandes; tri?: string; ordre?: "ASC" | "DESC"; first?: number; after?: string | null } = {},
): Promise<PageDemandes> {
  return (await c.requete<{ demandes: PageDemandes }>(OPERATIONS.lister, { ...o, after: o.after ?? null })).demandes;
}

/** Every demande matching the filter, page after page (cursor pagination, 200 at most per page). */
export async function toutesMesDemandes(c: ClientFournisseur, filtre: FiltreDemandes = {}, taillePage = 100) {
  const demandes: ResumeDemande[] = [];
  let after: string | null = null;
  let totalCount: number;
  for (;;) {
    const page = await listerDemandes(c, { filtre, tri: "NUMERO", ordre: "ASC", first: taillePage, after });
    totalCount = page.totalCount;
    demandes.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  return { totalCount, demandes };
}

/** The demande with every block; null if it does not exist or is not this supplier's. */
export const lireDemande = async (c: ClientFournisseur, numero: string) =>
  (await c.requete<{ demande: Demande | null }>(OPERATIONS.lire, { numero })).demande;

export const lireBrouillon = async (c: ClientFournisseur, numero: string) =>
  (await c.requete<{ brouillon: Brouillon | null }>(OPERATIONS.brouillon, { numero })).brouillon;

export const ouvrirBrouillon = async (c: ClientFournisseur, numero: string) =>
  (
    await c.requete<{ brouillonOuvrir: ResultatBrouillon<"BrouillonOuvrirSucces"> }>(OPERATIONS.ouvrir, {
      input: { numero },
    })
  ).brouillonOuvrir;

export const ajouterAdministrateur = async (
  c: ClientFournisseur,
  numero: string,
  valeurs: AdministrateurValeurs & { finessJuridique: string },
) =>
  (
    await c.requete<{ administrateurAjouter: ResultatBrouillon<"AdministrateurAjouterSucces"> }>(
      OPERATIONS.administrateurAjouter,
      { input: { numero, valeurs } },
    )
  ).administrateurAjouter;

/** Replaces the row's values (its FINESS juridique, the row's identity, does not change). */
export const modifierAdministrateur = async (
  c: ClientFournisseur,
  numero: string,
  finessJuridique: string,
  valeurs: AdministrateurValeurs,
) =>
  (
    await c.requete<{ administrateurModifier: ResultatBrouillon<"AdministrateurModifierSucces"> }>(
      OPERATIONS.administrateurModifier,
      {
        input: { numero, finessJuridique, valeurs },
      },
    )
  ).administrateurModifier;

export const supprimerAdministrateur = async (c: ClientFournisseur, numero: string, finessJuridique: string) =>
  (
    await c.requete<{ administrateurSupprimer: ResultatBrouillon<"AdministrateurSupprimerSucces"> }>(
      OPERATIONS.administrateurSupprimer,
      {
        input: { numero, finessJuridique },
      },
    )
  ).administrateurSupprimer;

/** Stages a new pièce justificative (PDF, 10 MiB at most), sent as a multipart request. */
export const ajouterPiece = async (
  c: ClientFournisseur,
  numero: string,
  type: "VA" | "FACTURE",
  fichier: { contenu: Uint8Array; nomFichier: string },
) =>
  (
    await c.requeteMultipart<{ pieceAjouter: ResultatBrouillon<"PieceAjouterSucces"> }>(
      OPERATIONS.pieceAjouter,
      { input: { numero, type, fichier: null } },
      { "input.fichier": { ...fichier, typeMime: "application/pdf" } },
    )
  ).pieceAjouter;

/** Drops the staged change of one row (`cle`: FINESS juridique for the administrateurs). */
export const annulerOperation = async (c: ClientFournisseur, numero: string, bloc: Bloc, cle: string) =>
  (
    await c.requete<{ brouillonOperationAnnuler: ResultatBrouillon<"BrouillonOperationAnnulerSucces"> }>(
      OPERATIONS.operationAnnuler,
      {
        input: { numero, bloc, cle },
      },
    )
  ).brouillonOperationAnnuler;

export const rebaserBrouillon = async (c: ClientFournisseur, numero: string) =>
  (
    await c.requete<{ brouillonRebaser: ResultatBrouillon<"BrouillonRebaserSucces"> }>(OPERATIONS.rebaser, {
      input: { numero },
    })
  ).brouillonRebaser;

export const abandonnerBrouillon = async (c: ClientFournisseur, numero: string) =>
  (await c.requete<{ brouillonAbandonner: ResultatAbandon }>(OPERATIONS.abandonner, { input: { numero } }))
    .brouillonAbandonner;

export const confirmerBrouillon = async (
  c: ClientFournisseur,
  numero: string,
  versionBase: number,
  commentaire?: string,
) =>
  (
    await c.requete<{ brouillonConfirmer: ResultatConfirmation }>(OPERATIONS.confirmer, {
      input: { numero, versionBase, commentaire: commentaire ?? null },
    })
  ).brouillonConfirmer;

export const lireVersion = async (c: ClientFournisseur, numero: string, version: number) =>
  (
    await c.requete<{
      demandeALaVersion: {
        version: Version;
        administrateurs: { cle: string; valeurs: Partial<ValeursAdministrateur> }[];
      } | null;
    }>(OPERATIONS.version, { numero, version })
  ).demandeALaVersion;

export const comparerVersions = async (c: ClientFournisseur, numero: string, de: number, a: number) =>
  (await c.requete<{ demandeComparer: Changement[] | null }>(OPERATIONS.comparer, { numero, de, a })).demandeComparer;
