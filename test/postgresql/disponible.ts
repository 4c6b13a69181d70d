import fs from "node:fs";

/** Debian's PostgreSQL binaries, newest version first (`apt-get install -y postgresql`). */
export function binairesPostgres(): string | null {
  const racine = "/usr/lib/postgresql";
  if (!fs.existsSync(racine)) return null;
  const versions = fs.readdirSync(racine).filter((v) => fs.existsSync(`${racine}/${v}/bin/initdb`));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] ? `${racine}/${versions[0]}/bin` : null;
}

/** Why the PostgreSQL project cannot run here, or null when it can (a server given, or binaries to start one). */
export function raisonSansPostgres(): string | null {
  if (process.env.TEST_PG_URL || binairesPostgres()) return null;
  return "integration-pg ignoré : ni TEST_PG_URL ni PostgreSQL installé (apt-get install -y postgresql)";
}
