import { ouvrirBase } from "@segur/prisma";
import { lireConfig } from "../config.js";

/** Opens the configured database (migrated; SQLite or PostgreSQL) for a command-line tool. */
export async function ouvrir() {
  const config = lireConfig();
  return { config, prisma: await ouvrirBase(config.databaseUrl) };
}

export function echouer(message: string): never {
  console.error(message);
  process.exit(1);
}
