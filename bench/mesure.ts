// Figures, not assertions: p50 / p95 of repeated runs after a warm-up, and the statements each
// operation sends (Prisma's query events between two readings of the counter).
export interface Mesure {
  p50: number;
  p95: number;
  /** SQL statements per operation (product only). */
  requetes?: number;
  /** Why the scenario could not be measured (the product answered an error). */
  echec?: string;
}

export const quantile = (ms: number[], p: number) => {
  const tri = [...ms].sort((a, b) => a - b);
  return tri[Math.min(tri.length - 1, Math.floor(p * tri.length))]!;
};

/**
 * Warms up, then runs `f` `runs` times; `preparer` (not timed) runs before each. Reads warm up 30
 * times (at most ~3 s): V8 optimises a path only after many calls, and with one warm-up the first
 * scenario's runs went from 180 ms down to 5–15 ms (load 7), its p50 2–3× its steady state. A
 * scenario that writes (`preparer`: each run adds data) warms up once.
 */
export async function mesurer(
  f: () => Promise<unknown> | unknown,
  { runs, preparer, requetes }: { runs: number; preparer?: () => Promise<unknown>; requetes?: () => number },
): Promise<Mesure> {
  try {
    const echauffement = performance.now();
    for (let i = 0; i < (preparer ? 1 : 30) && (i === 0 || performance.now() - echauffement < 3_000); i++) {
      await preparer?.();
      await f();
    }
    const ms: number[] = [];
    let statements = 0;
    for (let i = 0; i < runs; i++) {
      await preparer?.();
      const avant = requetes?.() ?? 0;
      const d = performance.now();
      await f();
      ms.push(performance.now() - d);
      statements += (requetes?.() ?? 0) - avant;
    }
    return { p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), ...(requetes ? { requetes: statements / runs } : {}) };
  } catch (e) {
    return { p50: NaN, p95: NaN, echec: e instanceof Error ? e.message.slice(0, 120) : String(e) };
  }
}

/** A GraphQL answer with errors (or an unexpected union member) fails the measure. */
export function verifier<T extends { data?: any; errors?: { message: string }[] }>(
  r: T,
  attendu?: (data: any) => boolean,
): T {
  if (r.errors?.length) throw new Error(r.errors[0]!.message);
  if (attendu && !attendu(r.data)) throw new Error(`réponse inattendue : ${JSON.stringify(r.data).slice(0, 200)}`);
  return r;
}
