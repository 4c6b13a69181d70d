// Two real server processes on one PostgreSQL database (issue 10): started at once on an empty
// database, they migrate one after another (advisory lock); a session opened on one instance
// works on the other (sessions in the database); conflicting confirms of one demande, one sent
// to each instance: exactly one wins, the other gets the conflict a single instance gives;
// concurrent imports on both get distinct numéros, a refused file creates nothing; then the
// chain verifier finds every chain unforked. Skipped, with a message, without PostgreSQL.
import { execFile, execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ouvrirBase, type Db } from "@segur/prisma";
import { creerBase, supprimerBase } from "@segur/prisma/postgresql";
import { exempleDocumentImport } from "@segur/shared";
import { creerCleApi, creerUtilisateur } from "../../server/src/auth/service.js";
import { verifierChaines } from "../../server/src/historique/service.js";
import { binairesPostgres } from "../postgresql/disponible.js";
import { erreurInterne, lancerServeur, portLibre, publierFigure } from "./support.js";

// TEST_PG_URL (CI), or a throwaway cluster of its own from Debian's binaries (its own folder and
// port: the integration-pg project may be running its own at the same time).
const BINAIRES = binairesPostgres();
const DISPONIBLE = !!(process.env.TEST_PG_URL || BINAIRES);
if (!DISPONIBLE)
  console.warn(
    "[preuve] instances PostgreSQL ignorée : ni TEST_PG_URL ni PostgreSQL installé (apt-get install -y postgresql)",
  );

const NOM_BASE = `preuve_instances_${randomBytes(4).toString("hex")}`;
const DOSSIER_GRAPPE = `/tmp/segur-preuve-pg-${process.pid}`;
const SCRIPT = fileURLToPath(new URL("../../prisma/scripts/pg-test-cluster.sh", import.meta.url));
let ADMIN = process.env.TEST_PG_URL;
let grappe = false;
const enfants: ChildProcess[] = [];
beforeAll(async () => {
  if (!DISPONIBLE || ADMIN) return;
  ADMIN = execFileSync("sh", [SCRIPT, "start", DOSSIER_GRAPPE, String(await portLibre())], {
    encoding: "utf8",
    env: { ...process.env, PGBIN: BINAIRES! },
  }).trim();
  grappe = true;
}, 120_000);
afterAll(async () => {
  for (const e of enfants) if (e.exitCode === null) e.kill("SIGKILL");
  if (ADMIN) await supprimerBase(ADMIN, NOM_BASE).catch(() => {});
  if (grappe) {
    execFileSync("sh", [SCRIPT, "stop", DOSSIER_GRAPPE], { stdio: "ignore" });
    fs.rmSync(DOSSIER_GRAPPE, { recursive: true, force: true });
  }
});

async function attendrePret(port: number, enfant: ChildProcess, sortie: () => string) {
  const limite = Date.now() + 120_000;
  for (;;) {
    if (enfant.exitCode !== null) throw new Error(`le serveur s'est arrêté au démarrage :\n${sortie()}`);
    if (Date.now() > limite) throw new Error(`le serveur ne répond pas :\n${sortie()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/sante/pret`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(!DISPONIBLE)("two server processes on one PostgreSQL database", () => {
  it("migrate one after another, share sessions, one confirm wins across instances, distinct numéros, unforked chains", async () => {
    const url = await creerBase(ADMIN!, NOM_BASE);
    const ports = [await portLibre(), await portLibre()];
    const serveurs = ports.map((port) => lancerServeur(url, port));
    enfants.push(...serveurs.map((s) => s.processus));
    await Promise.all(serveurs.map((s, i) => attendrePret(ports[i]!, s.processus, s.sortie)));

    const prisma: Db = await ouvrirBase(url, { migrer: false });
    try {
      // Each migration applied once, although both instances started on the empty database at once.
      const migrations = await prisma.$queryRawUnsafe<{ migration_name: string; n: bigint }[]>(
        `SELECT migration_name, COUNT(*) AS n FROM _prisma_migrations GROUP BY migration_name`,
      );
      expect(migrations.length).toBeGreaterThan(1);
      expect(migrations.filter((m) => Number(m.n) !== 1)).toEqual([]);

      const { cle } = await creerCleApi(prisma, { numeroEditeur: "00001", libelle: "Instances" });
      for (const email of ["g1@instances.fr", "g2@instances.fr"]) {
        await creerUtilisateur(prisma, {
          email,
          nom: `Gestion ${email}`,
          role: "GESTIONNAIRE",
          motDePasse: "motdepasse-test",
        });
      }
      const echecs: string[] = [];
      const gql = async (
        instance: number,
        query: string,
        variables: Record<string, unknown>,
        headers: Record<string, string>,
      ) => {
        const res = await fetch(`http://127.0.0.1:${ports[instance]}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify({ query, variables }),
        });
        const texte = await res.text();
        if (erreurInterne(res.status, texte)) echecs.push(`${res.status} ${texte.slice(0, 300)}`);
        return { res, corps: JSON.parse(texte) as { data?: any; errors?: unknown[] } };
      };
      const connecter = async (instance: number, email: string) => {
        const { res } = await gql(
          instance,
          `mutation($i: ConnexionInput!) { connexion(input: $i) { __typename } }`,
          { i: { email, motDePasse: "motdepasse-test" } },
          {},
        );
        return { cookie: res.headers.get("set-cookie")!.split(";")[0]! };
      };
      // g1 logs in on instance 0 and works on instance 1 with the same session; g2 the other way round.
      const g1 = await connecter(0, "g1@instances.fr");
      const g2 = await connecter(1, "g2@instances.fr");
      const fournisseur = { authorization: `Bearer ${cle}` };

      const IMPORTER = `mutation($d: JSON!) { demandesImporter(input: { document: $d }) { __typename
        ... on DemandesImporterSucces { resultat { demandes { numero } } } ... on Erreur { code } } }`;
      const doc = (reference: string) => {
        const d = exempleDocumentImport();
        d.demandes[0]!.referenceFournisseur = reference;
        return d;
      };
      const importer = async (instance: number, reference: string) =>
        (await gql(instance, IMPORTER, { d: doc(reference) }, fournisseur)).corps.data?.demandesImporter;

      // Conflicting confirms, one to each instance.
      const numero = (await importer(0, "INST-CONFLIT")).resultat.demandes[0].numero as string;
      const stager = `mutation($n: String!, $c: String!) { informationsModifier(input: { numero: $n, valeurs: { courrielContact: $c } }) { __typename } }`;
      const confirmer = `mutation($n: String!) { brouillonConfirmer(input: { numero: $n, versionBase: 1 }) {
        __typename ... on BrouillonConfirmerSucces { confirmation { version { numero } } } ... on Erreur { code } } }`;
      expect(
        (await gql(1, stager, { n: numero, c: "un@instances.fr" }, g1)).corps.data?.informationsModifier?.__typename,
      ).toBe("InformationsModifierSucces");
      expect(
        (await gql(0, stager, { n: numero, c: "deux@instances.fr" }, g2)).corps.data?.informationsModifier?.__typename,
      ).toBe("InformationsModifierSucces");
      const [c1, c2] = await Promise.all([gql(0, confirmer, { n: numero }, g1), gql(1, confirmer, { n: numero }, g2)]);
      const resultats = [c1.corps.data?.brouillonConfirmer, c2.corps.data?.brouillonConfirmer];
      const gagnants = resultats.filter((r) => r?.__typename === "BrouillonConfirmerSucces");
      expect(gagnants, JSON.stringify(resultats)).toHaveLength(1);
      expect(gagnants[0].confirmation.version.numero).toBe(2);
      const perdant = resultats.find((r) => r?.__typename !== "BrouillonConfirmerSucces");
      // What one instance answers to a confirm at an outdated base version: the same union member and code.
      expect(perdant).toEqual({ __typename: "ErreurConflit", code: "CONFLIT_VERSION" });
      const iPerdant = resultats.indexOf(perdant);
      const seul = await gql(iPerdant, confirmer, { n: numero }, iPerdant === 0 ? g1 : g2);
      expect(seul.corps.data?.brouillonConfirmer).toEqual(perdant);

      // Concurrent imports on both instances: all accepted, distinct numéros; refused files create nothing.
      const avant = await prisma.demande.count();
      const refuse = exempleDocumentImport();
      (refuse.demandes[0] as { couloir: string }).couloir = "INCONNU";
      const [imports, refus] = await Promise.all([
        Promise.all(Array.from({ length: 12 }, (_, i) => importer(i % 2, `INST-${i}`))),
        Promise.all(
          [0, 1].map(async (i) => (await gql(i, IMPORTER, { d: refuse }, fournisseur)).corps.data?.demandesImporter),
        ),
      ]);
      const numeros = imports.map((r) => r?.resultat?.demandes?.[0]?.numero as string);
      expect(numeros.filter(Boolean), JSON.stringify(imports.filter((r) => !r?.resultat))).toHaveLength(12);
      expect(new Set(numeros).size).toBe(12);
      expect(refus.map((r) => r?.__typename)).toEqual(["ErreurValidation", "ErreurValidation"]);
      expect(await prisma.demande.count()).toBe(avant + 12);
      expect(echecs).toEqual([]);

      // Both stop cleanly, then the chain verifier.
      await Promise.all(
        serveurs.map(
          (s) =>
            new Promise<void>((r) => {
              s.processus.once("exit", () => r());
              s.processus.kill("SIGTERM");
            }),
        ),
      );
      expect(serveurs.map((s) => s.processus.exitCode)).toEqual([0, 0]);
      const { versions, evenements, ruptures } = await verifierChaines(prisma);
      expect(ruptures).toEqual([]);
      // The operators' command says the same (exit code 0).
      const cli = await promisify(execFile)(
        fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url)),
        ["server/src/cli/verifier-historique.ts"],
        {
          cwd: fileURLToPath(new URL("../..", import.meta.url)),
          env: { ...process.env, DATABASE_URL: url },
        },
      );
      expect(cli.stdout).toContain("Aucune rupture");
      publierFigure(
        "instances-postgresql",
        `2 processus sur une base PostgreSQL : 1 confirmation gagnante sur 2, 12 imports concurrents, ${versions} versions et ${evenements} événements vérifiés, 0 rupture`,
        {
          migrations: migrations.length,
          imports: 12,
          versions,
          evenements,
        },
      );
    } finally {
      await prisma.$disconnect();
    }
  }, 240_000);
});
