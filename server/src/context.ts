import type { Db } from "@segur/prisma";
import type { Config } from "./config.js";
import type { Acteur } from "./auth/acteur.js";
import type { Courrielleur } from "./courriel/transport.js";

/** Per-request context. `prisma` is per application (each test has its own database). */
export interface Context {
  prisma: Db;
  config: Config;
  courrielleur: Courrielleur;
  acteur: Acteur | null;
  request: Request;
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
