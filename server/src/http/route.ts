import type { Db } from "@segur/prisma";
import { depassementLongueur, messageTropLong } from "@segur/shared";
import type { Acteur } from "../auth/acteur.js";
import { identifier } from "../auth/service.js";
import type { Config } from "../config.js";

/*
 * What every plain HTTP route shares: what its handler is given (the caller read lazily, so a
 * refused parameter costs no session lookup), the length bound of its parameters, and its
 * plain-text error answers. Imports no handler: the plugins import the handlers, never back.
 */

export interface RouteArgs {
  prisma: Db;
  config: Config;
  url: URL;
  request: Request;
  acteur: () => Promise<Acteur | null>;
}

export interface OptionsRoute {
  prisma: Db;
  config: Config;
}

/** The handler's arguments for this request (same authentication as GraphQL: session cookie or API key). */
export function argumentsRoute({ prisma, config }: OptionsRoute, url: URL, request: Request): RouteArgs {
  // Read once per request: the handler and the trace of what it served ask for the same caller.
  let lu: Promise<Acteur | null> | undefined;
  return { prisma, config, url, request, acteur: () => (lu ??= identifier(prisma, request)) };
}

export const reponseTexte = (status: number, texte: string) =>
  new Response(texte, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** Query parameters obey the maxima of their GraphQL twins (shared/src/limites.ts): the 400, or null. */
export function refusLongueurParametres(p: URLSearchParams): Response | null {
  for (const [nom, valeur] of p) {
    const d = depassementLongueur(nom, valeur);
    if (d) return reponseTexte(400, messageTropLong("Paramètre", nom.slice(0, 50), d));
  }
  return null;
}
