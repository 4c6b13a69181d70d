// `pnpm bench [--count N] [--runs R] [--http [--processus P]] [--duree S] [--versions V] [--reconstruire] [--json F]`
// `[--base postgresql://… | --pg] [--instances 1|2]`:
// builds (or reuses) the N-demande dataset, then prints for each scenario of issue 9 the product's
// p50 / p95 through the full GraphQL stack, the floor measured in the same run on the same file,
// their ratio and the SQL statements per operation; `--http` adds req/s and p95 under autocannon.
// On PostgreSQL (`--base` a server where the bench may create databases, or `--pg` for the machine's
// bench cluster) the same file is copied there once (bench/postgresql.ts), the app runs on it and the
// floors run with `pg` (bench/plancher-postgresql.ts); `--instances N` puts N servers behind autocannon.
// Figures, not assertions (the test suite checks behaviour: statement counts, bounded queries).
import "./production.js";
import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { preparerJeu } from "./jeu.js";
import { ouvrirApp } from "./app.js";
import { ouvrirPlancher } from "./plancher.js";
import { cibles, scenarios, DETAIL, FILTRE_LISTE, LISTE } from "./scenarios.js";
import { mesurer, type Mesure } from "./mesure.js";
import { mesurerHttp } from "./http.js";
import { grappeBench, preparerBasePostgresql } from "./postgresql.js";
import { ouvrirPlancherPostgresql } from "./plancher-postgresql.js";
import { ligneHttp, ligneScenario, ENTETE, ENTETE_HTTP } from "./rapport.js";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "100000" },
    runs: { type: "string", default: "20" },
    versions: { type: "string", default: "1000" },
    http: { type: "boolean", default: false },
    duree: { type: "string", default: "10" },
    reconstruire: { type: "boolean", default: false },
    json: { type: "string" },
    processus: { type: "string" },
    base: { type: "string" },
    pg: { type: "boolean", default: false },
    instances: { type: "string" },
  },
});
const count = Number(values.count);
const runs = Number(values.runs);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(runs) || runs < 1)
  throw new Error("--count et --runs attendent des entiers positifs");

const debut = performance.now();
console.log(
  `Jeu de ${count} demandes (${os.cpus().length} cœurs, charge ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}) :`,
);
const jeu = await preparerJeu(count, Number(values.versions), { reconstruire: values.reconstruire });
const plancher = ouvrirPlancher(jeu.fichier);
const c = cibles(plancher);
const lignes = (t: string) => (plancher.db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n;
console.log(
  `  ${jeu.construitEn === null ? "réutilisé (test/.artifacts)" : `construit en ${jeu.construitEn.toFixed(0)} s`} : ${c.total} demandes, ${lignes("Beneficiaire")} bénéficiaires, ` +
    `${lignes("AdministrateurTechnique")} lignes de certificat, ${lignes("Version")} versions, ${lignes("ChangementVersion")} changements, ${lignes("EvenementAudit")} événements`,
);
console.log(`  plan de la liste : ${plancher.planListe()}`);

const grappe = values.base ? { urlAdmin: values.base, arreter: () => {} } : values.pg ? await grappeBench() : null;
const basePg = grappe && (await preparerBasePostgresql(grappe.urlAdmin, count, jeu.fichier));
const planchers = basePg ? await ouvrirPlancherPostgresql(basePg.url) : plancher;
if (basePg) {
  console.log(
    `  PostgreSQL : ${basePg.copieEn === null ? "copie réutilisée (base en cache)" : `copié depuis SQLite en ${basePg.copieEn.toFixed(0)} s (pnpm copier:postgresql)`}`,
  );
  console.log(
    `  plan de la liste (PostgreSQL) : ${await (planchers as Awaited<ReturnType<typeof ouvrirPlancherPostgresql>>).planListe()}`,
  );
}

const app = await ouvrirApp(basePg?.url ?? jeu.fichier);
const resultats: { nom: string; produit: Mesure; plancher?: Mesure; debit?: string }[] = [];
console.log(`\n${ENTETE}`);
for (const s of await scenarios(app, planchers, c, runs)) {
  const n = s.runs ?? runs;
  const produit = await mesurer(s.produit, { runs: n, preparer: s.preparer, requetes: app.requetes });
  const p = s.plancher ? await mesurer(s.plancher, { runs: Math.max(n, 20) }) : undefined;
  const r = { nom: s.nom, produit, plancher: p, debit: s.debit && !produit.echec ? s.debit(produit.p50) : undefined };
  resultats.push(r);
  console.log(ligneScenario(r));
}

let http: Awaited<ReturnType<typeof mesurerHttp>> = [];
if (values.http) {
  // --processus P: the real server with PROCESSUS=P as a child process (P=1 included); none: in-process.
  const instances = Number(values.instances ?? 1);
  const processus = values.processus === undefined ? (instances > 1 ? 1 : null) : Number(values.processus);
  const ou =
    processus === null
      ? "serveur dans le processus du bench"
      : `server/dist/main.mjs (pnpm start), PROCESSUS=${processus}${instances > 1 ? `, ${instances} instances (autocannon : connexions réparties à tour de rôle)` : ""}`;
  console.log(`\nHTTP (autocannon, boucle locale, ${ou}, ${values.duree} s par mesure)\n${ENTETE_HTTP}`);
  http = await mesurerHttp(
    app,
    [
      {
        nom: "liste de 50 (filtres, tri, administrateurs)",
        query: LISTE,
        variables: { f: FILTRE_LISTE },
        entetes: app.gestionnaire,
      },
      { nom: "une demande, tous les blocs", query: DETAIL, variables: { n: c.detail }, entetes: app.gestionnaire },
    ],
    Number(values.duree),
    processus === null ? null : { fichier: basePg?.url ?? jeu.fichier, processus, instances },
  );
  for (const h of http) console.log(ligneHttp(h));
}
console.log(
  `\nMémoire du processus : ${Math.round(process.memoryUsage().rss / 1e6)} Mo ; durée totale ${((performance.now() - debut) / 1000).toFixed(0)} s`,
);
if (values.json)
  fs.writeFileSync(
    values.json,
    JSON.stringify(
      {
        count,
        runs,
        base: basePg ? "postgresql" : "sqlite",
        construitEn: jeu.construitEn,
        copieEn: basePg?.copieEn,
        cibles: c,
        resultats,
        http,
      },
      null,
      2,
    ),
  );

await app.fermer();
plancher.fermer();
if (basePg) {
  await (planchers as Awaited<ReturnType<typeof ouvrirPlancherPostgresql>>).fermer();
  await basePg.fermer();
  grappe!.arreter();
}
jeu.fermer();
