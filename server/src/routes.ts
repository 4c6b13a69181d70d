import type { Db } from "@segur/prisma";
import { depassementLongueur, messageTropLong } from "@segur/shared";
import type { Acteur } from "./auth/acteur.js";
import type { Config } from "./config.js";
import { telechargerPiece } from "./piece/telechargement.js";
import { exporterDemandes } from "./export/csv.js";
import { exporterJournal } from "./journal/export.js";
import { telechargerLot, type FormatLot } from "./transmission/telechargement.js";
import type { FormatTableur } from "./export/tableur.js";

export interface RouteArgs {
  prisma: Db;
  config: Config;
  url: URL;
  request: Request;
  acteur: () => Promise<Acteur | null>;
}

export const reponseTexte = (status: number, texte: string) =>
  new Response(texte, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** Query parameters obey the maxima of their GraphQL twins (shared/src/limites.ts): the French reason, or null. */
function parametreTropLong(p: URLSearchParams): string | null {
  for (const [nom, valeur] of p) {
    const d = depassementLongueur(nom, valeur);
    if (d) return messageTropLong("Paramètre", nom.slice(0, 50), d);
  }
  return null;
}

/** Plain HTTP routes beside GraphQL: file downloads and exports (same authentication). */
export async function routesHttp(args: RouteArgs): Promise<Response | null> {
  const { url, request } = args;
  if (request.method !== "GET") return null;
  let m: RegExpExecArray | null;
  // Its parameters are the list's GraphQL arguments, bounded and refused as GraphQL does (export/parametres-liste.ts).
  if ((m = /^\/export\/demandes\.(csv|xlsx)$/.exec(url.pathname))) return exporterDemandes(args, m[1] as FormatTableur);
  const trop = parametreTropLong(url.searchParams);
  if (trop) return reponseTexte(400, trop);
  if ((m = /^\/pieces\/(\d+)$/.exec(url.pathname))) return telechargerPiece(args, Number(m[1]));
  if ((m = /^\/export\/journal\.(csv|xlsx)$/.exec(url.pathname))) return exporterJournal(args, m[1] as FormatTableur);
  if ((m = /^\/lots\/([A-Za-z0-9-]+)\.(csv|json|xlsx)$/.exec(url.pathname))) return telechargerLot(args, m[1]!, m[2] as FormatLot);
  if (url.pathname === "/sante") return reponseTexte(200, "ok");
  return null;
}
