import { cacheExchange, Client, fetchExchange, mapExchange } from "@urql/core";
import urql from "@urql/vue";
import { shallowRef, type App } from "vue";

type Listener = () => void;
const nonAuthentifieListeners = new Set<Listener>();

/** Called when the server says the session is gone (expired cookie, server restart…). */
export function onNonAuthentifie(listener: Listener): () => void {
  nonAuthentifieListeners.add(listener);
  return () => nonAuthentifieListeners.delete(listener);
}

/** `fetch`: the transport, replaced in tests. */
export function createAppClient(fetch?: typeof globalThis.fetch): Client {
  return new Client({
    url: "/graphql",
    ...(fetch ? { fetch } : {}),
    // The server's CSRF prevention needs a non-simple header on every request.
    fetchOptions: { credentials: "include", headers: { "x-graphql-csrf": "1" } },
    // urql sends queries as GET by default; POST only keeps the server's surface simple.
    preferGetMethod: false,
    exchanges: [
      mapExchange({
        onError(error) {
          const status = (error.response as Response | undefined)?.status;
          const unauthenticated =
            status === 401 || error.graphQLErrors.some((e) => e.extensions?.code === "UNAUTHENTICATED");
          if (unauthenticated) nonAuthentifieListeners.forEach((listener) => listener());
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });
}

/** A ref so that logging out can swap in a client with an empty cache. */
export const client = shallowRef<Client>(createAppClient());

export function resetClient(): void {
  client.value = createAppClient();
}

export function install(app: App): void {
  app.use(urql, client);
}
