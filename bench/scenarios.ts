// The scenarios: each is the product through the full GraphQL stack (`app.fetch`) and,
// where one exists, the floor (the same result by minimal SQL, better-sqlite3, same file).
import { aleatoire, demandeAleatoire, finessValide } from "../server/src/seed/generateur.js";
import type { AppBench } from "./app.js";
import { verifier } from "./mesure.js";
import type { Plancher } from "./plancher.js";
import type { PlancherScenarios } from "./plancher-postgresql.js";

export interface Scenario {
  nom: string;
  produit: () => Promise<unknown>;
  plancher?: () => unknown;
  /** Untimed work before each run (a draft to confirm). */
  preparer?: () => Promise<unknown>;
  runs?: number;
  /** Turns a p50 in ms into the scenario's own unit (demandes/s for the import). */
  debit?: (p50: number) => string;
}

export const LISTE = `query($f: FiltreDemandes) { demandes(filtre: $f, tri: DATE_DEPOT, ordre: DESC, first: 50) {
  pageInfo { hasNextPage endCursor } edges { node { numero type numeroEditeur logiciel dateDepot dateCommande statut etatPaiement montant
  administrateurs { finessJuridique numeroCarteCPX nomAdminTechnique } } } } }`;
export const LISTE_TOTAL = LISTE.replace("pageInfo {", "totalCount pageInfo {");
export const FILTRE_LISTE = { statut: "A_MODIFIER", deposeeApres: "2024-01-01", deposeeAvant: "2025-12-31" };
const FILTRE_PLANCHER = { statut: "A_MODIFIER", de: "2024-01-01", a: "2026-01-01" };

/** The SPA's Demande query (every block). */
export const DETAIL = `query($n: String!) { demande(numero: $n) { numero type couloir numeroEditeur logiciel dateDepot dateCommande statut etatPaiement montant
  mandataire courrielContact scenarioInstallation versionCourante blocCertificatVisible avertissements { code message champ path }
  droits { modifier valider changerStatut } blocs { bloc verrouille nombreLignes nombreValidees nombreRejetees }
  coordonneesBancaires { iban ibanFormate bic titulaire domiciliation validation { etat motif par le } }
  beneficiaires { cle nomResponsable emailResponsable telResponsable finessJuridique finessGeographique presentSolde ancienneVersion maitreIdentite
    stockageIdentite operateurMessagerie validation { etat motif par le } avertissements { code message } }
  administrateurs { finessJuridique contractualisationOG statutAdminTechnique contractualisationEditeur numeroCarteCPX nomAdminTechnique
    telAdminTechnique emailAdminTechnique utiliteCertificat validation { etat motif par le } avertissements { code message } doublonsPossibles }
  pieces { cle nomFichier type taille url validation { etat motif par le } }
  courriels { id destinataire sujet etat tentatives derniereErreur creeLe dateEnvoi prochainEssaiLe } } }`;

/** The SPA's Historique query (its first page: the 50 newest versions). */
const HISTORIQUE = `query($n: String!) { demande(numero: $n) { numero versionCourante beneficiaires { cle nomResponsable finessJuridique } pieces { cle nomFichier }
  versions(premieres: 50) { numero auteur role creeLe commentaire nombreChangements changements { bloc cle nature champ ancienneValeur nouvelleValeur } }
  evenements { type auteur role creeLe bloc cle motif details } } }`;

const JOURNAL = `query($f: FiltreJournal) { journalEvenements(filtre: $f, first: 50) { totalCount pageInfo { hasNextPage }
  edges { node { type auteur role creeLe numeroDemande bloc cle motif details } } } }`;

export interface Cibles {
  /** A typical demande (certificate rows, a few versions). */
  detail: string;
  /** The demande with the long history, and its number of versions. */
  longue: { numero: string; versions: number };
  /** A demande to stage drafts on. */
  brouillon: string;
  total: number;
}

export function cibles(p: Plancher): Cibles {
  const total = (p.db.prepare(`SELECT count(*) AS n FROM "Demande"`).get() as { n: number }).n;
  const detail = p.db
    .prepare(
      `SELECT numero FROM "Demande" d WHERE versionCourante BETWEEN 2 AND 4
    AND (SELECT count(*) FROM "AdministrateurTechnique" a WHERE a.demandeId = d.id) >= 3 ORDER BY id LIMIT 1 OFFSET ?`,
    )
    .get(Math.floor(total / 4)) as { numero: string } | undefined;
  const longue = p.db
    .prepare(`SELECT numero, versionCourante AS versions FROM "Demande" ORDER BY versionCourante DESC LIMIT 1`)
    .get() as Cibles["longue"];
  const brouillon = p.db
    .prepare(
      `SELECT numero FROM "Demande" WHERE couloir = 'MS1' AND type = 'AVANCE' AND statut = 'EN_COURS' ORDER BY id DESC LIMIT 1`,
    )
    .get() as { numero: string };
  return { detail: detail?.numero ?? "FINMS2007720M0", longue, brouillon: brouillon.numero, total };
}

/** A supplier file of `n` demandes with 5 bénéficiaires each (certificates where the guide allows them). */
function fichierImport(n: number, graine: number) {
  const r = aleatoire(graine);
  const maintenant = new Date();
  return {
    demandes: Array.from({ length: n }, (_, i) => ({
      ...demandeAleatoire(r, i, true, "AVANCE", r.choix(["MS1", "MS2"]), maintenant, { beneficiaires: [5, 5] }),
      numeroEditeur: "00001",
    })),
  };
}

const IMPORTER = `mutation($i: DemandesImporterInput!) { demandesImporter(input: $i) { __typename } }`;

export async function scenarios(app: AppBench, p: PlancherScenarios, c: Cibles, runs: number): Promise<Scenario[]> {
  const g = app.gestionnaire;
  const fournisseur = await app.fournisseur("00001");
  const k = Math.max(1, c.longue.versions - 3);
  let graine = 7;
  let versionBase = 0;
  const r = aleatoire(99);
  const r100 = Math.min(runs, 5);
  return [
    {
      nom: "liste de 50, statut + dates, tri date de dépôt, administrateurs",
      produit: async () => verifier(await app.gql(LISTE, { f: FILTRE_LISTE }, g), (d) => d.demandes.edges.length > 0),
      plancher: () => p.liste(FILTRE_PLANCHER),
    },
    {
      nom: "la même avec totalCount (ce qu'envoie le SPA)",
      produit: async () => verifier(await app.gql(LISTE_TOTAL, { f: FILTRE_LISTE }, g)),
      plancher: () => p.liste(FILTRE_PLANCHER, true),
    },
    {
      nom: "une demande, tous les blocs",
      produit: async () => verifier(await app.gql(DETAIL, { n: c.detail }, g), (d) => d.demande?.numero === c.detail),
      plancher: () => p.detail(c.detail),
    },
    {
      nom: "onglet Historique (demande type)",
      produit: async () =>
        verifier(await app.gql(HISTORIQUE, { n: c.detail }, app.auditeur), (d) => d.demande?.versions.length > 0),
      plancher: () => p.historique(c.detail),
    },
    {
      nom: `onglet Historique (${c.longue.versions} versions)`,
      produit: async () =>
        verifier(
          await app.gql(HISTORIQUE, { n: c.longue.numero }, app.auditeur),
          (d) => d.demande?.versions.length > 0,
        ),
      plancher: () => p.historique(c.longue.numero),
    },
    {
      nom: `version ${k} de ${c.longue.versions}`,
      produit: async () =>
        verifier(
          await app.gql(
            `query($n: String!, $v: Int!) { demandeALaVersion(numero: $n, version: $v) { version { numero } beneficiaires { cle valeurs { telResponsable } } administrateurs { cle valeurs { numeroCarteCPX } } } }`,
            { n: c.longue.numero, v: k },
            app.auditeur,
          ),
          (d) => d.demandeALaVersion !== null,
        ),
      plancher: () => p.version(c.longue.numero, k),
    },
    {
      nom: `version ${c.longue.versions} de ${c.longue.versions} (la dernière)`,
      produit: async () =>
        verifier(
          await app.gql(
            `query($n: String!, $v: Int!) { demandeALaVersion(numero: $n, version: $v) { version { numero } beneficiaires { cle } } }`,
            { n: c.longue.numero, v: c.longue.versions },
            app.auditeur,
          ),
          (d) => d.demandeALaVersion !== null,
        ),
      plancher: () => p.version(c.longue.numero, c.longue.versions),
    },
    {
      nom: `export CSV de toutes les demandes (${c.total})`,
      runs: Math.max(3, Math.min(runs, 10)),
      produit: async () => {
        const res = await app.fetch("http://bench/export/demandes.csv", { headers: g });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        // Read as a stream, as a browser saving the file would: the whole text is never held here.
        for await (const _ of res.body!) void _;
      },
      plancher: () => p.csv(),
    },
    ...[100, 1_000].map((n): Scenario => {
      // The file is built before the timed call (a client sends a file it already has).
      let corps: string | null = null;
      return {
        nom: `import d'un fichier de ${n} demandes × 5 bénéficiaires`,
        runs: Math.min(runs, 3), // each run adds n demandes: a few are enough, and the file stays the dataset
        preparer: async () =>
          void (corps = JSON.stringify({
            query: IMPORTER,
            variables: { i: { document: fichierImport(n, graine++) } },
          })),
        produit: async () => {
          const res = await app.fetch("http://bench/graphql", {
            method: "POST",
            headers: { "content-type": "application/json", ...fournisseur },
            body: corps!,
          });
          verifier((await res.json()) as never, (d) => d.demandesImporter.__typename === "DemandesImporterSucces");
        },
        debit: (ms) => `${Math.round((n * 1000) / ms)} demandes/s`,
      };
    }),
    {
      nom: "confirmer un brouillon de 100 opérations",
      runs: r100,
      preparer: async () => {
        // Through the product (untimed): on PostgreSQL the floor's SQLite file does not see the confirms.
        versionBase = verifier(
          await app.gql(`query($n: String!) { demande(numero: $n) { versionCourante } }`, { n: c.brouillon }, g),
        ).data.demande.versionCourante;
        for (let i = 0; i < 100; i++) {
          verifier(
            await app.gql(
              `mutation($i: BeneficiaireAjouterInput!) { beneficiaireAjouter(input: $i) { __typename } }`,
              {
                i: {
                  numero: c.brouillon,
                  valeurs: {
                    nomResponsable: `Responsable ${i}`,
                    emailResponsable: `r${i}@esms.fr`,
                    telResponsable: "0512345678",
                    finessJuridique: finessValide(r),
                    finessGeographique: finessValide(r),
                    presentSolde: false,
                    ancienneVersion: null,
                    maitreIdentite: "Logiciel DUI",
                    stockageIdentite: "Base DUI",
                    operateurMessagerie: "Lifen",
                  },
                },
              },
              g,
            ),
            (x) => x.beneficiaireAjouter.__typename.endsWith("Succes"),
          );
        }
      },
      produit: async () =>
        verifier(
          await app.gql(
            `mutation($i: BrouillonConfirmerInput!) { brouillonConfirmer(input: $i) { __typename } }`,
            { i: { numero: c.brouillon, versionBase } },
            g,
          ),
          (d) => d.brouillonConfirmer.__typename === "BrouillonConfirmerSucces",
        ),
    },
    {
      nom: "journal d'audit filtré (type + auteur), 50 + total",
      produit: async () =>
        verifier(
          await app.gql(JOURNAL, { f: { type: "STATUT_MODIFIE", acteur: "Gestion" } }, app.auditeur),
          (d) => d.journalEvenements.edges.length > 0,
        ),
      plancher: () => p.journal("STATUT_MODIFIE", "Gestion"),
    },
  ];
}
