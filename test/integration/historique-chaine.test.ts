import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exempleDocumentImport } from "@segur/shared";
import { messageBase } from "@segur/prisma";
import { BASE_TEST, creerAppTest, type AppTest } from "../../server/test/aide.js";
import { importerDocument } from "../../server/src/import/service.js";
import { AUTEUR_SYSTEME, verifierChaines } from "../../server/src/historique/service.js";

// Raw SQL, what someone with access to the database could run: through Prisma's raw queries,
// so the same test runs on SQLite and PostgreSQL (ids are the database's own integers, inlined).
const executer = (sql: string) => app.prisma.$executeRawUnsafe(sql);
const premiere = async (sql: string) => ((await app.prisma.$queryRawUnsafe(sql)) as { id: number }[])[0]!;
/** The database's refusal text (the same on both databases), or null when the statement went through. */
const refus = (sql: string) => executer(sql).then(() => null, messageBase);
/** Lifts a table's append-only triggers, as the table's owner could (named per database by its migrations). */
async function leverAjoutSeul(table: string, operations: ("update" | "delete")[]) {
  if (BASE_TEST === "postgresql") await executer(`DROP TRIGGER "${table}_ajout_seul" ON "${table}"`);
  else for (const op of operations) await executer(`DROP TRIGGER "${table}_ajout_seul_${op}"`);
}

const RACINE = fileURLToPath(new URL("../..", import.meta.url));
const TSX = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));
const exec = promisify(execFile);

const ADMIN_MODIFIER = `mutation($i: AdministrateurModifierInput!) { administrateurModifier(input: $i) { __typename ... on AdministrateurModifierSucces { brouillon { versionBase } } } }`;
const CONFIRMER = `mutation($i: BrouillonConfirmerInput!) { brouillonConfirmer(input: $i) { __typename } }`;

let app: AppTest;
let numero: string;
beforeEach(async () => {
  app = await creerAppTest();
  const { demandes } = await importerDocument(app.prisma, app.config, exempleDocumentImport(), {
    auteur: AUTEUR_SYSTEME,
  });
  numero = demandes[0]!.numero;
  // Version 2, with a field change, and a few audit events.
  const staged = await app.gql(
    ADMIN_MODIFIER,
    {
      i: {
        numero,
        finessJuridique: "330058068",
        valeurs: {
          contractualisationOG: false,
          statutAdminTechnique: "S",
          contractualisationEditeur: false,
          numeroCarteCPX: "9001234569",
          nomAdminTechnique: "VIE",
          telAdminTechnique: "0613434174",
          emailAdminTechnique: "g.vi@mail.com",
          utiliteCertificat: "INS",
        },
      },
    },
    app.gestionnaire,
  );
  const versionBase = staged.data.administrateurModifier.brouillon.versionBase;
  expect(
    (await app.gql(CONFIRMER, { i: { numero, versionBase } }, app.gestionnaire)).data.brouillonConfirmer.__typename,
  ).toBe("BrouillonConfirmerSucces");
  await app.gql(
    `mutation($i: BlocValiderInput!) { blocValider(input: $i) { __typename } }`,
    { i: { numero, bloc: "PIECES" } },
    app.gestionnaire,
  );
});
afterEach(async () => {
  await app.fermer();
});

const cliEnv = () => ({ ...process.env, DATABASE_URL: app.urlBase });

describe("append-only history", () => {
  it("the database refuses to change or delete versions, changes and events, through any connection", async () => {
    const v = await premiere(`SELECT id FROM "Version" WHERE numero = 2`);
    expect(await refus(`UPDATE "Version" SET auteur = 'Quelqu''un d''autre' WHERE id = ${v.id}`)).toBe(
      "historique en ajout seul : une version ne peut pas être modifiée",
    );
    expect(await refus(`DELETE FROM "Version" WHERE id = ${v.id}`)).toBe(
      "historique en ajout seul : une version ne peut pas être supprimée",
    );
    expect(await refus(`UPDATE "ChangementVersion" SET "nouvelleValeur" = '0000000000'`)).toBe(
      "historique en ajout seul : un changement ne peut pas être modifié",
    );
    expect(await refus(`DELETE FROM "ChangementVersion"`)).toBe(
      "historique en ajout seul : un changement ne peut pas être supprimé",
    );
    expect(await refus(`UPDATE "EvenementAudit" SET motif = 'effacé'`)).toBe(
      "historique en ajout seul : un événement ne peut pas être modifié",
    );
    expect(await refus(`DELETE FROM "EvenementAudit"`)).toBe(
      "historique en ajout seul : un événement ne peut pas être supprimé",
    );
    // Through the client's own queries, the same text reaches the caller.
    expect(
      await app.prisma.evenementAudit.updateMany({ data: { motif: "effacé" } }).then(() => null, messageBase),
    ).toBe("historique en ajout seul : un événement ne peut pas être modifié");
    await expect(app.prisma.$executeRawUnsafe(`DELETE FROM "ChangementVersion"`)).rejects.toThrow();
    await expect(app.prisma.$executeRawUnsafe(`UPDATE "Version" SET commentaire = 'x'`)).rejects.toThrow();
    await expect(app.prisma.evenementAudit.deleteMany({})).rejects.toThrow();
    const { ruptures, versions, evenements } = await verifierChaines(app.prisma);
    expect(ruptures).toEqual([]);
    expect(versions).toBe(2);
    const types = (await app.prisma.evenementAudit.findMany({ orderBy: { id: "asc" } })).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["IMPORT", "BLOC_VALIDE", "BLOC_VERROUILLE"]));
    expect(evenements).toBe(types.length);
  });

  it.skipIf(BASE_TEST !== "postgresql")(
    "PostgreSQL also refuses TRUNCATE of the history and of young access traces",
    async () => {
      await app.prisma.traceAcces.create({
        data: { acteur: "U:1 Gaëlle Gestion", role: "GESTIONNAIRE", operation: "CONSULTATION", cible: numero },
      });
      for (const [table, texte] of [
        ["Version", "une version ne peut pas être supprimée"],
        ["ChangementVersion", "un changement ne peut pas être supprimé"],
        ["EvenementAudit", "un événement ne peut pas être supprimé"],
        ["InstantaneVersion", "un instantané ne peut pas être supprimé"],
      ])
        expect(await refus(`TRUNCATE "${table}" CASCADE`)).toBe(`historique en ajout seul : ${texte}`);
      expect(await refus(`TRUNCATE "TraceAcces"`)).toBe("trace d'accès : conservation de 12 mois");
      expect(await app.prisma.version.count()).toBe(2);
    },
  );

  it("access traces are never changed, and removed only once older than 12 months", async () => {
    await app.prisma.traceAcces.create({
      data: { acteur: "U:1 Gaëlle Gestion", role: "GESTIONNAIRE", operation: "CONSULTATION", cible: numero },
    });
    expect(await refus(`UPDATE "TraceAcces" SET cible = 'autre'`)).toBe("trace d'accès : modification interdite");
    expect(await refus(`DELETE FROM "TraceAcces"`)).toBe("trace d'accès : conservation de 12 mois");
    expect(await app.prisma.traceAcces.deleteMany({}).then(() => null, messageBase)).toBe(
      "trace d'accès : conservation de 12 mois",
    );
  });

  it("detects a stored change altered behind the triggers' back", async () => {
    await leverAjoutSeul("ChangementVersion", ["update"]);
    const r = await executer(
      `UPDATE "ChangementVersion" SET "nouvelleValeur" = '1111111111' WHERE "champ" = 'numeroCarteCPX' AND "nouvelleValeur" = '9001234569'`,
    );
    expect(r).toBe(1);
    const { ruptures } = await verifierChaines(app.prisma);
    expect(ruptures).toEqual([{ demande: numero, nature: "VERSION", numero: 2, raison: "contenu modifié" }]);
  });

  it("detects an altered audit event, and a removed one", async () => {
    await leverAjoutSeul("EvenementAudit", ["update", "delete"]);
    const premier = await premiere(`SELECT id FROM "EvenementAudit" WHERE type = 'BLOC_VALIDE'`);
    await executer(`UPDATE "EvenementAudit" SET auteur = 'Quelqu''un d''autre' WHERE id = ${premier.id}`);
    let { ruptures } = await verifierChaines(app.prisma);
    expect(ruptures).toEqual([{ demande: numero, nature: "EVENEMENT", numero: premier.id, raison: "contenu modifié" }]);

    await executer(`DELETE FROM "EvenementAudit" WHERE id = ${premier.id}`);
    ({ ruptures } = await verifierChaines(app.prisma));
    expect(ruptures.map((x) => x.raison)).toContain("maillon précédent différent");
  });
});

describe("command-line tools", () => {
  it("historique:verifier prints the counts and exits 0, then reports a break in French and exits 1", async () => {
    const ok = await exec(TSX, ["server/src/cli/verifier-historique.ts"], { cwd: RACINE, env: cliEnv() });
    expect(ok.stdout).toMatch(/Historique vérifié : 2 version\(s\) et \d+ événement\(s\) d'audit\./);
    expect(ok.stdout).toContain("Aucune rupture");

    await leverAjoutSeul("ChangementVersion", ["update"]);
    await executer(
      `UPDATE "ChangementVersion" SET "nouvelleValeur" = '1111111111' WHERE "champ" = 'numeroCarteCPX' AND "nouvelleValeur" = '9001234569'`,
    );
    const ko = await exec(TSX, ["server/src/cli/verifier-historique.ts"], { cwd: RACINE, env: cliEnv() }).then(
      () => null,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(ko).not.toBeNull();
    expect(ko!.code).toBe(1);
    expect(ko!.stderr).toContain(`demande ${numero}, version 2 : contenu modifié`);
  });

  it("traces:purger deletes only access traces older than 12 months", async () => {
    const vieille = new Date();
    vieille.setUTCMonth(vieille.getUTCMonth() - 13);
    await app.prisma.traceAcces.create({
      data: {
        acteur: "U:1 Gaëlle Gestion",
        role: "GESTIONNAIRE",
        operation: "CONSULTATION",
        cible: numero,
        creeLe: vieille,
      },
    });
    await app.prisma.traceAcces.create({
      data: { acteur: "U:1 Gaëlle Gestion", role: "GESTIONNAIRE", operation: "CONSULTATION", cible: numero },
    });
    const r = await exec(TSX, ["server/src/cli/purger-traces.ts"], { cwd: RACINE, env: cliEnv() });
    expect(r.stdout).toContain("1 trace(s) d'accès de plus de 12 mois supprimée(s).");
    expect(await app.prisma.traceAcces.count()).toBe(1);
  });
});
