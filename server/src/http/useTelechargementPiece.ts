import type { Plugin } from "graphql-yoga";
import { telechargerPiece } from "../piece/telechargement.js";
import { argumentsRoute, refusLongueurParametres, type OptionsRoute } from "./route.js";

/** GET /pieces/<id>: a pièce justificative, to whoever may see its demande. */
export function useTelechargementPiece(options: OptionsRoute): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (request.method !== "GET") return;
      const m = /^\/pieces\/(\d+)$/.exec(url.pathname);
      if (!m) return;
      endResponse(
        refusLongueurParametres(url.searchParams) ??
          (await telechargerPiece(argumentsRoute(options, url, request), Number(m[1]))),
      );
    },
  };
}
