// prisma/roles-postgresql.sql: migrations as the owner, the app as a DML-only role that runs the
// product but can neither disable nor drop the append-only triggers, nor rewrite the history.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ouvrirBase, preparerBase } from "@segur/prisma";
import { pg } from "@segur/prisma/copie-postgresql";
import { creerBase, executer, supprimerBase } from "@segur/prisma/postgresql";
import { exempleDocumentImport } from "@segur/shared";
import { BASE_TEST } from "../../server/test/aide.js";
import { lireConfig } from "../../server/src/config.js";
import { importerDocument } from "../../server/src/import/service.js";
import { AUTEUR_SYSTEME, verifierChaines } from "../../server/src/historique/service.js";

const SCRIPT = fs.readFileSync(fileURLToPath(new URL("../../prisma/roles-postgresql.sql", import.meta.url)), "utf8");

describe.skipIf(BASE_TEST !== "postgresql")("rôles PostgreSQL (propriétaire / application)", () => {
  const admin = process.env.SEGUR_TEST_PG_URL!;
  const nom = `t_roles_${randomBytes(4).toString("hex")}`;
  const motDePasse = randomBytes(12).toString("hex");
  let base: string;
  const en = (role: string) => {
    const u = new URL(base);
    u.username = role;
    u.password = motDePasse;
    return u.toString();
  };
  let app: pg.Client;

  beforeAll(async () => {
    base = await creerBase(admin, nom);
    // Before the migrations: the roles exist, default privileges cover the tables the owner will create.
    await executer(base, SCRIPT);
    await executer(
      admin,
      `ALTER ROLE segur_proprietaire PASSWORD '${motDePasse}'; ALTER ROLE segur_application PASSWORD '${motDePasse}'`,
    );
    await executer(admin, `ALTER DATABASE "${nom}" OWNER TO segur_proprietaire`);
    await preparerBase(en("segur_proprietaire"));
    // After them: the history tables narrowed to SELECT + INSERT (run again: idempotent).
    await executer(base, SCRIPT);
    app = new pg.Client({ connectionString: en("segur_application") });
    await app.connect();
  });
  afterAll(async () => {
    await app?.end();
    await supprimerBase(admin, nom);
  });

  it("the app role starts the product (no migration pending: no DDL) and imports a demande", async () => {
    const prisma = await ouvrirBase(en("segur_application"));
    try {
      const { demandes } = await importerDocument(prisma, lireConfig({}), exempleDocumentImport(), {
        auteur: AUTEUR_SYSTEME,
      });
      expect(demandes).toHaveLength(1);
      expect((await verifierChaines(prisma)).ruptures).toEqual([]);
    } finally {
      await prisma.$disconnect();
    }
  });

  it.each([
    [`ALTER TABLE "Version" DISABLE TRIGGER "Version_ajout_seul"`, /must be owner of table Version/],
    [`ALTER TABLE "EvenementAudit" DISABLE TRIGGER ALL`, /must be owner of table EvenementAudit/],
    [`DROP TRIGGER "Version_ajout_seul" ON "Version"`, /must be owner of relation Version/],
    [`DROP FUNCTION "historique_ajout_seul"() CASCADE`, /must be owner of function historique_ajout_seul/],
    [`UPDATE "Version" SET "auteur" = 'falsifié'`, /permission denied for table Version/],
    [`DELETE FROM "ChangementVersion"`, /permission denied for table ChangementVersion/],
    [`TRUNCATE "EvenementAudit"`, /permission denied for table EvenementAudit/],
    [`UPDATE "TraceAcces" SET "acteur" = 'x'`, /permission denied for table TraceAcces/],
    [`CREATE TABLE "Pirate" (id int)`, /permission denied for schema public/],
  ])("the app role is refused: %s", async (sql, attendu) => {
    await expect(app.query(sql)).rejects.toThrow(attendu);
  });

  it("the history is still there, unchanged, after the refusals", async () => {
    const { rows } = await app.query(`SELECT count(*)::int AS n FROM "Version" WHERE "auteur" = 'falsifié'`);
    expect(rows[0].n).toBe(0);
    expect((await app.query(`SELECT count(*)::int AS n FROM "Version"`)).rows[0].n).toBe(1);
  });
});
