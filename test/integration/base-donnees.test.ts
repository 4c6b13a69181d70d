import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  dialecte,
  dialecteUrl,
  MIGRATIONS_DIR_POSTGRESQL,
  openDatabase,
  ouvrirBase,
  prepareDatabase,
  preparerBase,
} from "@segur/prisma";
import { creerBase, executer, supprimerBase } from "@segur/prisma/postgresql";
import { BASE_TEST, creerAppTest, type AppTest } from "../../server/test/aide.js";
import { migrerPostgres } from "../../prisma/src/migrate-pg.js";
// @ts-expect-error: a plain .mjs script, no declarations
import { deriver } from "../../prisma/scripts/derive-pg-schema.mjs";

const PRISMA = new URL("../../prisma/", import.meta.url);
const lire = (f: string) => fs.readFileSync(new URL(f, PRISMA), "utf8");

describe("one model, two databases", () => {
  it("the database is picked from DATABASE_URL's scheme", () => {
    expect(dialecteUrl("file:/tmp/x.db")).toBe("sqlite");
    expect(dialecteUrl("postgresql://u:p@127.0.0.1:5432/segur")).toBe("postgresql");
    expect(dialecteUrl("postgres://u:p@127.0.0.1/segur")).toBe("postgresql");
    // PostgreSQL migrates asynchronously: the synchronous openers say which to use instead.
    expect(() => openDatabase("postgresql://u:p@127.0.0.1:1/x")).toThrow(/ouvrirBase/);
    expect(() => prepareDatabase("postgresql://u:p@127.0.0.1:1/x")).toThrow(/preparerBase/);
  });

  it("the committed PostgreSQL schema is derived from schema.prisma: provider and client folder only, no Pothos generator", () => {
    const derive: string = deriver(lire("schema.prisma"));
    expect(lire("schema.postgresql.prisma")).toBe(derive);
    expect(derive).toContain('provider = "postgresql"');
    expect(derive).toContain('"./generated/prisma-pg"');
    expect(derive).not.toContain("prisma-pothos-types");
    expect(() =>
      deriver(lire("schema.prisma").replace("String    @unique", "String    @unique @db.VarChar(20)")),
    ).toThrow(/portable/);
  });
});

describe(`the app's database (${BASE_TEST})`, () => {
  let app: AppTest;
  beforeAll(async () => {
    app = await creerAppTest();
  });
  afterAll(() => app?.fermer());

  it("dialecte() tells server code which SQL to write, inside transactions too", async () => {
    expect(dialecte(app.prisma)).toBe(BASE_TEST);
    expect(await app.prisma.$transaction(async (tx) => dialecte(tx))).toBe(BASE_TEST);
  });

  it("a second opening applies no migration", async () => {
    const { applied, skipped } = await preparerBase(app.urlBase);
    expect(applied).toEqual([]);
    expect(skipped.length).toBeGreaterThan(0);
    expect(await app.prisma.utilisateur.count()).toBe(2);
  });
});

describe.skipIf(BASE_TEST !== "postgresql")("PostgreSQL migrator", () => {
  const admin = process.env.SEGUR_TEST_PG_URL!;
  const bases: string[] = [];
  const nouvelle = async () => {
    const nom = `t_mig_${randomBytes(5).toString("hex")}`;
    bases.push(nom);
    return creerBase(admin, nom);
  };
  afterAll(async () => {
    for (const b of bases) await supprimerBase(admin, b);
  });

  it("instances starting at once migrate one after another: one applies, the others find it done", async () => {
    const url = await nouvelle();
    const resultats = await Promise.all(
      Array.from({ length: 4 }, () => migrerPostgres(url, MIGRATIONS_DIR_POSTGRESQL)),
    );
    const n = fs
      .readdirSync(MIGRATIONS_DIR_POSTGRESQL)
      .filter((d) => fs.existsSync(path.join(MIGRATIONS_DIR_POSTGRESQL, d, "migration.sql"))).length;
    expect(resultats.map((r) => r.applied.length).sort()).toEqual([0, 0, 0, n]);
    expect(resultats.filter((r) => r.skipped.length === n)).toHaveLength(3);
  });

  it("refuses a migration edited after it was applied", async () => {
    const url = await nouvelle();
    await migrerPostgres(url, MIGRATIONS_DIR_POSTGRESQL);
    const copie = fs.mkdtempSync(path.join(os.tmpdir(), "segur-migrations-"));
    try {
      fs.cpSync(MIGRATIONS_DIR_POSTGRESQL, copie, { recursive: true });
      const premiere = fs.readdirSync(copie).find((d) => fs.existsSync(path.join(copie, d, "migration.sql")))!;
      fs.appendFileSync(path.join(copie, premiere, "migration.sql"), "\n-- modifiée\n");
      await expect(migrerPostgres(url, copie)).rejects.toThrow(/checksum mismatch/);
    } finally {
      fs.rmSync(copie, { recursive: true, force: true });
    }
  });

  it("every session is in UTC, whatever the server's or the database's setting (DateTime is timestamp without time zone)", async () => {
    const url = await nouvelle();
    await executer(admin, `ALTER DATABASE "${new URL(url).pathname.slice(1)}" SET TimeZone TO 'Pacific/Auckland'`);
    const db = await ouvrirBase(url);
    try {
      const [r] = await db.$queryRawUnsafe<{ tz: string }[]>(`SELECT current_setting('TimeZone') AS tz`);
      expect(r!.tz).toBe("UTC");
    } finally {
      await db.$disconnect();
    }
  });
});
