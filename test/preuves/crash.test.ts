// Proving suite 4: crash safety. The real server runs as a child process (tsx server/src/main.ts)
// on a temporary SQLite file; while clients import and confirm, it is killed with SIGKILL at
// seeded random moments and restarted on the same file. Afterwards the database passes
// `PRAGMA integrity_check`, the hash chains verify, and every write acknowledged to a client is there.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@segur/prisma";
import { exempleDocumentImport } from "@segur/shared";
import { creerCleApi, creerUtilisateur } from "../../server/src/auth/service.js";
import { verifierChaines } from "../../server/src/historique/service.js";
import { erreurInterne, GRAINE, lancerServeur, portLibre, publierFigure } from "./support.js";

const ARRETS = Number(process.env.PREUVES_ARRETS ?? 5);
const CLIENTS = 3;

/** Seeded PRNG (mulberry32): the kill moments replay with PREUVES_SEED. */
function aleatoire(graine: number) {
  let a = graine >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "segur-crash-"));
const dbUrl = `file:${path.join(dir, "crash.db")}`;
let enfant: ChildProcess | null = null;
afterAll(() => {
  enfant?.kill("SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
});

async function demarrer(port: number): Promise<ChildProcess> {
  const { processus: p, sortie } = lancerServeur(dbUrl, port);
  const limite = Date.now() + 60_000;
  for (;;) {
    if (p.exitCode !== null) throw new Error(`le serveur s'est arrêté au démarrage :\n${sortie()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/sante`)).ok) return p;
    } catch {
      // not listening yet
    }
    if (Date.now() > limite) throw new Error(`le serveur ne répond pas :\n${sortie()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface Acquis {
  imports: { numero: string; reference: string }[];
  confirmations: { numero: string; version: number; courriel: string }[];
}

describe("crash safety (SIGKILL during imports and confirms)", () => {
  it(`survives ${ARRETS} kills: integrity ok, chains verify, no acknowledged write lost`, async () => {
    // Two streams: the kill moments do not depend on how the clients interleave.
    const hasard = aleatoire(GRAINE + 1);
    const moment = aleatoire(GRAINE);
    // Accounts, written before the first start (the server migrates the file on start-up).
    let prisma: Db = openDatabase(dbUrl);
    const { cle } = await creerCleApi(prisma, { numeroEditeur: "00001", libelle: "Crash" });
    await creerUtilisateur(prisma, {
      email: "gestion@crash.fr",
      nom: "Gestion Crash",
      role: "GESTIONNAIRE",
      motDePasse: "motdepasse-test",
    });
    await prisma.$disconnect();

    const acquis: Acquis = { imports: [], confirmations: [] };
    const internes: string[] = [];
    let cookie = "";
    let sequence = 0;
    const moments: number[] = [];

    const port = await portLibre();
    const gql = async (query: string, variables: Record<string, unknown>, headers: Record<string, string>) => {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const texte = await res.text();
      if (erreurInterne(res.status, texte)) internes.push(texte.slice(0, 300));
      return JSON.parse(texte) as { data?: any };
    };

    /** One client: imports, then modifies and confirms one of its own demandes, until the server dies. */
    async function client(k: number, vivant: () => boolean) {
      const miens: string[] = acquis.imports.filter((_, i) => i % CLIENTS === k).map((x) => x.numero);
      while (vivant()) {
        try {
          const reference = `CRASH-${k}-${++sequence}`;
          const doc = exempleDocumentImport();
          doc.demandes[0]!.referenceFournisseur = reference;
          const r = await gql(
            `mutation($d: JSON!) { demandesImporter(input: { document: $d }) { __typename ... on DemandesImporterSucces { resultat { demandes { numero } } } } }`,
            { d: doc },
            { authorization: `Bearer ${cle}` },
          );
          const numero = r.data?.demandesImporter?.resultat?.demandes?.[0]?.numero as string | undefined;
          if (numero) {
            acquis.imports.push({ numero, reference });
            miens.push(numero);
          }
          const cible = miens[Math.floor(hasard() * miens.length)];
          if (!cible) continue;
          const courriel = `c${++sequence}@crash.fr`;
          const s = await gql(
            `mutation($n: String!, $c: String!) { informationsModifier(input: { numero: $n, valeurs: { courrielContact: $c } }) {
            __typename ... on InformationsModifierSucces { brouillon { versionBase } } } }`,
            { n: cible, c: courriel },
            { cookie },
          );
          const base = s.data?.informationsModifier?.brouillon?.versionBase as number | undefined;
          if (base === undefined) continue;
          const c = await gql(
            `mutation($n: String!, $v: Int!) { brouillonConfirmer(input: { numero: $n, versionBase: $v }) {
            __typename ... on BrouillonConfirmerSucces { confirmation { version { numero } } } ... on Erreur { code } } }`,
            { n: cible, v: base },
            { cookie },
          );
          const version = c.data?.brouillonConfirmer?.confirmation?.version?.numero as number | undefined;
          if (version) acquis.confirmations.push({ numero: cible, version, courriel });
          else if (c.data?.brouillonConfirmer?.code === "CONFLIT_VERSION") {
            // A confirm cut by a kill left a stale draft: start it again.
            await gql(
              `mutation($n: String!) { brouillonAbandonner(input: { numero: $n }) { __typename } }`,
              { n: cible },
              { cookie },
            );
          }
        } catch {
          // connection cut by the kill: that write was not acknowledged
        }
      }
    }

    for (let tour = 0; tour <= ARRETS; tour++) {
      enfant = await demarrer(port);
      if (!cookie) {
        const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            query: `mutation($i: ConnexionInput!) { connexion(input: $i) { __typename } }`,
            variables: { i: { email: "gestion@crash.fr", motDePasse: "motdepasse-test" } },
          }),
        });
        cookie = res.headers.get("set-cookie")!.split(";")[0]!;
      }
      // Warm: the first GraphQL request of a process is slow; kill moments count from here.
      await gql(`{ moi { nom } }`, {}, { authorization: `Bearer ${cle}` });
      let vivant = true;
      const clients = Array.from({ length: CLIENTS }, (_, k) => client(k, () => vivant));
      const delai = 1000 + Math.floor(moment() * 3000);
      if (tour < ARRETS) {
        moments.push(delai);
        await new Promise((r) => setTimeout(r, delai));
        enfant.kill("SIGKILL");
      } else {
        // The last round ends normally, once it has had acknowledged writes of both kinds.
        const avant = acquis.confirmations.length;
        const limite = Date.now() + 60_000;
        while ((acquis.confirmations.length === avant || !acquis.imports.length) && Date.now() < limite)
          await new Promise((r) => setTimeout(r, 100));
        enfant.kill("SIGTERM");
      }
      const mort = new Promise((r) => enfant!.once("exit", r));
      vivant = false;
      await Promise.all(clients);
      await mort;
      enfant = null;
    }

    prisma = openDatabase(dbUrl);
    const [integrite] = await prisma.$queryRawUnsafe<{ integrity_check: string }[]>("PRAGMA integrity_check");
    const { ruptures, versions, evenements } = await verifierChaines(prisma);
    const perdus: string[] = [];
    for (const i of acquis.imports) {
      const d = await prisma.demande.findUnique({
        where: { numero: i.numero },
        select: { referenceFournisseur: true },
      });
      if (d?.referenceFournisseur !== i.reference) perdus.push(`import ${i.numero} (${i.reference})`);
    }
    for (const c of acquis.confirmations) {
      const v = await prisma.version.findFirst({
        where: { numero: c.version, demande: { numero: c.numero } },
        include: { changements: true },
      });
      const d = await prisma.demande.findUnique({ where: { numero: c.numero }, select: { versionCourante: true } });
      const porte = v?.changements.some((ch) => JSON.stringify(ch).includes(c.courriel));
      if (!v || !porte || !d || d.versionCourante < c.version) perdus.push(`version ${c.version} de ${c.numero}`);
    }
    await prisma.$disconnect();

    const ecritures = acquis.imports.length + acquis.confirmations.length;
    publierFigure("crash", `${ARRETS} kills, ${ecritures} acknowledged writes, ${perdus.length} lost`, {
      arrets: ARRETS,
      moments,
      imports: acquis.imports.length,
      confirmations: acquis.confirmations.length,
      perdus: perdus.length,
      integrite: integrite?.integrity_check,
      versions,
      evenements,
      ruptures: ruptures.length,
      internes: internes.length,
    });
    expect(integrite?.integrity_check).toBe("ok");
    expect(ruptures).toEqual([]);
    expect(perdus).toEqual([]);
    expect(internes).toEqual([]);
    expect(acquis.imports.length, "des imports ont été acquittés").toBeGreaterThan(0);
    expect(acquis.confirmations.length, "des confirmations ont été acquittées").toBeGreaterThan(0);
  }, 240_000);
});
