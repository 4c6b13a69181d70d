import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE_TEST, creerAppTest, importerExemple, sqlCommun, type AppTest } from "../../server/test/aide.js";
import { hashVersion } from "../../server/src/historique/chaine.js";
import { INTERVALLE_INSTANTANES } from "../../server/src/historique/instantanes.js";
import { completerInstantanes, etatALaVersion, verifierChaines, type Tx } from "../../server/src/historique/service.js";

const Database = createRequire(new URL("../../prisma/package.json", import.meta.url))("better-sqlite3") as new (
  f: string,
) => {
  prepare(sql: string): { all(...p: unknown[]): any[] };
  close(): void;
};

// SQLite binds at most 999 parameters per statement: a demande's history must not bind one per
// version; and reading any version must cost the same bounded work (snapshot + < K versions).
const N = 10_000;
const courriel = (n: number) => `v${n}@editeur.fr`;

let app: AppTest;
let numero: string;
let demandeId: number;
beforeAll(async () => {
  app = await creerAppTest();
  numero = await importerExemple(app);
  // Versions 2..N, each changing the contact email, written in bulk with a correct hash chain.
  const d = await app.prisma.demande.findUniqueOrThrow({ where: { numero }, include: { versions: true } });
  demandeId = d.id;
  let precedent = d.versions[0]!.hash;
  const versions = [];
  const changements = new Map<
    number,
    {
      ordre: number;
      bloc: string;
      cle: string;
      nature: string;
      champ: string;
      ancienneValeur: string | null;
      nouvelleValeur: string | null;
    }[]
  >();
  for (let n = 2; n <= N; n++) {
    const c = [
      {
        ordre: 0,
        bloc: "INFORMATIONS",
        cle: "demande",
        nature: "MODIFICATION",
        champ: "courrielContact",
        ancienneValeur: n === 2 ? d.courrielContact : courriel(n - 1),
        nouvelleValeur: courriel(n),
      },
    ];
    const v = {
      demandeId: d.id,
      numero: n,
      auteur: "Gaëlle Gestion",
      acteur: "U:1",
      role: "GESTIONNAIRE",
      creeLe: new Date(Date.UTC(2026, 0, 1) + n * 60_000),
      commentaire: `Version ${n}`,
    };
    const hash = hashVersion(precedent, { ...v, demandeNumero: numero, changements: c });
    versions.push({ ...v, hashPrecedent: precedent, hash, nombreChangements: c.length });
    changements.set(n, c);
    precedent = hash;
  }
  await app.prisma.version.createMany({ data: versions });
  const ids = await app.prisma.version.findMany({
    where: { demandeId: d.id, numero: { gte: 2 } },
    select: { id: true, numero: true },
  });
  await app.prisma.changementVersion.createMany({
    data: ids.flatMap((v) => changements.get(v.numero)!.map((c) => ({ ...c, versionId: v.id }))),
  });
  await app.prisma.demande.update({ where: { id: d.id }, data: { versionCourante: N, courrielContact: courriel(N) } });
  // Bulk-written history: its snapshots are written afterwards, as confirms would have.
  expect(await completerInstantanes(app.prisma, d.id)).toBe(N / INTERVALLE_INSTANTANES);
}, 300_000);
afterAll(() => app.fermer());

type Reponse = Awaited<ReturnType<AppTest["gql"]>> & { data?: any };

/** Statements run by `f`. */
async function mesurer(f: () => Promise<unknown>) {
  const avant = app.requetes.length;
  await f();
  return app.requetes.slice(avant);
}

describe(`a demande with ${N} versions`, () => {
  const VERSION = `query($n: String!, $v: Int!) { demandeALaVersion(numero: $n, version: $v) { version { numero commentaire nombreChangements changements { nouvelleValeur } } informations { courrielContact logiciel } administrateurs { cle } } }`;

  it("shows any past version (first, middle, last but one, last) with the same bounded statements", async () => {
    const parK = new Map<number, string[]>();
    for (const k of [1, 99, 100, 101, 5000, 9999, N]) {
      let r: Reponse | undefined;
      parK.set(k, await mesurer(async () => void (r = await app.gql(VERSION, { n: numero, v: k }, app.auditeur))));
      expect(r!.errors).toBeUndefined();
      const v = r!.data.demandeALaVersion;
      expect(v.version).toMatchObject({ numero: k, nombreChangements: k === 1 ? v.version.changements.length : 1 });
      expect(v.informations).toMatchObject({
        courrielContact: k === 1 ? "contact@editeur-dui.fr" : courriel(k),
        logiciel: "DUI-PDS",
      });
      expect(v.administrateurs).toHaveLength(5);
    }
    const comptes = [...parK.values()].map((s) => s.length);
    expect(new Set(comptes).size).toBe(1);
    expect(comptes[0]).toBeLessThanOrEqual(12);
    // No statement binds a list growing with the data.
    for (const s of [...parK.values()].flat()) expect(s.length).toBeLessThan(2000);
    // The replay is a range on the (demandeId, numero) index joined by versionId: no scan, no sort.
    const replay = parK.get(9999)!.find((s) => s.includes('JOIN "ChangementVersion"'))!;
    expect(replay).toBeDefined();
    // EXPLAIN QUERY PLAN is SQLite's (a PostgreSQL plan check can come later).
    if (BASE_TEST === "postgresql") return;
    const db = new Database(app.dbFile);
    try {
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN ${replay}`)
        .all(demandeId, 9900, 9999)
        .map((l: { detail: string }) => l.detail);
      expect(plan).toEqual([
        expect.stringMatching(
          /^SEARCH v USING .*INDEX Version_demandeId_numero_key \(demandeId=\? AND numero>\? AND numero<\?\)/,
        ),
        expect.stringMatching(/^SEARCH c USING INDEX ChangementVersion_versionId_ordre_idx \(versionId=\?\)/),
      ]);
    } finally {
      db.close();
    }
  });

  it("reads at most K versions of changes for any k (snapshot, then a range)", async () => {
    let lignesLues = 0;
    // A client whose raw queries (the change replay) report how many rows they returned.
    const compteur = new Proxy(app.prisma, {
      get(cible, nom, recepteur) {
        const valeur = Reflect.get(cible, nom, recepteur);
        if (nom !== "$queryRaw") return typeof valeur === "function" ? valeur.bind(cible) : valeur;
        return async (...a: unknown[]) => {
          const rows = (await (valeur as (...x: unknown[]) => Promise<unknown[]>).apply(cible, a)) as unknown[];
          lignesLues += rows.length;
          return rows;
        };
      },
    }) as unknown as Tx;
    for (const k of [2, 99, 100, 150, 199, 5000, 9999, N]) {
      lignesLues = 0;
      const etat = await etatALaVersion(compteur, demandeId, k);
      expect(etat.INFORMATIONS.get("demande")?.courrielContact).toBe(courriel(k));
      // Changes after the nearest snapshot: k mod K rows (before the K-th, after the compact version 1's snapshot: k - 1).
      expect(lignesLues).toBe(k >= INTERVALLE_INSTANTANES ? k % INTERVALLE_INSTANTANES : k - 1);
    }
  });

  it("compares two versions far apart", async () => {
    const r = await app.gql(
      `query($n: String!) { demandeComparer(numero: $n, de: 3, a: ${N}) { bloc cle nature champ ancienneValeur nouvelleValeur } }`,
      { n: numero },
      app.auditeur,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.demandeComparer).toEqual([
      {
        bloc: "INFORMATIONS",
        cle: "demande",
        nature: "MODIFICATION",
        champ: "courrielContact",
        ancienneValeur: courriel(3),
        nouvelleValeur: courriel(N),
      },
    ]);
    const s = await mesurer(() =>
      app.gql(
        `query($n: String!) { demandeComparer(numero: $n, de: 1, a: 9999) { champ } }`,
        { n: numero },
        app.auditeur,
      ),
    );
    expect(s.length).toBeLessThanOrEqual(16);
  });

  const PAGE = `query($n: String!, $p: Int, $avant: Int) { demande(numero: $n) { versionCourante versions(premieres: $p, avant: $avant) { numero nombreChangements changements { champ nouvelleValeur } } } }`;

  it("pages the Historique: the newest first, then from a cursor, same statements at any depth, no count over the changes", async () => {
    let r: Reponse | undefined;
    await app.gql(PAGE, { n: numero, p: 1 }, app.auditeur); // the consultation's access trace, written once
    const limitesVersions: number[] = [];
    (app.prisma as unknown as { $on: (e: "query", f: (e: { query: string; params: string }) => void) => void }).$on(
      "query",
      (e) => {
        if (/FROM "Version" WHERE .*ORDER BY "Version"\."numero" DESC LIMIT/.test(sqlCommun(e.query)))
          limitesVersions.push(Number((JSON.parse(e.params) as unknown[]).at(-2)));
      },
    );
    const premiere = await mesurer(async () => void (r = await app.gql(PAGE, { n: numero, p: 50 }, app.auditeur)));
    expect(r!.errors).toBeUndefined();
    const versions = r!.data.demande.versions;
    expect(versions).toHaveLength(50);
    expect(versions[0]).toEqual({
      numero: N,
      nombreChangements: 1,
      changements: [{ champ: "courrielContact", nouvelleValeur: courriel(N) }],
    });
    expect(versions[49].numero).toBe(N - 49);

    const profonde = await mesurer(
      async () => void (r = await app.gql(PAGE, { n: numero, p: 50, avant: 51 }, app.auditeur)),
    );
    expect(r!.data.demande.versions.map((v: { numero: number }) => v.numero)).toEqual(
      Array.from({ length: 50 }, (_, i) => 50 - i),
    );
    expect(r!.data.demande.versions.at(-1).changements.length).toBe(r!.data.demande.versions.at(-1).nombreChangements);
    expect(profonde.length).toBe(premiere.length);
    // Each page is a LIMIT in SQL, never every version paged in memory (Prisma's nested relations bind LIMIT -1).
    expect(limitesVersions.length).toBeGreaterThanOrEqual(2);
    for (const l of limitesVersions) expect(l).toBe(50);
    // The stored count is read: nothing groups or counts the change table.
    for (const s of [...premiere, ...profonde]) expect(s).not.toMatch(/COUNT\(|GROUP BY/i);
  });

  it("refuses a page size out of bounds, in French, naming the argument", async () => {
    const r = await app.gql(PAGE, { n: numero, p: 0 }, app.auditeur);
    expect(r.errors?.[0]?.message).toMatch(/premieres doit être compris entre 1 et 1000/);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION" });
  });

  it("still lists the whole Historique without pagination arguments", async () => {
    const r = await app.gql(
      `query($n: String!) { demande(numero: $n) { versions { numero nombreChangements } } }`,
      { n: numero },
      app.auditeur,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.demande.versions).toHaveLength(N);
    expect(r.data.demande.versions[N - 1].numero).toBe(1);
  });

  it("a new version is still confirmed on top, and the chain (counts and snapshots included) still verifies", async () => {
    const s = await app.gql(
      `mutation($i: InformationsModifierInput!) { informationsModifier(input: $i) { __typename } }`,
      { i: { numero, valeurs: { courrielContact: "final@editeur.fr" } } },
      app.gestionnaire,
    );
    expect(s.data.informationsModifier.__typename).toBe("InformationsModifierSucces");
    const c = await app.gql(
      `mutation($i: BrouillonConfirmerInput!) { brouillonConfirmer(input: $i) { __typename ... on BrouillonConfirmerSucces { confirmation { version { numero nombreChangements changements { ancienneValeur nouvelleValeur } } } } } }`,
      { i: { numero, versionBase: N } },
      app.gestionnaire,
    );
    expect(c.data.brouillonConfirmer.confirmation.version).toEqual({
      numero: N + 1,
      nombreChangements: 1,
      changements: [{ ancienneValeur: courriel(N), nouvelleValeur: "final@editeur.fr" }],
    });
    const { ruptures, versions } = await verifierChaines(app.prisma);
    expect(ruptures).toEqual([]);
    expect(versions).toBe(N + 1);
  });
});
