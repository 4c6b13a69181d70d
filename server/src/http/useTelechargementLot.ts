import type { Plugin } from "graphql-yoga";
import { telechargerLot, type FormatLot } from "../transmission/telechargement.js";
import { argumentsRoute, refusLongueurParametres, type OptionsRoute } from "./route.js";

/** GET /lots/<numéro>.csv|json|xlsx: a transmission batch (agents). */
export function useTelechargementLot(options: OptionsRoute): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (request.method !== "GET") return;
      const m = /^\/lots\/([A-Za-z0-9-]+)\.(csv|json|xlsx)$/.exec(url.pathname);
      if (!m) return;
      endResponse(
        refusLongueurParametres(url.searchParams) ??
          (await telechargerLot(argumentsRoute(options, url, request), m[1]!, m[2] as FormatLot)),
      );
    },
  };
}
