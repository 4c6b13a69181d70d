import type { Plugin } from "graphql-yoga";
import { telechargerLot, type FormatLot } from "../transmission/telechargement.js";
import { tracerSiServi } from "../acces/trace.js";
import { argumentsRoute, refusLongueurParametres, type OptionsRoute } from "./route.js";

/** GET /lots/<numéro>.csv|json|xlsx: a transmission batch (agents); a served download is traced (names, phones, emails). */
export function useTelechargementLot(options: OptionsRoute): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (request.method !== "GET") return;
      const m = /^\/lots\/([A-Za-z0-9-]+)\.(csv|json|xlsx)$/.exec(url.pathname);
      if (!m) return;
      const refus = refusLongueurParametres(url.searchParams);
      if (refus) return endResponse(refus);
      const args = argumentsRoute(options, url, request);
      endResponse(
        await tracerSiServi(
          args,
          "TELECHARGEMENT_LOT",
          `${m[1]}.${m[2]}`,
          telechargerLot(args, m[1]!, m[2] as FormatLot),
        ),
      );
    },
  };
}
