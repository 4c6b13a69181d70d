import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exempleDocumentImport } from "@segur/shared";
import { creerAppTest, type AppTest } from "../../server/test/aide.js";
import { importerDocument } from "../../server/src/import/service.js";
import { AUTEUR_SYSTEME, verifierChaines } from "../../server/src/historique/service.js";

// better-sqlite3 is a dependency of the prisma workspace: load it from there, as a raw
// connection beside Prisma's (what someone with access to the database file could do).
interface Connexion {
  exec(sql: string): void;
  prepare(sql: string): { run(...p: unknown[]): { changes: number }; get(...p: unknown[]): any };
  close(): void;
}
const Database = createRequire(new URL("../../prisma/package.json", import.meta.url))("better-sqlite3") as new (f: string) => Connexion;

const RACINE = fileURLToPath(new URL("../..", import.meta.url));
const TSX = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));
const exec = promisify(execFile);

const ADMIN_MODIFIER = `mutation($i: AdministrateurModifierInput!) { administrateurModifier(input: $i) { __typename ... on AdministrateurModifierSucces { brouillon { versionBase } } } }`;
const CONFIRMER = `mutation($i: BrouillonConfirmerInput!) { brouillonConfirmer(input: $i) { __typename } }`;

let app: AppTest;
let numero: string;
let db: Connexion;
beforeEach(async () => {
  app = await creerAppTest();
  const { demandes } = await importerDocument(app.prisma, app.config, exempleDocumentImport(), { auteur: AUTEUR_SYSTEME });
  numero = demandes[0]!.numero;
  // Version 2, with a field change, and a few audit events.
  const staged = await app.gql(ADMIN_MODIFIER, {
    i: {
      numero, finessJuridique: "330058068",
      valeurs: {
        contractualisationOG: false, statutAdminTechnique: "S", contractualisationEditeur: false, numeroCarteCPX: "9001234569",
        nomAdminTechnique: "VIE", telAdminTechnique: "0613434174", emailAdminTechnique: "g.vi@mail.com", utiliteCertificat: "INS",
      },
    },
  }, app.gestionnaire);
  const versionBase = staged.data.administrateurModifier.brouillon.versionBase;
  expect((await app.gql(CONFIRMER, { i: { numero, versionBase } }, app.gestionnaire)).data.brouillonConfirmer.__typename).toBe("BrouillonConfirmerSucces");
  await app.gql(`mutation($i: BlocValiderInput!) { blocValider(input: $i) { __typename } }`, { i: { numero, bloc: "PIECES" } }, app.gestionnaire);
  db = new Database(app.dbFile);
});
afterEach(async () => {
  db.close();
  await app.fermer();
});

const cliEnv = () => ({ ...process.env, DATABASE_URL: `file:${app.dbFile}` });

describe("append-only history", () => {
  it("the database refuses to change or delete versions, changes and events, through any connection", async () => {
    const v = db.prepare(`SELECT id FROM "Version" WHERE numero = 2`).get();
    expect(() => db.prepare(`UPDATE "Version" SET auteur = 'Quelqu''un d''autre' WHERE id = ?`).run(v.id)).toThrow(/ajout seul/);
    expect(() => db.prepare(`DELETE FROM "Version" WHERE id = ?`).run(v.id)).toThrow(/ajout seul/);
    expect(() => db.prepare(`UPDATE "ChangementVersion" SET "nouvelleValeur" = '0000000000'`).run()).toThrow(/ajout seul/);
    expect(() => db.prepare(`DELETE FROM "ChangementVersion"`).run()).toThrow(/ajout seul/);
    expect(() => db.prepare(`UPDATE "EvenementAudit" SET motif = 'effacé'`).run()).toThrow(/ajout seul/);
    expect(() => db.prepare(`DELETE FROM "EvenementAudit"`).run()).toThrow(/ajout seul/);
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

  it("detects a stored change altered behind the triggers' back", async () => {
    db.exec(`DROP TRIGGER "ChangementVersion_ajout_seul_update"`);
    const r = db.prepare(`UPDATE "ChangementVersion" SET "nouvelleValeur" = '1111111111' WHERE "champ" = 'numeroCarteCPX' AND "nouvelleValeur" = '9001234569'`).run();
    expect(r.changes).toBe(1);
    const { ruptures } = await verifierChaines(app.prisma);
    expect(ruptures).toEqual([{ demande: numero, nature: "VERSION", numero: 2, raison: "contenu modifié" }]);
  });

  it("detects an altered audit event, and a removed one", async () => {
    db.exec(`DROP TRIGGER "EvenementAudit_ajout_seul_update"; DROP TRIGGER "EvenementAudit_ajout_seul_delete"`);
    const premier = db.prepare(`SELECT id FROM "EvenementAudit" WHERE type = 'BLOC_VALIDE'`).get();
    db.prepare(`UPDATE "EvenementAudit" SET auteur = 'Quelqu''un d''autre' WHERE id = ?`).run(premier.id);
    let { ruptures } = await verifierChaines(app.prisma);
    expect(ruptures).toEqual([{ demande: numero, nature: "EVENEMENT", numero: premier.id, raison: "contenu modifié" }]);

    db.prepare(`DELETE FROM "EvenementAudit" WHERE id = ?`).run(premier.id);
    ({ ruptures } = await verifierChaines(app.prisma));
    expect(ruptures.map((x) => x.raison)).toContain("maillon précédent différent");
  });
});

describe("command-line tools", () => {
  it("historique:verifier prints the counts and exits 0, then reports a break in French and exits 1", async () => {
    const ok = await exec(TSX, ["server/src/cli/verifier-historique.ts"], { cwd: RACINE, env: cliEnv() });
    expect(ok.stdout).toMatch(/Historique vérifié : 2 version\(s\) et \d+ événement\(s\) d'audit\./);
    expect(ok.stdout).toContain("Aucune rupture");

    db.exec(`DROP TRIGGER "ChangementVersion_ajout_seul_update"`);
    db.exec(`UPDATE "ChangementVersion" SET "nouvelleValeur" = '1111111111' WHERE "champ" = 'numeroCarteCPX' AND "nouvelleValeur" = '9001234569'`);
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
    await app.prisma.traceAcces.create({ data: { acteur: "U:1 Gaëlle Gestion", role: "GESTIONNAIRE", operation: "CONSULTATION", cible: numero, creeLe: vieille } });
    await app.prisma.traceAcces.create({ data: { acteur: "U:1 Gaëlle Gestion", role: "GESTIONNAIRE", operation: "CONSULTATION", cible: numero } });
    const r = await exec(TSX, ["server/src/cli/purger-traces.ts"], { cwd: RACINE, env: cliEnv() });
    expect(r.stdout).toContain("1 trace(s) d'accès de plus de 12 mois supprimée(s).");
    expect(await app.prisma.traceAcces.count()).toBe(1);
  });
});
