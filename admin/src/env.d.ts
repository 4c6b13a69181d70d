/// <reference types="vite/client" />

import "vue-router";

declare module "vue-router" {
  interface RouteMeta {
    /** Reachable without a session (login, 404). */
    public?: boolean;
    /** Document title, without the " — Ségur" suffix. */
    title?: string;
  }
}
