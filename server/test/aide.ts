import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ouvrirBase, type Db } from "@segur/prisma";
import { creerBaseDepuisModele, supprimerBase } from "@segur/prisma/postgresql";
import { lireConfig, type Config } from "../src/config.js";
import { createApp, type App } from "../src/app.js";
import { creerCleApi, creerUtilisateur } from "../src/auth/service.js";
import type { Courrielleur, MessageCourriel } from "../src/courriel/transport.js";
import { exempleDocumentImport } from "@segur/shared";
import { importerDocument } from "../src/import/service.js";
import { AUTEUR_SYSTEME } from "../src/historique/service.js";

export interface AppTest extends App {
  /** GraphQL request as gestionnaire / auditeur (cookie) or fournisseur (API key). */
  gql: <T = any>(
    query: string,
    variables?: Record<string, unknown>,
    as?: Identite,
  ) => Promise<{ data?: T; errors?: { message: string; extensions?: unknown }[] }>;
  gestionnaire: Identite;
  auditeur: Identite;
  fournisseur: (numeroEditeur: string, options?: { lectureSeule?: boolean }) => Promise<Identite>;
  courriels: MessageCourriel[];
  /** The SQLite file ("" on PostgreSQL: read it through `urlBase`). */
  dbFile: string;
  /** DATABASE_URL of this app's own database (a SQLite file, or a PostgreSQL database `t_<hex>`). */
  urlBase: string;
  /** SQL statements run so far (to check that a query's cost does not grow with its rows). */
  requetes: string[];
  fermer: () => Promise<void>;
}

export type Identite = { headers: Record<string, string> };

/** The database the tests run on: SQLite, or PostgreSQL in the `integration-pg` project (test/vitest.config.ts). */
export const BASE_TEST: "sqlite" | "postgresql" =
  process.env.SEGUR_TEST_BASE === "postgresql" ? "postgresql" : "sqlite";

/**
 * A logged statement in one spelling for both databases: without the schema qualifier (SQLite's
 * `main`., PostgreSQL's "public".), identifiers in double quotes. Placeholders stay as they are.
 */
export const sqlCommun = (sql: string) => sql.replace(/`main`\.|"public"\./g, "").replaceAll("`", '"');

/** A fresh database: a SQLite file, or a copy of the PostgreSQL template migrated by test/postgresql/modele.ts. */
async function nouvelleBase(
  base = BASE_TEST,
): Promise<{ urlBase: string; dbFile: string; supprimer: () => Promise<void> }> {
  if (base === "postgresql") {
    const admin = process.env.SEGUR_TEST_PG_URL;
    const modele = process.env.SEGUR_TEST_PG_MODELE;
    if (!admin || !modele)
      throw new Error(
        "SEGUR_TEST_BASE=postgresql sans serveur : lancer le projet integration-pg (test/postgresql/modele.ts)",
      );
    const urlBase = await creerBaseDepuisModele(admin, modele);
    return { urlBase, dbFile: "", supprimer: () => supprimerBase(admin, new URL(urlBase).pathname.slice(1)) };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "segur-test-"));
  const dbFile = path.join(dir, "test.db");
  return { urlBase: `file:${dbFile}`, dbFile, supprimer: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh app on its own database, with one gestionnaire and one auditeur logged in. */
export async function creerAppTest(
  surcharges: Partial<Config> = {},
  options: { courrielleur?: Courrielleur; base?: typeof BASE_TEST } = {},
): Promise<AppTest> {
  const base = options.base ?? BASE_TEST;
  const { urlBase, dbFile, supprimer } = await nouvelleBase(base);
  // The PostgreSQL copy is already migrated: its template was.
  const prisma: Db = await ouvrirBase(urlBase, { journaliserRequetes: true, migrer: base === "sqlite" });
  const requetes: string[] = [];
  (prisma as unknown as { $on: (e: "query", f: (e: { query: string }) => void) => void }).$on(
    "query",
    (e) => void requetes.push(e.query),
  );
  const config = { ...lireConfig({}), ...surcharges };
  const courriels: MessageCourriel[] = [];
  const courrielleur: Courrielleur = options.courrielleur ?? {
    nom: "test",
    envoyer: async (m) => void courriels.push(m),
  };
  const app = createApp({ prisma, config, courrielleur });

  const gql: AppTest["gql"] = async (query, variables, as) => {
    const res = await app.fetch("http://test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...(as?.headers ?? {}) },
      body: JSON.stringify({ query, variables }),
    });
    return res.json() as never;
  };

  async function connecter(email: string, role: "GESTIONNAIRE" | "AUDITEUR", nom: string): Promise<Identite> {
    await creerUtilisateur(prisma, { email, nom, role, motDePasse: "motdepasse-test" });
    const res = await app.fetch("http://test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `mutation($i: ConnexionInput!) { connexion(input: $i) { __typename } }`,
        variables: { i: { email, motDePasse: "motdepasse-test" } },
      }),
    });
    const cookie = res.headers.get("set-cookie");
    if (!cookie) throw new Error(`connexion impossible pour ${email}: ${await res.text()}`);
    return { headers: { cookie: cookie.split(";")[0]! } };
  }

  const gestionnaire = await connecter("gestionnaire@test.fr", "GESTIONNAIRE", "Gaëlle Gestion");
  const auditeur = await connecter("auditeur@test.fr", "AUDITEUR", "Aurélien Audit");
  return {
    ...app,
    gql,
    gestionnaire,
    auditeur,
    courriels,
    dbFile,
    urlBase,
    requetes,
    fournisseur: async (numeroEditeur, options = {}) => {
      const { cle } = await creerCleApi(prisma, {
        numeroEditeur,
        libelle: `Éditeur ${numeroEditeur}`,
        lectureSeule: options.lectureSeule,
      });
      return { headers: { authorization: `Bearer ${cle}` } };
    },
    fermer: async () => {
      await app.boiteEnvoi.arreter();
      await prisma.$disconnect();
      await supprimer();
    },
  };
}

/** Imports the supplier guide's demande (SPEC §8, éditeur 00001) and returns its numéro. */
export async function importerExemple(app: AppTest): Promise<string> {
  const { demandes } = await importerDocument(app.prisma, app.config, exempleDocumentImport(), {
    auteur: AUTEUR_SYSTEME,
  });
  return demandes[0]!.numero;
}
