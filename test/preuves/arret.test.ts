// Operable in production, with the real server as a child process: JSON request logs carrying
// the caller's x-request-id; health probes and loopback metrics; graceful shutdown on SIGTERM
// (a request in flight completes with 200, new connections are refused, exit code 0, the
// database holds the request's write and its hash chains verify); with PROCESSUS=2, /metriques
// sums both workers (prom-client's AggregatorRegistry in the primary) and SIGTERM exits 0.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@segur/prisma";
import { exempleDocumentImport } from "@segur/shared";
import { creerCleApi } from "../../server/src/auth/service.js";
import { verifierChaines } from "../../server/src/historique/service.js";
import { lancerServeur, portLibre, publierFigure } from "./support.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "segur-arret-"));
const enfants: ChildProcess[] = [];
afterAll(() => {
  for (const e of enfants) e.kill("SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
});

/** GET on a fresh connection (round-robin between workers is per connection). */
function obtenir(
  port: number,
  chemin: string,
): Promise<{ statut: number; corps: string; entetes: http.IncomingHttpHeaders }> {
  return new Promise((ok, ko) => {
    const req = http.get({ host: "127.0.0.1", port, path: chemin, agent: false }, (res) => {
      let corps = "";
      res.on("data", (b) => (corps += b));
      res.on("end", () => ok({ statut: res.statusCode!, corps, entetes: res.headers }));
    });
    req.setTimeout(5_000, () => req.destroy(new Error("pas de réponse")));
    req.on("error", ko);
  });
}

async function attendrePret(port: number, p: ChildProcess, sortie: () => string) {
  const limite = Date.now() + 90_000;
  for (;;) {
    if (p.exitCode !== null) throw new Error(`le serveur s'est arrêté au démarrage :\n${sortie()}`);
    if (Date.now() > limite) throw new Error(`le serveur ne répond pas :\n${sortie()}`);
    try {
      if ((await obtenir(port, "/sante/pret")).statut === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

const connexionRefusee = (port: number) =>
  new Promise<boolean>((ok) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => (s.destroy(), ok(false)));
    s.once("error", (e: NodeJS.ErrnoException) => ok(e.code === "ECONNREFUSED"));
  });

const lignesJson = (sortie: string) =>
  sortie
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, any>);

async function attendreSortie(sortie: () => string, motif: string) {
  const limite = Date.now() + 10_000;
  while (!sortie().includes(motif)) {
    if (Date.now() > limite) throw new Error(`« ${motif} » jamais écrit :\n${sortie()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("operable in production (real server process)", () => {
  it("logs with the request id, probes, loopback metrics; SIGTERM lets the request in flight finish, refuses new connections and exits 0", async () => {
    const dbUrl = `file:${path.join(dir, "un.db")}`;
    let prisma = openDatabase(dbUrl);
    const { cle } = await creerCleApi(prisma, { numeroEditeur: "00001", libelle: "Arrêt" });
    await prisma.$disconnect();

    const port = await portLibre();
    const { processus: p, sortie } = lancerServeur(dbUrl, port, { LOG_LEVEL: "info", ARRET_DELAI_MS: "10000" });
    enfants.push(p);
    await attendrePret(port, p, sortie);
    expect((await obtenir(port, "/sante/vivant")).statut).toBe(200);
    const metriques = await obtenir(port, "/metriques");
    expect(metriques.statut).toBe(200); // loopback, no METRIQUES_JETON
    expect(metriques.corps).toContain('segur_http_requetes_total{route="/sante/pret",methode="GET",statut="200"}');

    // A supplier's import whose body arrives in two halves: in flight when SIGTERM comes.
    const corps = JSON.stringify({
      query: `mutation Importer($d: JSON!) { demandesImporter(input: { document: $d }) { __typename ... on DemandesImporterSucces { resultat { demandes { numero } } } } }`,
      variables: { d: exempleDocumentImport() },
    });
    const octets = Buffer.from(corps);
    const socket = net.connect(port, "127.0.0.1");
    await new Promise<void>((r) => socket.once("connect", () => r()));
    let reponse = "";
    socket.on("data", (b) => (reponse += b));
    const fermee = new Promise<void>((r) => socket.once("close", () => r()));
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAuthorization: Bearer ${cle}\r\n` +
        `X-Request-Id: import-en-vol-1\r\nContent-Length: ${octets.length}\r\nConnection: close\r\n\r\n`,
    );
    socket.write(octets.subarray(0, 100));
    await new Promise((r) => setTimeout(r, 300));

    const fin = new Promise<number | null>((r) => p.once("exit", (code) => r(code)));
    p.kill("SIGTERM");
    await attendreSortie(sortie, "arrêt demandé");
    await new Promise((r) => setTimeout(r, 200));
    expect(await connexionRefusee(port)).toBe(true);
    expect(p.exitCode).toBeNull(); // still finishing the import

    socket.end(octets.subarray(100));
    await fermee;
    expect(reponse).toMatch(/^HTTP\/1\.1 200/);
    expect(reponse.toLowerCase()).toContain("x-request-id: import-en-vol-1");
    const numero = /"numero":"([^"]+)"/.exec(reponse)?.[1];
    expect(numero, reponse).toMatch(/^FINMS2/);
    expect(await fin).toBe(0);

    prisma = openDatabase(dbUrl, { migrer: false });
    expect(await prisma.demande.count({ where: { numero } })).toBe(1);
    expect((await verifierChaines(prisma)).ruptures).toEqual([]);
    await prisma.$disconnect();

    const lignes = lignesJson(sortie());
    expect(lignes.find((l) => l.requeteId === "import-en-vol-1")).toMatchObject({
      route: "/graphql",
      statut: 200,
      operation: "Importer",
      typeOperation: "mutation",
    });
    expect(lignes.at(-1)).toMatchObject({ message: "arrêté", propre: true });
    expect(sortie()).not.toContain(cle);
    publierFigure("arret", "SIGTERM pendant un import : 200, nouvelles connexions refusées, code 0, chaînes intactes", {
      numero,
    });
  });

  it("PROCESSUS=2: /metriques sums both workers; SIGTERM stops them all with exit code 0", async () => {
    const dbUrl = `file:${path.join(dir, "deux.db")}`;
    const port = await portLibre();
    const { processus: p, sortie } = lancerServeur(dbUrl, port, {
      PROCESSUS: "2",
      DEBUG_PROCESSUS: "1",
      LOG_LEVEL: "warn",
    });
    enfants.push(p);
    await attendrePret(port, p, sortie);
    const pids = new Set<string>();
    const limite = Date.now() + 60_000;
    let n = 0;
    while (pids.size < 2 || n < 10) {
      if (Date.now() > limite) throw new Error(`un seul processus répond :\n${sortie()}`);
      pids.add(String((await obtenir(port, "/sante/vivant")).entetes["x-processus"]));
      n++;
    }
    const m = await obtenir(port, "/metriques");
    expect(m.statut).toBe(200);
    expect(m.corps).toContain(`segur_http_requetes_total{route="/sante/vivant",methode="GET",statut="200"} ${n}`);
    // Database figures are the same for every worker: "max", not summed.
    expect(m.corps).toContain("segur_courriels_en_attente 0");
    expect(m.corps).toContain("segur_base_connexions_ouvertes 2");

    const fin = new Promise<number | null>((r) => p.once("exit", (code) => r(code)));
    p.kill("SIGTERM");
    expect(await fin).toBe(0);
  });
});
