// `pnpm migrate`: apply pending migrations to DATABASE_URL (default prisma/data/segur.db).
import { DEFAULT_DATABASE_URL, prepareDatabase } from "./index.js";

const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const { applied, skipped } = prepareDatabase(url);
console.log(`${url}: ${applied.length} migration(s) appliquée(s)${applied.length ? " : " + applied.join(", ") : ""} ; ${skipped.length} déjà appliquée(s)`);
