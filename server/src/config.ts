import os from "node:os";
import { niveauJournal, type NiveauJournal } from "./exploitation/logger.js";
import { DATE_DEBUT_CERTIFICAT_DEFAUT, MONTANT_MAX_CENTIMES_DEFAUT, montantDecimal, parseMontant } from "@segur/shared";

/** Runtime configuration, read once from the environment (12-factor). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** Demandes déposées before this date have no certificate block (SPEC §3.1). */
  dateDebutCertificat: Date;
  /** The import refuses an amount above this, in cents (SPEC §10; MONTANT_MAX_EUROS). */
  montantMaxCentimes: bigint;
  /** SMTP URL (smtp://user:pass@host:587); unset = emails are only recorded in the database. */
  smtpUrl: string | undefined;
  courrielExpediteur: string;
  cookieSecure: boolean;
  sessionDureeHeures: number;
  developpement: boolean;
  /** Directory of the built SPA served on the same port; unset = no SPA. */
  adminDist: string | undefined;
  /** Who may run `__schema` / `__type` queries: signed-in callers (default), everyone, nobody. */
  introspection: ModeIntrospection;
  /** Behind one reverse proxy: the client address is the last X-Forwarded-For entry. */
  proxyDeConfiance: boolean;
  /** Server processes over the same SQLite file (PROCESSUS=auto|N; auto = one per core). */
  processus: number;
  /** Adds the answering process's pid as `x-processus` on every response (DEBUG_PROCESSUS=1). */
  debugProcessus: boolean;
  /** LOG_LEVEL: fatal, error, warn, info (default), debug, trace or silent. */
  niveauJournal: NiveauJournal;
  /** METRIQUES_JETON: bearer token required on /metriques; unset = loopback connections only. */
  metriquesJeton: string | undefined;
  /** ARRET_DELAI_MS: on SIGTERM / SIGINT, how long in-flight requests may run before their connections are cut. */
  arretDelaiMs: number;
}

export const MODES_INTROSPECTION = ["authentifie", "tous", "aucun"] as const;
export type ModeIntrospection = (typeof MODES_INTROSPECTION)[number];

function modeIntrospection(raw: string | undefined, developpement: boolean): ModeIntrospection {
  // GraphiQL needs it in development.
  if (!raw) return developpement ? "tous" : "authentifie";
  if (!(MODES_INTROSPECTION as readonly string[]).includes(raw)) {
    throw new Error(`INTROSPECTION doit valoir ${MODES_INTROSPECTION.join(", ")} (reçu « ${raw} »)`);
  }
  return raw as ModeIntrospection;
}

function processusConfig(raw: string | undefined, coeurs: number): number {
  if (raw === undefined || raw.trim() === "") return 1;
  if (raw.trim() === "auto") return Math.max(1, coeurs);
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new Error(`PROCESSUS doit valoir « auto » ou un entier de 1 à 64 (reçu « ${raw} »)`);
  return n;
}

function delaiConfig(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 3_600_000)
    throw new Error(`${name} doit être un nombre entier de millisecondes, de 0 à 3600000 (reçu « ${raw} »)`);
  return n;
}

const vrai = (v: string | undefined) => v === "1" || v === "true";

function dateConfig(name: string, fallback: string): Date {
  const raw = process.env[name] ?? fallback;
  const d = new Date(`${raw}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(d.getTime())) {
    throw new Error(`${name} doit être une date AAAA-MM-JJ (reçu « ${raw} »)`);
  }
  return d;
}

function montantConfig(name: string, env: NodeJS.ProcessEnv, fallback: bigint): bigint {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const centimes = parseMontant(raw);
  if (centimes === null)
    throw new Error(`${name} doit être un montant en euros, ex. ${montantDecimal(fallback)} (reçu « ${raw} »)`);
  return centimes;
}

export function lireConfig(env: NodeJS.ProcessEnv = process.env, coeurs = os.availableParallelism()): Config {
  const developpement = env.NODE_ENV === "development";
  return {
    port: Number(env.PORT ?? 4000),
    host: env.HOST ?? "127.0.0.1",
    databaseUrl: env.DATABASE_URL,
    dateDebutCertificat: dateConfig("DATE_DEBUT_CERTIFICAT", DATE_DEBUT_CERTIFICAT_DEFAUT),
    montantMaxCentimes: montantConfig("MONTANT_MAX_EUROS", env, MONTANT_MAX_CENTIMES_DEFAUT),
    smtpUrl: env.SMTP_URL || undefined,
    courrielExpediteur: env.COURRIEL_EXPEDITEUR ?? "ne-pas-repondre@segur-backoffice.local",
    cookieSecure: vrai(env.COOKIE_SECURE),
    sessionDureeHeures: Number(env.SESSION_DUREE_HEURES ?? 12),
    developpement,
    adminDist: env.ADMIN_DIST,
    introspection: modeIntrospection(env.INTROSPECTION, developpement),
    proxyDeConfiance: vrai(env.PROXY_DE_CONFIANCE),
    processus: processusConfig(env.PROCESSUS, coeurs),
    debugProcessus: vrai(env.DEBUG_PROCESSUS),
    niveauJournal: niveauJournal(env.LOG_LEVEL),
    metriquesJeton: env.METRIQUES_JETON || undefined,
    arretDelaiMs: delaiConfig("ARRET_DELAI_MS", env.ARRET_DELAI_MS, 10_000),
  };
}
