// Hazards of several server instances on one database (issue 10, items 3 and 4): the hash
// chains, numéros de dossier and batch numbers, scheduled jobs. On PostgreSQL the second instance
// is a second client (its own pool) and app on the same database; on SQLite it is the same
// client (better-sqlite3 is synchronous: two connections of one process waiting for each other's
// write lock would block the event loop; two processes on one file are proved by
// test/preuves/processus.test.ts).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exempleDocumentImport } from "@segur/shared";
import { ouvrirBase, type Db } from "@segur/prisma";
import { createApp, type App } from "../../server/src/app.js";
import { AUTEUR_SYSTEME, enregistrerEvenement, verifierChaines } from "../../server/src/historique/service.js";
import { importerMaintenant } from "../../server/src/import/service.js";
import { prendreNumeros } from "../../server/src/commun/compteur.js";
import { tracerAcces } from "../../server/src/acces/trace.js";
import { executerSousBail, prendreBail } from "../../server/src/commun/bail-tache.js";
import { BAIL_STATISTIQUES, rafraichirStatistiquesSousBail } from "../../server/src/commun/statistiques.js";
import { BASE_TEST, creerAppTest, importerExemple, type AppTest, type Identite } from "../../server/test/aide.js";

let app: AppTest;
let prisma2: Db;
let app2: App;
beforeEach(async () => {
  app = await creerAppTest();
  prisma2 = BASE_TEST === "postgresql" ? await ouvrirBase(app.urlBase, { migrer: false }) : app.prisma;
  app2 =
    BASE_TEST === "postgresql"
      ? createApp({ prisma: prisma2, config: app.config, courrielleur: { nom: "test", envoyer: async () => {} } })
      : app;
});
afterEach(async () => {
  if (prisma2 !== app.prisma) {
    await app2.boiteEnvoi.arreter();
    await prisma2.$disconnect();
  }
  await app.fermer();
});

/** A GraphQL request on instance 2, with a session opened on instance 1 (sessions live in the database). */
async function gql2(query: string, variables: Record<string, unknown>, as: Identite) {
  const res = await app2.fetch("http://test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...as.headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: unknown[] };
}

const instances = () => [app.prisma, prisma2];

describe("audit hash chain across instances", () => {
  it("20 concurrent events on one demande, 10 per instance: one unforked chain", async () => {
    const numero = await importerExemple(app);
    const { id } = await app.prisma.demande.findUniqueOrThrow({ where: { numero } });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        instances()[i % 2]!.$transaction((tx) =>
          enregistrerEvenement(tx, { demandeId: id, type: "LIGNE_VALIDEE", auteur: AUTEUR_SYSTEME, cle: `k${i}` }),
        ),
      ),
    );
    const evenements = await app.prisma.evenementAudit.findMany({ where: { demandeId: id }, orderBy: { id: "asc" } });
    expect(evenements).toHaveLength(21); // the IMPORT event, then the 20
    expect(new Set(evenements.map((e) => e.hashPrecedent)).size, "deux événements partagent un maillon précédent").toBe(
      21,
    );
    expect((await verifierChaines(app.prisma)).ruptures).toEqual([]);
  });

  it("20 concurrent events without a demande (batches, login limits), 10 per instance: one unforked chain", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        instances()[i % 2]!.$transaction((tx) =>
          enregistrerEvenement(tx, {
            demandeId: null,
            type: "CONNEXION_LIMITEE",
            auteur: AUTEUR_SYSTEME,
            cle: `k${i}`,
          }),
        ),
      ),
    );
    const evenements = await app.prisma.evenementAudit.findMany({ where: { demandeId: null }, orderBy: { id: "asc" } });
    expect(evenements).toHaveLength(20);
    expect(new Set(evenements.map((e) => e.hashPrecedent)).size, "deux événements partagent un maillon précédent").toBe(
      20,
    );
    expect((await verifierChaines(app.prisma)).ruptures).toEqual([]);
  });

  it("conflicting confirms of one demande, one per instance: exactly one wins, the other gets CONFLIT_VERSION, the version chain verifies", async () => {
    const numero = await importerExemple(app);
    const stager = `mutation($n: String!, $c: String!) { informationsModifier(input: { numero: $n, valeurs: { courrielContact: $c } }) { __typename } }`;
    const confirmer = `mutation($n: String!) { brouillonConfirmer(input: { numero: $n, versionBase: 1 }) {
      __typename ... on BrouillonConfirmerSucces { confirmation { version { numero } } } ... on Erreur { code } } }`;
    const auditeurGestion = await (async () => {
      // A second gestionnaire: each one has its own draft.
      const { creerUtilisateur } = await import("../../server/src/auth/service.js");
      await creerUtilisateur(app.prisma, {
        email: "g2@test.fr",
        nom: "Gilles Gestion",
        role: "GESTIONNAIRE",
        motDePasse: "motdepasse-test",
      });
      const res = await app2.fetch("http://test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query: `mutation($i: ConnexionInput!) { connexion(input: $i) { __typename } }`,
          variables: { i: { email: "g2@test.fr", motDePasse: "motdepasse-test" } },
        }),
      });
      return { headers: { cookie: res.headers.get("set-cookie")!.split(";")[0]! } };
    })();
    expect(
      (await app.gql(stager, { n: numero, c: "a@test.fr" }, app.gestionnaire)).data.informationsModifier.__typename,
    ).toBe("InformationsModifierSucces");
    expect(
      (await gql2(stager, { n: numero, c: "b@test.fr" }, auditeurGestion)).data.informationsModifier.__typename,
    ).toBe("InformationsModifierSucces");
    const [r1, r2] = await Promise.all([
      app.gql(confirmer, { n: numero }, app.gestionnaire),
      gql2(confirmer, { n: numero }, auditeurGestion),
    ]);
    const resultats = [r1.data?.brouillonConfirmer, r2.data?.brouillonConfirmer];
    expect(
      resultats.filter((r) => r?.__typename === "BrouillonConfirmerSucces"),
      JSON.stringify([r1, r2]),
    ).toHaveLength(1);
    expect(resultats.find((r) => r?.__typename !== "BrouillonConfirmerSucces")).toEqual({
      __typename: "ErreurConflit",
      code: "CONFLIT_VERSION",
    });
    const versions = await app.prisma.version.findMany({ where: { demande: { numero } }, orderBy: { numero: "asc" } });
    expect(versions.map((v) => v.numero)).toEqual([1, 2]);
    expect((await verifierChaines(app.prisma)).ruptures).toEqual([]);
  });
});

describe("numbers given across instances (Compteur)", () => {
  it("concurrent imports on two instances all succeed, with distinct consecutive numéros", async () => {
    const doc = () => {
      const d = exempleDocumentImport();
      // Without a reference fournisseur: the same file imported again is another demande.
      for (const x of d.demandes as { referenceFournisseur?: string }[]) delete x.referenceFournisseur;
      return d;
    };
    const resultats = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        importerMaintenant(instances()[i % 2]!, app.config, doc(), { auteur: AUTEUR_SYSTEME }),
      ),
    );
    const numeros = resultats.flatMap((r) => r.demandes.map((d: { numero: string }) => d.numero)).sort();
    expect(new Set(numeros).size).toBe(numeros.length);
    const prefixe = numeros[0]!.slice(0, 6);
    expect(numeros).toEqual(
      Array.from({ length: numeros.length }, (_, i) => `${prefixe}${String(i + 1).padStart(6, "0")}M0`),
    );
    expect((await verifierChaines(app.prisma)).ruptures).toEqual([]);
  });

  it("the counter starts above numbers stored without it, and never gives one twice under concurrency", async () => {
    // A demande numbered by the bulk generator or an older version (no counter row).
    await importerMaintenant(app.prisma, app.config, exempleDocumentImport(), {
      auteur: AUTEUR_SYSTEME,
      numeros: ["FINMS1000041M0"],
    });
    const pris = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        instances()[i % 2]!.$transaction((tx) => prendreNumeros(tx, "FINMS1", 3, 41)),
      ),
    );
    const tous = pris.flatMap((dernier) => [dernier - 2, dernier - 1, dernier]).sort((a, b) => a - b);
    expect(tous).toEqual(Array.from({ length: 60 }, (_, i) => 42 + i));
    // A rolled-back transaction gives its numbers back.
    await expect(
      app.prisma.$transaction(async (tx) => {
        await prendreNumeros(tx, "FINMS1", 1, 0);
        throw new Error("annulée");
      }),
    ).rejects.toThrow("annulée");
    expect(await app.prisma.$transaction((tx) => prendreNumeros(tx, "FINMS1", 1, 0))).toBe(102);
  });

  it("two concurrent batch creations, one per instance: one batch, the other LOT_VIDE, never a duplicate number", async () => {
    const numero = await importerExemple(app);
    await app.gql(
      `mutation($i: BlocValiderInput!) { blocValider(input: $i) { __typename } }`,
      { i: { numero, bloc: "ADMINISTRATEURS" } },
      app.gestionnaire,
    );
    const creer = `mutation { lotTransmissionCreer(input: {}) { __typename ... on LotTransmissionCreerSucces { lot { numero } } ... on Erreur { code message } } }`;
    const reponses = await Promise.all([app.gql(creer, {}, app.gestionnaire), gql2(creer, {}, app.gestionnaire)]);
    const r = reponses.map((x) => x.data?.lotTransmissionCreer);
    expect(
      r.filter((x) => x?.__typename === "LotTransmissionCreerSucces"),
      JSON.stringify(reponses),
    ).toHaveLength(1);
    expect(r.find((x) => x?.__typename !== "LotTransmissionCreerSucces")).toMatchObject({ code: "LOT_VIDE" });
    // Two batches of one day, one per instance: consecutive numbers.
    const jour = r.find((x) => x?.lot)!.lot.numero.slice(0, 13);
    const rangs = await Promise.all(instances().map((p) => p.$transaction((tx) => prendreNumeros(tx, jour, 1, 1))));
    expect(rangs.sort()).toEqual([2, 3]);
  });
});

describe("access-trace de-duplication across instances", () => {
  it("a consultation traced by both instances at once (one not yet committed), then 20 more: one trace", async () => {
    const numero = await importerExemple(app);
    const acteur = {
      type: "UTILISATEUR",
      id: 1,
      cle: "U:1",
      nom: "Gaëlle Gestion",
      email: "",
      role: "GESTIONNAIRE",
      numeroEditeur: null,
    } as const;
    const le = new Date();
    // Instance 1's trace is written but not yet committed when instance 2 checks for it.
    let autre: Promise<void> | null = null;
    await app.prisma.$transaction(async (tx) => {
      await tracerAcces(tx as unknown as Db, acteur, "CONSULTATION", numero, le);
      autre = tracerAcces(prisma2, acteur, "CONSULTATION", numero, new Date(le.getTime() + 1));
      await new Promise((r) => setTimeout(r, 300));
    });
    await autre;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        tracerAcces(instances()[i % 2]!, acteur, "CONSULTATION", numero, new Date(le.getTime() + i)),
      ),
    );
    expect(await app.prisma.traceAcces.count({ where: { cible: numero, operation: "CONSULTATION" } })).toBe(1);
    // And through the API, on both instances: still that one consultation.
    const lire = `query($n: String!) { demande(numero: $n) { numero } }`;
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        i % 2 ? gql2(lire, { n: numero }, app.gestionnaire) : app.gql(lire, { n: numero }, app.gestionnaire),
      ),
    );
    expect(await app.prisma.traceAcces.count({ where: { cible: numero, operation: "CONSULTATION" } })).toBe(1);
  });
});

describe("scheduled jobs run once across instances (BailTache)", () => {
  it("two instances taking one job's lease at once: one runs it; the holder renews it, another takes it once expired", async () => {
    let executions = 0;
    const tache = () => void executions++;
    const pris = await Promise.all([
      ...Array.from({ length: 5 }, () => executerSousBail(app.prisma, "essai", 60_000, tache, "instance-1")),
      ...Array.from({ length: 5 }, () => executerSousBail(prisma2, "essai", 60_000, tache, "instance-2")),
    ]);
    expect(executions).toBe(pris.filter(Boolean).length);
    const titulaire = (await app.prisma.bailTache.findUniqueOrThrow({ where: { nom: "essai" } })).titulaire;
    // Only the holder's calls ran (it renews its own lease), never the other instance's.
    expect(pris.slice(titulaire === "instance-1" ? 5 : 0, titulaire === "instance-1" ? 10 : 5).some(Boolean)).toBe(
      false,
    );
    const autre = titulaire === "instance-1" ? "instance-2" : "instance-1";
    expect(await prendreBail(prisma2, "essai", 60_000, autre)).toBe(false);
    expect(await prendreBail(prisma2, "essai", 60_000, autre, new Date(Date.now() + 61_000))).toBe(true);
    expect(await prendreBail(app.prisma, "essai", 60_000, titulaire, new Date(Date.now() + 62_000))).toBe(false);
  });

  it("a job given back when done (trace purge): never twice at once, and free again right after", async () => {
    let enCours = 0;
    let maximum = 0;
    const tache = async () => {
      maximum = Math.max(maximum, ++enCours);
      await new Promise((r) => setTimeout(r, 200));
      enCours--;
    };
    const pris = await Promise.all(
      instances().map((p, i) =>
        executerSousBail(p, "purge-traces", 60_000, tache, `instance-${i + 1}`, { liberer: true }),
      ),
    );
    expect(pris.filter(Boolean)).toHaveLength(1);
    expect(maximum).toBe(1);
    expect(await executerSousBail(prisma2, "purge-traces", 60_000, tache, "instance-3", { liberer: true })).toBe(true);
  });

  it("the planner statistics refresh: two instances ticking together, it runs on one", async () => {
    const ran = await Promise.all([
      rafraichirStatistiquesSousBail(app.prisma, app.urlBase, 3_600_000, "instance-1"),
      rafraichirStatistiquesSousBail(prisma2, app.urlBase, 3_600_000, "instance-2"),
    ]);
    expect(ran.filter(Boolean)).toHaveLength(1);
    const bail = await app.prisma.bailTache.findUniqueOrThrow({ where: { nom: BAIL_STATISTIQUES } });
    expect(bail.expireLe.getTime() - Date.now()).toBeGreaterThan(3_000_000);
    expect(bail.expireLe.getTime() - Date.now()).toBeLessThanOrEqual(3_240_000);
  });
});
