// `pnpm bench [--count N]`: seeds N demandes in a temporary database and prints timings of
// the hot paths (list, detail, draft + confirm, CSV export, import). Figures, not assertions.
import { parseArgs } from "node:util";
import { exempleDocumentImport } from "../shared/src/index.js";
import { creerAppTest } from "../server/test/aide.js";
import { semer } from "../server/src/seed/service.js";

const { values } = parseArgs({ options: { count: { type: "string", default: "5000" }, runs: { type: "string", default: "30" } } });
const count = Number(values.count);
const runs = Number(values.runs);

const app = await creerAppTest();
let t = performance.now();
await semer(app.prisma, app.config, { count });
const seedMs = performance.now() - t;
const total = await app.prisma.demande.count();
console.log(`jeu de données : ${total} demandes, semées en ${(seedMs / 1000).toFixed(1)} s (${(seedMs / count).toFixed(2)} ms/demande)`);

async function mesurer(nom: string, f: () => Promise<unknown>) {
  const ms: number[] = [];
  await f(); // warm-up
  for (let i = 0; i < runs; i++) {
    const d = performance.now();
    await f();
    ms.push(performance.now() - d);
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!.toFixed(1);
  console.log(`${nom.padEnd(52)} p50 ${q(0.5).padStart(7)} ms   p95 ${q(0.95).padStart(7)} ms`);
}

const LISTE = `query($f: FiltreDemandes, $t: TriDemandes, $o: Ordre, $after: String) { demandes(filtre: $f, tri: $t, ordre: $o, first: 20, after: $after) {
  totalCount pageInfo { endCursor hasNextPage } edges { node { numero type numeroEditeur logiciel dateDepot dateCommande statut etatPaiement montantFormate } } } }`;
await mesurer("liste, 1re page (20), tri date de dépôt", () => app.gql(LISTE, {}, app.gestionnaire));
await mesurer("liste filtrée (statut + type), tri montant", () => app.gql(LISTE, { f: { statut: "EN_COURS", type: "AVANCE" }, t: "MONTANT", o: "ASC" }, app.gestionnaire));
await mesurer("liste, recherche numéro partiel", () => app.gql(LISTE, { f: { numero: "MS1000" } }, app.gestionnaire));
const page1 = await app.gql(LISTE, {}, app.gestionnaire);
const after = page1.data.demandes.pageInfo.endCursor;
await mesurer("liste, page suivante (curseur)", () => app.gql(LISTE, { after }, app.gestionnaire));

const DETAIL = `query($n: String!) { demande(numero: $n) { numero statut montantFormate blocCertificatVisible
  coordonneesBancaires { ibanFormate bic titulaire validation { etat } }
  beneficiaires { cle nomResponsable finessJuridique validation { etat } avertissements { code } }
  administrateurs { finessJuridique numeroCarteCPX nomAdminTechnique validation { etat } avertissements { code } doublonsPossibles }
  pieces { nomFichier url } courriels { sujet } blocs { bloc verrouille nombreLignes } versions { numero changements { champ } } evenements { type } } }`;
await mesurer("détail d'une demande (tous les blocs, historique)", () => app.gql(DETAIL, { n: "FINMS2007720M0" }, app.gestionnaire));

let n = 0;
await mesurer("brouillon : modifier une ligne + confirmer", async () => {
  n++;
  const v = (await app.prisma.demande.findUniqueOrThrow({ where: { numero: "FINMS2007720M0" } })).versionCourante;
  await app.gql(`mutation($i: AdministrateurModifierInput!) { administrateurModifier(input: $i) { __typename } }`, {
    i: { numero: "FINMS2007720M0", finessJuridique: "330058066", valeurs: { contractualisationOG: true, statutAdminTechnique: "E", contractualisationEditeur: true, numeroCarteCPX: String(8000000000 + n), nomAdminTechnique: "STU", telAdminTechnique: "0603334174", emailAdminTechnique: "a.st@mail.com", utiliteCertificat: "DMP" } },
  }, app.gestionnaire);
  const r = await app.gql(`mutation($i: BrouillonConfirmerInput!) { brouillonConfirmer(input: $i) { __typename } }`, { i: { numero: "FINMS2007720M0", versionBase: v } }, app.gestionnaire);
  if (r.data?.brouillonConfirmer.__typename !== "BrouillonConfirmerSucces") throw new Error(JSON.stringify(r));
});
await mesurer(`demande à une version passée (v${n} rejouée)`, () => app.gql(`query { demandeALaVersion(numero: "FINMS2007720M0", version: ${n}) { administrateurs { cle } } }`, {}, app.auditeur));
await mesurer(`export CSV de toute la liste (${total} lignes)`, async () => {
  const r = await app.fetch("http://test/export/demandes.csv", { headers: app.gestionnaire.headers });
  await r.text();
});
const JOURNAL = `query($f: FiltreJournal) { journalEvenements(filtre: $f, first: 50) { totalCount edges { node { type auteur creeLe numeroDemande details } } } }`;
await mesurer(`journal d'audit, 1re page (50 sur ${await app.prisma.evenementAudit.count()} événements)`, () => app.gql(JOURNAL, {}, app.auditeur));
await mesurer("journal d'audit filtré (type + auteur)", () => app.gql(JOURNAL, { f: { type: "STATUT_MODIFIE", acteur: "Gestion" } }, app.auditeur));
await mesurer("traces d'accès, 1re page (50)", () => app.gql(`query { tracesAcces(first: 50) { totalCount edges { node { acteur operation cible } } } }`, {}, app.auditeur));

const fournisseur = await app.fournisseur("00001");
await mesurer("import d'un document (1 demande, 6 bénéficiaires)", () =>
  app.gql(`mutation($i: DemandesImporterInput!) { demandesImporter(input: $i) { __typename } }`, { i: { document: exempleDocumentImport() } }, fournisseur));
await app.fermer();
