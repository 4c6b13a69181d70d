// The product on the benchmark's file: the real app (full GraphQL stack through `app.fetch`),
// Prisma's query events counted (SQL statements per operation), the demo accounts signed in.
import { dialecteUrl, ouvrirBase } from "@segur/prisma";
import { lireConfig } from "../server/src/config.js";
import { createApp, type App } from "../server/src/app.js";
import { creerCleApi } from "../server/src/auth/service.js";
import { COMPTES_DEMO } from "../server/src/seed/service.js";
import { creerLogger } from "../server/src/exploitation/logger.js";

export type Entetes = Record<string, string>;

export interface AppBench extends App {
  gql: (
    query: string,
    variables?: Record<string, unknown>,
    entetes?: Entetes,
  ) => Promise<{ data?: any; errors?: { message: string }[] }>;
  gestionnaire: Entetes;
  auditeur: Entetes;
  fournisseur: (numeroEditeur: string) => Promise<Entetes>;
  /** SQL statements run so far. */
  requetes: () => number;
  fermer: () => Promise<void>;
}

/** `fichier`: the SQLite bench file, or a `postgresql://…` URL (already migrated: bench/postgresql.ts). */
export async function ouvrirApp(fichier: string): Promise<AppBench> {
  const url = dialecteUrl(fichier) === "postgresql" ? fichier : `file:${fichier}`;
  const prisma = await ouvrirBase(url, { journaliserRequetes: true });
  let requetes = 0;
  (prisma as unknown as { $on: (e: "query", f: () => void) => void }).$on("query", () => void requetes++);
  // Each request's log line is written as in production (info), into a sink: the report stays readable.
  const journal = creerLogger("info", { write: () => {} });
  const app = createApp({
    prisma,
    config: lireConfig({}),
    courrielleur: { nom: "bench", envoyer: async () => {} },
    journal,
  });
  const gql: AppBench["gql"] = async (query, variables, entetes = {}) => {
    const res = await app.fetch("http://bench/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...entetes },
      body: JSON.stringify({ query, variables }),
    });
    return res.json() as never;
  };
  const connecter = async (c: { email: string; motDePasse: string }): Promise<Entetes> => {
    const res = await app.fetch("http://bench/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `mutation($i: ConnexionInput!) { connexion(input: $i) { __typename } }`,
        variables: { i: { email: c.email, motDePasse: c.motDePasse } },
      }),
    });
    const cookie = res.headers.get("set-cookie");
    if (!cookie) throw new Error(`connexion impossible (${c.email}) : ${await res.text()}`);
    return { cookie: cookie.split(";")[0]! };
  };
  return {
    ...app,
    gql,
    requetes: () => requetes,
    gestionnaire: await connecter(COMPTES_DEMO.gestionnaire),
    auditeur: await connecter(COMPTES_DEMO.auditeur),
    fournisseur: async (numeroEditeur) => ({
      authorization: `Bearer ${(await creerCleApi(prisma, { numeroEditeur, libelle: "bench" })).cle}`,
    }),
    fermer: async () => {
      await app.boiteEnvoi.arreter();
      await prisma.$disconnect();
    },
  };
}
