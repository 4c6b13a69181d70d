import type { IncomingMessage, RequestListener } from "node:http";
import { createYoga, type Plugin } from "graphql-yoga";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import type { Db } from "@segur/prisma";
import type { Config } from "./config.js";
import type { Context } from "./context.js";
import { identifier } from "./auth/service.js";
import { schema } from "./schema.js";
import { courrielleurDepuisConfig, type Courrielleur } from "./courriel/transport.js";
import { creerBoiteEnvoi, type BoiteEnvoi } from "./courriel/boite-envoi.js";
import { adresseClient } from "./auth/adresse.js";
import { useIntrospection } from "./commun/introspection.js";
import { routesHttp } from "./routes.js";
import { erreursPagination } from "./commun/erreurs-pagination.js";
import { erreursVariables } from "./commun/erreurs-variables.js";
import { useLongueursArguments } from "./commun/longueurs-arguments.js";
import { servirSpa } from "./spa.js";

export interface App {
  /** Fetch-API handler: GraphQL on /graphql, downloads and exports, and the SPA. */
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /** Node request listener (http.createServer). */
  handle: RequestListener;
  prisma: Db;
  config: Config;
  /** This process's email outbox: main.ts starts its periodic passes, tests await it. */
  boiteEnvoi: BoiteEnvoi;
}

export function createApp({ prisma, config, courrielleur }: { prisma: Db; config: Config; courrielleur?: Courrielleur }): App {
  const mailer = courrielleur ?? courrielleurDepuisConfig(config);
  const boiteEnvoi = creerBoiteEnvoi(prisma, mailer);

  // Non-GraphQL routes run inside yoga's pipeline so tests reach them through yoga.fetch too.
  const routes: Plugin<Context> = {
    async onRequest({ request, url, endResponse, serverContext }) {
      if (url.pathname === "/graphql") {
        // Shared with the GraphQL context (login/logout push Set-Cookie values into it).
        if (serverContext) (serverContext as { cookies?: string[] }).cookies = [];
        return;
      }
      const acteur = () => identifier(prisma, request);
      const reponse =
        (await routesHttp({ prisma, config, url, request, acteur })) ?? (config.adminDist ? await servirSpa(config.adminDist, url, request) : null);
      endResponse(reponse ?? new Response("Introuvable", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } }));
    },
  };

  const yoga = createYoga<{ request: Request }, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    graphiql: config.developpement ? { title: "Ségur — API GraphQL", credentials: "include" } : false,
    landingPage: false,
    // GraphiQL bundled locally (no CDN: this product runs without internet access).
    renderGraphiQL,
    multipart: true,
    logging: config.developpement ? "info" : "warn",
    plugins: [
      routes,
      erreursPagination,
      erreursVariables,
      useIntrospection(config.introspection),
      useCSRFPrevention({ requestHeaders: ["x-graphql-csrf", "authorization"] }),
      EnvelopArmorPlugin({
        maxDepth: { n: 12 },
        maxAliases: { n: 20 },
        costLimit: { maxCost: 20000 },
        maxTokens: { n: 4000 },
        blockFieldSuggestion: { enabled: !config.developpement },
      }),
      useLongueursArguments(),
      {
        // Login and logout set cookies: copy them onto the response.
        onResponse({ response, serverContext }) {
          const ctx = serverContext as Partial<Context> | undefined;
          for (const c of ctx?.cookies ?? []) response.headers.append("set-cookie", c);
        },
      },
    ],
    context: async (initial) => {
      const { request } = initial;
      const ctx: Omit<Context, "request"> & { request: Request } = {
        prisma,
        config,
        courrielleur: mailer,
        boiteEnvoi,
        acteur: await identifier(prisma, request),
        request,
        adresseClient: adresseClient(request, initial as { req?: IncomingMessage }, config.proxyDeConfiance),
        cookies: (initial as { cookies?: string[] }).cookies ?? [],
        memo: new Map(),
      };
      return ctx;
    },
  });

  return { fetch: yoga.fetch as App["fetch"], handle: yoga as unknown as RequestListener, prisma, config, boiteEnvoi };
}
