import { openDatabase } from "@segur/prisma";
import { lireConfig } from "../config.js";

/** Opens the configured database (migrated) for a command-line tool. */
export function ouvrir() {
  const config = lireConfig();
  return { config, prisma: openDatabase(config.databaseUrl) };
}

export function echouer(message: string): never {
  console.error(message);
  process.exit(1);
}
