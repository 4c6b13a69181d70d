// `--http`: the product behind a real HTTP server (in-process, loopback, port 0) loaded by
// autocannon at 1 and 10 connections for a bounded duration; req/s and p95 from each response time.
import http from "node:http";
import { spawn } from "node:child_process";
import net from "node:net";
import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";
// @ts-expect-error autocannon ships no types
import autocannon from "autocannon";
import type { AppBench, Entetes } from "./app.js";
import { quantile } from "./mesure.js";

export interface MesureHttp { nom: string; connexions: number; reqParS: number; p50: number; p95: number; erreurs: number }

/**
 * `--processus N`: the real server (server/src/main.ts, PROCESSUS=N) as a child process on the
 * same file instead of the in-process one; the bench's sessions are in the database, so valid there.
 */
async function serveurEnfant(fichier: string, processus: number): Promise<{ url: string; fermer: () => Promise<void> }> {
  const libre = net.createServer();
  await new Promise<void>((ok) => libre.listen(0, "127.0.0.1", ok));
  const port = (libre.address() as AddressInfo).port;
  await new Promise((ok) => libre.close(ok));
  const p = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    env: { ...process.env, DATABASE_URL: `file:${fichier}`, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production", PROCESSUS: String(processus) },
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
  return { url: `http://127.0.0.1:${port}/graphql`, fermer: () => new Promise<void>((ok) => (p.once("exit", () => ok()), p.kill("SIGTERM"))) };
}

async function serveurLocal(app: AppBench): Promise<{ url: string; fermer: () => Promise<void> }> {
  const serveur = http.createServer(app.handle);
  await new Promise<void>((ok) => serveur.listen(0, "127.0.0.1", ok));
  return { url: `http://127.0.0.1:${(serveur.address() as AddressInfo).port}/graphql`, fermer: () => new Promise<void>((ok) => serveur.close(() => ok())) };
}

export async function mesurerHttp(
  app: AppBench, cas: { nom: string; query: string; variables: unknown; entetes: Entetes }[], duree: number,
  cible: { fichier: string; processus: number } | null = null,
): Promise<MesureHttp[]> {
  const serveur = cible ? await serveurEnfant(cible.fichier, cible.processus) : await serveurLocal(app);
  const { url } = serveur;
  const out: MesureHttp[] = [];
  try {
    for (const c of cas) {
      for (const connexions of [1, 10]) {
        const temps: number[] = [];
        const instance = autocannon({
          url, method: "POST", connections: connexions, duration: duree,
          headers: { "content-type": "application/json", ...c.entetes }, body: JSON.stringify({ query: c.query, variables: c.variables }),
        });
        instance.on("response", (_client: unknown, _status: number, _octets: number, ms: number) => void temps.push(ms));
        const res = await instance;
        out.push({
          nom: c.nom, connexions, reqParS: res.requests.average, p50: quantile(temps, 0.5), p95: quantile(temps, 0.95),
          erreurs: res.errors + res.non2xx + res.timeouts,
        });
      }
    }
  } finally {
    await serveur.fermer();
  }
  return out;
}
