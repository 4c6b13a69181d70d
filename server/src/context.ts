import type { Db } from "@segur/prisma";
import type { Config } from "./config.js";
import type { Acteur } from "./auth/acteur.js";
import type { Courrielleur } from "./courriel/transport.js";
import type { BoiteEnvoi } from "./courriel/boite-envoi.js";
import type { Logger } from "./exploitation/logger.js";

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
  /** Request-scoped memo, so per-row fields batch their queries (no N+1): promises, and the open batches of `chargerParLot`. */
  memo: Map<string, unknown>;
  /** The request's id (x-request-id): quoted in every log line written while serving it. */
  requeteId: string;
  /** The app's logger; its lines carry `requeteId` wherever they are written from. */
  journal: Logger;
}

export function memoiser<T>(ctx: Context, key: string, fn: () => Promise<T>): Promise<T> {
  let p = ctx.memo.get(key) as Promise<T> | undefined;
  if (!p) {
    p = fn();
    ctx.memo.set(key, p);
  }
  return p;
}

/**
 * Request-scoped batch loading: the keys asked for in the same turn of the event loop (every row
 * of a page, or the one demande of the detail) are loaded by one call of `charger`, and each
 * key's value is memoised. `charger` gets at most the page's keys (bounded by the page size).
 */
export function chargerParLot<V>(
  ctx: Context,
  nom: string,
  cle: number,
  charger: (cles: number[]) => Promise<Map<number, V>>,
): Promise<V | undefined> {
  const memoCle = `${nom}:${cle}`;
  const deja = ctx.memo.get(memoCle) as Promise<V | undefined> | undefined;
  if (deja) return deja;
  const lotCle = `lot:${nom}`;
  let lot = ctx.memo.get(lotCle) as { cles: number[]; resultat: Promise<Map<number, V>> } | undefined;
  if (!lot) {
    const cles: number[] = [];
    const resultat = new Promise<Map<number, V>>((resolve, reject) =>
      setImmediate(() => {
        ctx.memo.delete(lotCle); // later keys start a new batch
        charger(cles).then(resolve, reject);
      }),
    );
    lot = { cles, resultat };
    ctx.memo.set(lotCle, lot);
  }
  lot.cles.push(cle);
  const p = lot.resultat.then((m) => m.get(cle));
  ctx.memo.set(memoCle, p);
  return p;
}
