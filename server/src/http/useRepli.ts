import type { Plugin } from "graphql-yoga";
import type { Config } from "../config.js";
import { servirSpa } from "../spa.js";
import { refusLongueurParametres, reponseTexte } from "./route.js";

/**
 * Last of the HTTP routes: whatever is not GraphQL and no route took. Parameters bounded as
 * everywhere, GET /sante (plain « ok »), the built SPA, else 404.
 */
export function useRepli({ config, graphql }: { config: Config; graphql: string }): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname === graphql) return;
      if (request.method === "GET") {
        const trop = refusLongueurParametres(url.searchParams);
        if (trop) return endResponse(trop);
        if (url.pathname === "/sante") return endResponse(reponseTexte(200, "ok"));
      }
      const spa = config.adminDist ? await servirSpa(config.adminDist, url, request) : null;
      endResponse(spa ?? reponseTexte(404, "Introuvable"));
    },
  };
}
