// `pnpm schema:print`: writes the SDL to server/schema.graphql (committed; feeds the SPA's codegen).
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { printSchema } from "graphql";
import { schema } from "../schema.js";

export const SCHEMA_FILE = fileURLToPath(new URL("../../schema.graphql", import.meta.url));
export const sdl = () => `${printSchema(schema)}\n`;

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  fs.writeFileSync(SCHEMA_FILE, sdl());
  console.log(`Schéma écrit dans ${SCHEMA_FILE}`);
}
