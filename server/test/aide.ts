import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "@segur/prisma";
import { lireConfig, type Config } from "../src/config.js";
import { createApp, type App } from "../src/app.js";
import { creerCleApi, creerUtilisateur } from "../src/auth/service.js";
import type { Courrielleur, MessageCourriel } from "../src/courriel/transport.js";
import { exempleDocumentImport } from "@segur/shared";
import { importerDocument } from "../src/import/service.js";
import { AUTEUR_SYSTEME } from "../src/historique/service.js";

export interface AppTest extends App {
  /** GraphQL request as gestionnaire / auditeur (cookie) or fournisseur (API key). */
  gql: <T = any>(query: string, variables?: Record<string, unknown>, as?: Identite) => Promise<{ data?: T; errors?: { message: string; extensions?: unknown }[] }>;
  gestionnaire: Identite;
  auditeur: Identite;
  fournisseur: (numeroEditeur: string, options?: { lectureSeule?: boolean }) => Promise<Identite>;
  courriels: MessageCourriel[];
  dbFile: string;
  /** SQL statements run so far (to check that a query's cost does not grow with its rows). */
  requetes: string[];
  fermer: () => Promise<void>;
}

export type Identite = { headers: Record<string, string> };

/** A fresh app on its own SQLite file, with one gestionnaire and one auditeur logged in. */
export async function creerAppTest(surcharges: Partial<Config> = {}, options: { courrielleur?: Courrielleur } = {}): Promise<AppTest> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "segur-test-"));
  const dbFile = path.join(dir, "test.db");
  const prisma: Db = openDatabase(`file:${dbFile}`, { journaliserRequetes: true });
  const requetes: string[] = [];
  (prisma as unknown as { $on: (e: "query", f: (e: { query: string }) => void) => void }).$on("query", (e) => void requetes.push(e.query));
  const config = { ...lireConfig({}), ...surcharges };
  const courriels: MessageCourriel[] = [];
  const courrielleur: Courrielleur = options.courrielleur ?? { nom: "test", envoyer: async (m) => void courriels.push(m) };
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
      body: JSON.stringify({ query: `mutation($i: ConnexionInput!) { connexion(input: $i) { __typename } }`, variables: { i: { email, motDePasse: "motdepasse-test" } } }),
    });
    const cookie = res.headers.get("set-cookie");
    if (!cookie) throw new Error(`connexion impossible pour ${email}: ${await res.text()}`);
    return { headers: { cookie: cookie.split(";")[0]! } };
  }

  const gestionnaire = await connecter("gestionnaire@test.fr", "GESTIONNAIRE", "Gaëlle Gestion");
  const auditeur = await connecter("auditeur@test.fr", "AUDITEUR", "Aurélien Audit");
  return {
    ...app, gql, gestionnaire, auditeur, courriels, dbFile, requetes,
    fournisseur: async (numeroEditeur, options = {}) => {
      const { cle } = await creerCleApi(prisma, { numeroEditeur, libelle: `Éditeur ${numeroEditeur}`, lectureSeule: options.lectureSeule });
      return { headers: { authorization: `Bearer ${cle}` } };
    },
    fermer: async () => {
      await app.boiteEnvoi.arreter();
      await prisma.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Imports the supplier guide's demande (SPEC §8, éditeur 00001) and returns its numéro. */
export async function importerExemple(app: AppTest): Promise<string> {
  const { demandes } = await importerDocument(app.prisma, app.config, exempleDocumentImport(), { auteur: AUTEUR_SYSTEME });
  return demandes[0]!.numero;
}
