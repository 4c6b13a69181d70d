import { DATE_DEBUT_CERTIFICAT_DEFAUT } from "@segur/shared";

/** Runtime configuration, read once from the environment (12-factor). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** Demandes déposées before this date have no certificate block (SPEC §3.1). */
  dateDebutCertificat: Date;
  /** SMTP URL (smtp://user:pass@host:587); unset = emails are only recorded in the database. */
  smtpUrl: string | undefined;
  courrielExpediteur: string;
  cookieSecure: boolean;
  sessionDureeHeures: number;
  developpement: boolean;
  /** Directory of the built SPA served on the same port; unset = no SPA. */
  adminDist: string | undefined;
}

function dateConfig(name: string, fallback: string): Date {
  const raw = process.env[name] ?? fallback;
  const d = new Date(`${raw}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(d.getTime())) {
    throw new Error(`${name} doit être une date AAAA-MM-JJ (reçu « ${raw} »)`);
  }
  return d;
}

export function lireConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 4000),
    host: env.HOST ?? "127.0.0.1",
    databaseUrl: env.DATABASE_URL,
    dateDebutCertificat: dateConfig("DATE_DEBUT_CERTIFICAT", DATE_DEBUT_CERTIFICAT_DEFAUT),
    smtpUrl: env.SMTP_URL || undefined,
    courrielExpediteur: env.COURRIEL_EXPEDITEUR ?? "ne-pas-repondre@segur-backoffice.local",
    cookieSecure: env.COOKIE_SECURE === "1" || env.COOKIE_SECURE === "true",
    sessionDureeHeures: Number(env.SESSION_DUREE_HEURES ?? 12),
    developpement: env.NODE_ENV === "development",
    adminDist: env.ADMIN_DIST,
  };
}
