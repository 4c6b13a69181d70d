// Several server processes over one SQLite file (PROCESSUS=2): the real server runs as a child
// process; concurrent clients import, confirm and read. Answers come from both workers (pid in
// `x-processus`, DEBUG_PROCESSUS=1), none is a 5xx / SQLITE_BUSY / internal error, every
// acknowledged write is in the file and the hash chains verify. A killed worker is replaced;
// SIGTERM stops the primary and its workers.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@segur/prisma";
import { exempleDocumentImport } from "@segur/shared";
import { creerCleApi, creerUtilisateur } from "../../server/src/auth/service.js";
import { verifierChaines } from "../../server/src/historique/service.js";
import { erreurInterne, lancerServeur, portLibre } from "./support.js";

const CLIENTS = 4;
const TOURS = 5;

/** GET /sante on a fresh connection (round-robin is per connection); the answering pid. */
function sante(port: number): Promise<string> {
  return new Promise((ok, ko) => {
    const req = http.get({ host: "127.0.0.1", port, path: "/sante", agent: false }, (res) => {
      res.resume();
      res.on("end", () =>
        res.statusCode === 200 ? ok(String(res.headers["x-processus"])) : ko(new Error(`statut ${res.statusCode}`)),
      );
    });
    req.setTimeout(5_000, () => req.destroy(new Error("pas de réponse")));
    req.on("error", ko);
  });
}

const vivant = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "segur-processus-"));
const dbUrl = `file:${path.join(dir, "processus.db")}`;
let enfant: ChildProcess | null = null;
afterAll(() => {
  enfant?.kill("SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("production mode with 2 processes over one SQLite file", () => {
  it("answers from both processes, no busy/5xx, every write kept, chains verify, restart and clean stop", async () => {
    let prisma = openDatabase(dbUrl);
    const { cle } = await creerCleApi(prisma, { numeroEditeur: "00001", libelle: "Processus" });
    await creerUtilisateur(prisma, {
      email: "gestion@processus.fr",
      nom: "Gestion Processus",
      role: "GESTIONNAIRE",
      motDePasse: "motdepasse-test",
    });
    await prisma.$disconnect();

    const port = await portLibre();
    const { processus: p, sortie } = lancerServeur(dbUrl, port, { PROCESSUS: "2", DEBUG_PROCESSUS: "1" });
    enfant = p;

    const pids = new Set<number>();
    const echecs: string[] = [];
    const gql = async (query: string, variables: Record<string, unknown>, headers: Record<string, string>) => {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const texte = await res.text();
      pids.add(Number(res.headers.get("x-processus")));
      if (erreurInterne(res.status, texte) || /SQLITE_BUSY|database is locked/i.test(texte))
        echecs.push(`${res.status} ${texte.slice(0, 300)}`);
      return { res, corps: JSON.parse(texte) as { data?: any } };
    };

    // Both workers listening: /sante answers from each (round-robin).
    const limite = Date.now() + 90_000;
    const pidsSante = new Set<string>();
    while (pidsSante.size < 2) {
      if (p.exitCode !== null) throw new Error(`le serveur s'est arrêté au démarrage :\n${sortie()}`);
      if (Date.now() > limite) throw new Error(`les 2 processus ne répondent pas :\n${sortie()}`);
      try {
        pidsSante.add(await sante(port));
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    expect(pidsSante.has(String(p.pid)), "le processus principal ne sert pas").toBe(false);

    const { res: connexion } = await gql(
      `mutation($i: ConnexionInput!) { connexion(input: $i) { __typename } }`,
      { i: { email: "gestion@processus.fr", motDePasse: "motdepasse-test" } },
      {},
    );
    const cookie = connexion.headers.get("set-cookie")!.split(";")[0]!;

    const imports: { numero: string; reference: string }[] = [];
    const confirmations: { numero: string; version: number; courriel: string }[] = [];
    async function client(k: number) {
      for (let t = 0; t < TOURS; t++) {
        const reference = `PROC-${k}-${t}`;
        const doc = exempleDocumentImport();
        doc.demandes[0]!.referenceFournisseur = reference;
        const r = await gql(
          `mutation($d: JSON!) { demandesImporter(input: { document: $d }) { __typename ... on DemandesImporterSucces { resultat { demandes { numero } } } } }`,
          { d: doc },
          { authorization: `Bearer ${cle}` },
        );
        const numero = r.corps.data?.demandesImporter?.resultat?.demandes?.[0]?.numero as string | undefined;
        if (!numero) {
          echecs.push(`import refusé : ${JSON.stringify(r.corps).slice(0, 300)}`);
          continue;
        }
        imports.push({ numero, reference });
        await gql(`{ demandes(first: 20) { totalCount edges { node { numero } } } }`, {}, { cookie });
        const courriel = `c${k}-${t}@processus.fr`;
        const s = await gql(
          `mutation($n: String!, $c: String!) { informationsModifier(input: { numero: $n, valeurs: { courrielContact: $c } }) {
          __typename ... on InformationsModifierSucces { brouillon { versionBase } } } }`,
          { n: numero, c: courriel },
          { cookie },
        );
        const base = s.corps.data?.informationsModifier?.brouillon?.versionBase as number;
        const c = await gql(
          `mutation($n: String!, $v: Int!) { brouillonConfirmer(input: { numero: $n, versionBase: $v }) {
          __typename ... on BrouillonConfirmerSucces { confirmation { version { numero } } } ... on Erreur { code message } } }`,
          { n: numero, v: base },
          { cookie },
        );
        const version = c.corps.data?.brouillonConfirmer?.confirmation?.version?.numero as number | undefined;
        if (version) confirmations.push({ numero, version, courriel });
        else echecs.push(`confirmation refusée : ${JSON.stringify(c.corps).slice(0, 300)}`);
      }
    }
    await Promise.all(Array.from({ length: CLIENTS }, (_, k) => client(k)));

    expect(echecs).toEqual([]);
    expect(pids.size, `réponses des processus ${[...pids].join(", ")}`).toBe(2);
    expect(imports.length).toBe(CLIENTS * TOURS);
    expect(confirmations.length).toBe(CLIENTS * TOURS);

    // A worker that dies is replaced: a new pid answers, the other one keeps serving.
    const [tue] = [...pids];
    process.kill(tue!, "SIGKILL");
    const apres = new Set<string>();
    const limiteRelance = Date.now() + 60_000;
    while (apres.size < 2) {
      if (Date.now() > limiteRelance) throw new Error(`le processus tué n'a pas été relancé :\n${sortie()}`);
      try {
        apres.add(await sante(port));
      } catch {
        // the killed worker's connection
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(apres.has(String(tue))).toBe(false);

    // SIGTERM stops the primary and every worker, with exit code 0.
    const travailleurs = [...apres].map(Number);
    const fin = new Promise<number | null>((r) => p.once("exit", (code) => r(code)));
    p.kill("SIGTERM");
    expect(await fin).toBe(0);
    enfant = null;
    for (let i = 0; i < 50 && travailleurs.some(vivant); i++) await new Promise((r) => setTimeout(r, 100));
    expect(travailleurs.filter(vivant)).toEqual([]);

    prisma = openDatabase(dbUrl);
    const [integrite] = await prisma.$queryRawUnsafe<{ integrity_check: string }[]>("PRAGMA integrity_check");
    const { ruptures } = await verifierChaines(prisma);
    const perdus: string[] = [];
    for (const i of imports) {
      const d = await prisma.demande.findUnique({
        where: { numero: i.numero },
        select: { referenceFournisseur: true },
      });
      if (d?.referenceFournisseur !== i.reference) perdus.push(`import ${i.numero}`);
    }
    for (const c of confirmations) {
      const v = await prisma.version.findFirst({
        where: { numero: c.version, demande: { numero: c.numero } },
        include: { changements: true },
      });
      if (!v?.changements.some((ch) => JSON.stringify(ch).includes(c.courriel)))
        perdus.push(`version ${c.version} de ${c.numero}`);
    }
    await prisma.$disconnect();
    expect(integrite?.integrity_check).toBe("ok");
    expect(ruptures).toEqual([]);
    expect(perdus).toEqual([]);
  }, 180_000);
});
