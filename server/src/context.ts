import type { Db } from "@segur/prisma";
import type { Config } from "./config.js";
import type { Acteur } from "./auth/acteur.js";
import type { Courrielleur } from "./courriel/transport.js";
import type { BoiteEnvoi } from "./courriel/boite-envoi.js";

/** Per-request context. `prisma` is per application (each test has its own database). */
export interface Context {
  prisma: Db;
  config: Config;
  courrielleur: Courrielleur;
  /** The outbox of this server process (delivers the emails recorded EN_ATTENTE). */
  boiteEnvoi: BoiteEnvoi;
  acteur: Acteur | null;
  request: Request;
  /** The caller's IP address (socket, or X-Forwarded-For behind a trusted proxy); null when unknown. */
  adresseClient: string | null;
  /** Set-Cookie headers to add to the response (login / logout). */
  cookies: string[];
  /** Request-scoped memo, so per-row fields batch their queries (no N+1). */
  memo: Map<string, Promise<unknown>>;
}

export function memoiser<T>(ctx: Context, key: string, fn: () => Promise<T>): Promise<T> {
  let p = ctx.memo.get(key) as Promise<T> | undefined;
  if (!p) {
    p = fn();
    ctx.memo.set(key, p);
  }
  return p;
}
