// `--http`: the product behind a real HTTP server (in-process, loopback, port 0) loaded by
// autocannon at 1 and 10 connections for a bounded duration; req/s and p95 from each response time.
import fs from "node:fs";
import http from "node:http";
import { execFileSync, spawn } from "node:child_process";
import net from "node:net";
import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";
// @ts-expect-error autocannon ships no types
import autocannon from "autocannon";
import type { AppBench, Entetes } from "./app.js";
import { quantile } from "./mesure.js";

export interface MesureHttp {
  nom: string;
  connexions: number;
  reqParS: number;
  p50: number;
  p95: number;
  erreurs: number;
  /** Peak resident memory of the server's processes during the load, in MB: all of them (primary + workers) and the largest one; null in-process. */
  rssServeurMo: { total: number; processus: number } | null;
}

/** Resident memory of a process and all its descendants (Linux /proc), in bytes: their sum and the largest; 0 once gone. */
function rssArbre(pid: number): { total: number; max: number } {
  let total = 0;
  let max = 0;
  const pile = [pid];
  while (pile.length) {
    const p = pile.pop()!;
    try {
      const rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0) * 1024;
      total += rss;
      max = Math.max(max, rss);
      for (const t of fs.readdirSync(`/proc/${p}/task`)) {
        pile.push(...fs.readFileSync(`/proc/${p}/task/${t}/children`, "utf8").split(/\s+/).filter(Boolean).map(Number));
      }
    } catch {
      // the process ended meanwhile
    }
  }
  return { total, max };
}

/**
 * `--processus N`: the real server (`pnpm start`'s server/dist/main.mjs, PROCESSUS=N) as a child process on the
 * same file instead of the in-process one; the bench's sessions are in the database, so valid there.
 */
async function serveurEnfant(fichier: string, processus: number): Promise<Serveur> {
  const libre = net.createServer();
  await new Promise<void>((ok) => libre.listen(0, "127.0.0.1", ok));
  const port = (libre.address() as AddressInfo).port;
  await new Promise((ok) => libre.close(ok));
  // What `pnpm start` runs: the server built into one JavaScript file, on plain node (no tsx loader).
  const racine = fileURLToPath(new URL("..", import.meta.url));
  execFileSync(process.execPath, ["server/scripts/construire.mjs"], { cwd: racine, stdio: "ignore" });
  const p = spawn(process.execPath, ["server/dist/main.mjs"], {
    cwd: racine,
    env: {
      ...process.env,
      DATABASE_URL: /^postgres(ql)?:\/\//.test(fichier) ? fichier : `file:${fichier}`,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      PROCESSUS: String(processus),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const limite = Date.now() + 120_000;
  for (;;) {
    if (p.exitCode !== null) throw new Error("le serveur s'est arrêté au démarrage");
    try {
      if ((await fetch(`http://127.0.0.1:${port}/sante`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > limite) throw new Error("le serveur ne répond pas");
    await new Promise((r) => setTimeout(r, 200));
  }
  // Every worker warmed (its first GraphQL request is slow), not only the first to answer.
  await new Promise((r) => setTimeout(r, 3_000));
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    rss: () => rssArbre(p.pid!),
    fermer: () => new Promise<void>((ok) => (p.once("exit", () => ok()), p.kill("SIGTERM"))),
  };
}

interface Serveur {
  url: string | string[];
  fermer: () => Promise<void>;
  /** Server-only RSS (bytes), when it runs in its own processes. */ rss?: () => { total: number; max: number };
}

/**
 * `--instances N` (PostgreSQL): N independent servers on the same database, as behind a load
 * balancer. autocannon takes several URLs and gives connection i to URL i mod N (round-robin per
 * connection): at 10 connections each instance holds 5, at 1 connection only the first is loaded.
 */
async function instances(fichier: string, processus: number, n: number): Promise<Serveur> {
  if (n === 1) return serveurEnfant(fichier, processus);
  const serveurs: Serveur[] = [];
  for (let i = 0; i < n; i++) serveurs.push(await serveurEnfant(fichier, processus));
  return {
    url: serveurs.map((s) => s.url as string),
    rss: () =>
      serveurs
        .map((s) => s.rss!())
        .reduce((a, r) => ({ total: a.total + r.total, max: Math.max(a.max, r.max) }), { total: 0, max: 0 }),
    fermer: async () => void (await Promise.all(serveurs.map((s) => s.fermer()))),
  };
}

async function serveurLocal(app: AppBench): Promise<Serveur> {
  const serveur = http.createServer(app.handle);
  await new Promise<void>((ok) => serveur.listen(0, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${(serveur.address() as AddressInfo).port}/graphql`,
    fermer: () => new Promise<void>((ok) => serveur.close(() => ok())),
  };
}

export async function mesurerHttp(
  app: AppBench,
  cas: { nom: string; query: string; variables: unknown; entetes: Entetes }[],
  duree: number,
  cible: { fichier: string; processus: number; instances?: number } | null = null,
): Promise<MesureHttp[]> {
  const serveur = cible
    ? await instances(cible.fichier, cible.processus, cible.instances ?? 1)
    : await serveurLocal(app);
  const { url } = serveur;
  const out: MesureHttp[] = [];
  try {
    for (const c of cas) {
      for (const connexions of [1, 10]) {
        const temps: number[] = [];
        const instance = autocannon({
          url,
          method: "POST",
          connections: connexions,
          duration: duree,
          headers: { "content-type": "application/json", ...c.entetes },
          body: JSON.stringify({ query: c.query, variables: c.variables }),
        });
        instance.on(
          "response",
          (_client: unknown, _status: number, _octets: number, ms: number) => void temps.push(ms),
        );
        const rssMax = { total: 0, max: 0 };
        const releve =
          serveur.rss &&
          setInterval(() => {
            const r = serveur.rss!();
            rssMax.total = Math.max(rssMax.total, r.total);
            rssMax.max = Math.max(rssMax.max, r.max);
          }, 250);
        let res;
        try {
          res = await instance;
        } finally {
          if (releve) clearInterval(releve);
        }
        out.push({
          nom: c.nom,
          connexions,
          reqParS: res.requests.average,
          p50: quantile(temps, 0.5),
          p95: quantile(temps, 0.95),
          erreurs: res.errors + res.non2xx + res.timeouts,
          rssServeurMo: serveur.rss
            ? { total: Math.round(rssMax.total / 1e6), processus: Math.round(rssMax.max / 1e6) }
            : null,
        });
      }
    }
  } finally {
    await serveur.fermer();
  }
  return out;
}
