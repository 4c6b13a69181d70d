import type { Plugin } from "graphql-yoga";
import { exporterJournal } from "../journal/export.js";
import type { FormatTableur } from "../export/tableur.js";
import { argumentsRoute, refusLongueurParametres, type OptionsRoute } from "./route.js";

/** GET /export/journal.csv|xlsx: the journal's tab and filters (agents; access traces for auditeurs). */
export function useExportJournal(options: OptionsRoute): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (request.method !== "GET") return;
      const m = /^\/export\/journal\.(csv|xlsx)$/.exec(url.pathname);
      if (!m) return;
      endResponse(
        refusLongueurParametres(url.searchParams) ??
          (await exporterJournal(argumentsRoute(options, url, request), m[1] as FormatTableur)),
      );
    },
  };
}
