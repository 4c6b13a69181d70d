import type { IncomingMessage, RequestListener } from "node:http";
import { createYoga } from "graphql-yoga";
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
import { erreursPagination } from "./commun/erreurs-pagination.js";
import { erreursVariables } from "./commun/erreurs-variables.js";
import { useLongueursArguments } from "./commun/longueurs-arguments.js";
import { dialecte, MIGRATIONS_DIR, MIGRATIONS_DIR_POSTGRESQL } from "@segur/prisma";
import { logger as loggerProcessus, type Logger } from "./exploitation/logger.js";
import { journalYoga } from "./exploitation/journal-yoga.js";
import { creerMetriques, registreProcessus, type Metriques } from "./exploitation/metriques.js";
import { metriquesLocales, metriquesTravailleur } from "./exploitation/metriques-grappe.js";
import { useSuiviRequete } from "./exploitation/use-suivi-requete.js";
import { useJournalRequetes } from "./exploitation/use-journal-requetes.js";
import { useMetriques } from "./exploitation/use-metriques.js";
import { useRouteMetriques } from "./exploitation/use-route-metriques.js";
import { useSante } from "./exploitation/use-sante.js";
import { etatRequete } from "./exploitation/requete.js";
import { longueurFileImports } from "./import/service.js";
import { useCookiesGraphql } from "./http/useCookiesGraphql.js";
import { useExportDemandes } from "./http/useExportDemandes.js";
import { useExportJournal } from "./http/useExportJournal.js";
import { useTelechargementLot } from "./http/useTelechargementLot.js";
import { useTelechargementPiece } from "./http/useTelechargementPiece.js";
import { useRepli } from "./http/useRepli.js";

const GRAPHQL = "/graphql";

export interface App {
  /** Fetch-API handler: GraphQL on /graphql, downloads and exports, and the SPA. */
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /** Node request listener (http.createServer). */
  handle: RequestListener;
  prisma: Db;
  config: Config;
  /** This process's email outbox: main.ts starts its periodic passes, tests await it. */
  boiteEnvoi: BoiteEnvoi;
  /** Logs, metrics and health of this process (docs/deploy.md, « Exploitation »). */
  exploitation: {
    journal: Logger;
    metriques: Metriques;
    /** From now on /sante/pret answers 503 (shutdown under way). */
    signalerArret(): void;
  };
}

export interface OptionsApp {
  prisma: Db;
  config: Config;
  courrielleur?: Courrielleur;
  /** Default: the process's logger (LOG_LEVEL, stdout). */
  journal?: Logger;
  /** This database's migrations, for the readiness probe. Default: @segur/prisma's folder for the client's database. */
  dossierMigrations?: string;
  /** A cluster worker: /metriques answers with every worker's metrics, gathered by the primary. */
  travailleurGrappe?: boolean;
}

export function createApp({
  prisma,
  config,
  courrielleur,
  journal = loggerProcessus,
  dossierMigrations,
  travailleurGrappe = false,
}: OptionsApp): App {
  dossierMigrations ??= dialecte(prisma) === "postgresql" ? MIGRATIONS_DIR_POSTGRESQL : MIGRATIONS_DIR;
  const mailer = courrielleur ?? courrielleurDepuisConfig(config);
  const boiteEnvoi = creerBoiteEnvoi(prisma, mailer, journal);
  const metriques = creerMetriques({ prisma, importsEnFile: longueurFileImports });
  const registres = [registreProcessus(), metriques.registre];
  let enArret = false;

  const yoga = createYoga<{ request: Request }, Context>({
    schema,
    graphqlEndpoint: GRAPHQL,
    graphiql: config.developpement ? { title: "Ségur — API GraphQL", credentials: "include" } : false,
    landingPage: false,
    // GraphiQL bundled locally (no CDN: this product runs without internet access).
    renderGraphiQL,
    multipart: true,
    // Yoga's messages, and the masked errors with their stack, in the JSON log (LOG_LEVEL).
    logging: journalYoga(journal),
    plugins: [
      // First: they see every request, including those answered by the routes below.
      useSuiviRequete(),
      useJournalRequetes(journal),
      useMetriques(metriques),
      useSante({ prisma, dossierMigrations, enArret: () => enArret, journal }),
      useRouteMetriques({
        jeton: config.metriquesJeton,
        lire: travailleurGrappe ? metriquesTravailleur(registres) : metriquesLocales(registres),
        journal,
      }),
      // Non-GraphQL routes run inside yoga's pipeline so tests reach them through yoga.fetch too.
      useCookiesGraphql(GRAPHQL),
      useExportDemandes({ prisma, config }),
      useTelechargementPiece({ prisma, config }),
      useExportJournal({ prisma, config }),
      useTelechargementLot({ prisma, config }),
      useRepli({ config, graphql: GRAPHQL }),
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
        requeteId: etatRequete()?.id ?? "",
        journal,
      };
      return ctx;
    },
  });

  const exploitation = { journal, metriques, signalerArret: () => void (enArret = true) };
  return {
    fetch: yoga.fetch as App["fetch"],
    handle: yoga as unknown as RequestListener,
    prisma,
    config,
    boiteEnvoi,
    exploitation,
  };
}
