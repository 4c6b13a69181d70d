// `pnpm migrate`: apply pending migrations to DATABASE_URL (default prisma/data/segur.db; postgresql://… too).
import { DEFAULT_DATABASE_URL, preparerBase } from "./index.js";

const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const { applied, skipped } = await preparerBase(url);
const affiche = url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@"); // never print a password
console.log(
  `${affiche}: ${applied.length} migration(s) appliquée(s)${applied.length ? " : " + applied.join(", ") : ""} ; ${skipped.length} déjà appliquée(s)`,
);
