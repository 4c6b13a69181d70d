import type { Plugin } from "graphql-yoga";
import { exporterDemandes } from "../export/csv.js";
import type { FormatTableur } from "../export/tableur.js";
import { argumentsRoute, type OptionsRoute } from "./route.js";

/** GET /export/demandes.csv|xlsx: the list's filters as its GraphQL arguments, bounded and refused as GraphQL does (export/parametres-liste.ts). */
export function useExportDemandes(options: OptionsRoute): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (request.method !== "GET") return;
      const m = /^\/export\/demandes\.(csv|xlsx)$/.exec(url.pathname);
      if (!m) return;
      endResponse(await exporterDemandes(argumentsRoute(options, url, request), m[1] as FormatTableur));
    },
  };
}
