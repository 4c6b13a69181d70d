import type { Db } from "@segur/prisma";
import type { Acteur } from "./auth/acteur.js";
import type { Config } from "./config.js";
import { telechargerPiece } from "./piece/telechargement.js";
import { exporterDemandesCsv } from "./export/csv.js";
import { exporterJournalCsv } from "./journal/export.js";
import { telechargerLot } from "./transmission/telechargement.js";

export interface RouteArgs {
  prisma: Db;
  config: Config;
  url: URL;
  request: Request;
  acteur: () => Promise<Acteur | null>;
}

export const reponseTexte = (status: number, texte: string) =>
  new Response(texte, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** Plain HTTP routes beside GraphQL: file downloads and exports (same authentication). */
export async function routesHttp(args: RouteArgs): Promise<Response | null> {
  const { url, request } = args;
  if (request.method !== "GET") return null;
  let m: RegExpExecArray | null;
  if ((m = /^\/pieces\/(\d+)$/.exec(url.pathname))) return telechargerPiece(args, Number(m[1]));
  if (url.pathname === "/export/demandes.csv") return exporterDemandesCsv(args);
  if (url.pathname === "/export/journal.csv") return exporterJournalCsv(args);
  if ((m = /^\/lots\/([A-Za-z0-9-]+)\.(csv|json)$/.exec(url.pathname))) return telechargerLot(args, m[1]!, m[2] as "csv" | "json");
  if (url.pathname === "/sante") return reponseTexte(200, "ok");
  return null;
}
