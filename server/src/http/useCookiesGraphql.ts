import type { Plugin } from "graphql-yoga";

/** GraphQL requests get the list login and logout push their Set-Cookie values into (shared with the context, copied onto the response by app.ts). */
export function useCookiesGraphql(graphql: string): Plugin {
  return {
    onRequest({ url, serverContext }) {
      if (url.pathname !== graphql) return;
      if (serverContext) (serverContext as { cookies?: string[] }).cookies = [];
    },
  };
}
