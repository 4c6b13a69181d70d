// `--http`: the product behind a real HTTP server (in-process, loopback, port 0) loaded by
// autocannon at 1 and 10 connections for a bounded duration; req/s and p95 from each response time.
import http from "node:http";
import type { AddressInfo } from "node:net";
// @ts-expect-error autocannon ships no types
import autocannon from "autocannon";
import type { AppBench, Entetes } from "./app.js";
import { quantile } from "./mesure.js";

export interface MesureHttp { nom: string; connexions: number; reqParS: number; p50: number; p95: number; erreurs: number }

export async function mesurerHttp(app: AppBench, cas: { nom: string; query: string; variables: unknown; entetes: Entetes }[], duree: number): Promise<MesureHttp[]> {
  const serveur = http.createServer(app.handle);
  await new Promise<void>((ok) => serveur.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}/graphql`;
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
    await new Promise((ok) => serveur.close(ok));
  }
  return out;
}
