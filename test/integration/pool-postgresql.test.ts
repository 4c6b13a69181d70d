// DATABASE_POOL_MAX: how many PostgreSQL connections one server process opens, at most.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connexionsMaxConfig, ouvrirBase } from "@segur/prisma";
import { creerBaseDepuisModele, supprimerBase } from "@segur/prisma/postgresql";
import { BASE_TEST } from "../../server/test/aide.js";

describe("DATABASE_POOL_MAX", () => {
  it("reads 1–1000, defaults to 10, refuses anything else in French", () => {
    expect(connexionsMaxConfig(undefined)).toBe(10);
    expect(connexionsMaxConfig(" ")).toBe(10);
    expect(connexionsMaxConfig("3")).toBe(3);
    for (const faux of ["0", "1001", "2.5", "dix"])
      expect(() => connexionsMaxConfig(faux)).toThrow(
        `DATABASE_POOL_MAX doit être un entier de 1 à 1000 (reçu « ${faux} »)`,
      );
  });
});

describe.skipIf(BASE_TEST !== "postgresql")("DATABASE_POOL_MAX on PostgreSQL", () => {
  const admin = process.env.SEGUR_TEST_PG_URL!;
  let url: string;
  beforeAll(async () => void (url = await creerBaseDepuisModele(admin, process.env.SEGUR_TEST_PG_MODELE!)));
  afterAll(() => supprimerBase(admin, new URL(url).pathname.slice(1)));

  /** Backends that answered six simultaneous queries which each hold their connection a moment. */
  async function connexionsPour(max: string | undefined): Promise<number> {
    const avant = process.env.DATABASE_POOL_MAX;
    if (max === undefined) delete process.env.DATABASE_POOL_MAX;
    else process.env.DATABASE_POOL_MAX = max;
    const db = await ouvrirBase(url, { migrer: false });
    try {
      const pids = await Promise.all(
        Array.from({ length: 6 }, () =>
          db.$queryRawUnsafe<{ pid: number }[]>(`SELECT pg_backend_pid() AS pid, pg_sleep(0.2)::text AS attente`),
        ),
      );
      return new Set(pids.map(([r]) => r!.pid)).size;
    } finally {
      await db.$disconnect();
      if (avant === undefined) delete process.env.DATABASE_POOL_MAX;
      else process.env.DATABASE_POOL_MAX = avant;
    }
  }

  it("caps the process's pool (2: the six queries share two connections; default: more)", async () => {
    expect(await connexionsPour("2")).toBeLessThanOrEqual(2);
    expect(await connexionsPour(undefined)).toBeGreaterThan(2);
  });
});
