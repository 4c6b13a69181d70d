// `pnpm copier:postgresql`: a SQLite app with varied data copied into an empty, migrated PostgreSQL
// database; every table compared row by row through both Prisma clients, the chains verified.
// PostgreSQL only (integration-pg): the SQLite source is made here, the target is a template copy.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, MIGRATIONS_DIR_POSTGRESQL, ouvrirBase, Prisma, type Db } from "@segur/prisma";
import { copierSqliteVersPostgresql, dateUtc, ErreurCopie } from "@segur/prisma/copie-postgresql";
import { creerBase, creerBaseDepuisModele, supprimerBase } from "@segur/prisma/postgresql";
import { BASE_TEST, creerAppTest, importerExemple, type AppTest } from "../../server/test/aide.js";
import { verifierChaines } from "../../server/src/historique/service.js";
import { creerUtilisateur } from "../../server/src/auth/service.js";

const RACINE = fileURLToPath(new URL("../..", import.meta.url));
const ERREUR = `... on Erreur { code message }`;
const ADMIN_MODIFIER = `mutation($i: AdministrateurModifierInput!) { administrateurModifier(input: $i) { __typename ... on AdministrateurModifierSucces { brouillon { versionBase } } ${ERREUR} } }`;
const CONFIRMER = `mutation($i: BrouillonConfirmerInput!) { brouillonConfirmer(input: $i) { __typename ${ERREUR} } }`;
const LIGNE_VALIDER = `mutation($i: LigneValiderInput!) { ligneValider(input: $i) { __typename ${ERREUR} } }`;
const LIGNE_REJETER = `mutation($i: LigneRejeterInput!) { ligneRejeter(input: $i) { __typename ${ERREUR} } }`;
const LOT = `mutation($i: LotTransmissionCreerInput!) { lotTransmissionCreer(input: $i) { __typename ${ERREUR} } }`;
const STATUT = `mutation($i: DemandeChangerStatutInput!) { demandeChangerStatut(input: $i) { __typename ${ERREUR} } }`;
const CONNEXION = `mutation($i: ConnexionInput!) { connexion(input: $i) { __typename } }`;
const VALEURS_VIE = {
  contractualisationOG: false,
  statutAdminTechnique: "S",
  contractualisationEditeur: false,
  numeroCarteCPX: "9001234569",
  nomAdminTechnique: "VIE",
  telAdminTechnique: "0613434174",
  emailAdminTechnique: "g.vi@mail.com",
  utiliteCertificat: "INS",
};
// Above 2^53: a JavaScript number would round it.
const GRAND_MONTANT = 9_007_199_254_740_993n;

/** Every row of a model in one comparable form, sorted: bytes as hex, BigInt and dates as text. */
async function lignes(db: Db, modele: string): Promise<string[]> {
  const delegue = (db as unknown as Record<string, { findMany: () => Promise<object[]> }>)[
    modele[0]!.toLowerCase() + modele.slice(1)
  ]!;
  const texte = (r: object) =>
    JSON.stringify(r, function (this: Record<string, unknown>, k, v) {
      const brut = this[k];
      if (brut instanceof Uint8Array) return `octets:${Buffer.from(brut).toString("hex")}`;
      if (brut instanceof Date) return `date:${brut.toISOString()}`;
      return typeof v === "bigint" ? `bigint:${v}` : v;
    });
  return (await delegue.findMany()).map(texte).sort();
}

describe.skipIf(BASE_TEST !== "postgresql")("copie SQLite → PostgreSQL", () => {
  let source: AppTest;
  let numero: string;
  let cible: string;
  const admin = process.env.SEGUR_TEST_PG_URL!;

  beforeAll(async () => {
    source = await creerAppTest({}, { base: "sqlite" });
    numero = await importerExemple(source);
    const fournisseur = await source.fournisseur("00001");
    // A confirmed change (version 2 with its field changes), validations, a rejection, a batch.
    const m = await source.gql(
      ADMIN_MODIFIER,
      { i: { numero, finessJuridique: "330058068", valeurs: VALEURS_VIE } },
      source.gestionnaire,
    );
    expect(m.data.administrateurModifier.__typename).toBe("AdministrateurModifierSucces");
    expect(
      (
        await source.gql(
          CONFIRMER,
          { i: { numero, versionBase: m.data.administrateurModifier.brouillon.versionBase } },
          source.gestionnaire,
        )
      ).data.brouillonConfirmer.__typename,
    ).toBe("BrouillonConfirmerSucces");
    for (const cle of ["330058066", "330058068"])
      expect(
        (await source.gql(LIGNE_VALIDER, { i: { numero, bloc: "ADMINISTRATEURS", cle } }, source.gestionnaire)).data
          .ligneValider.__typename,
      ).toBe("LigneValiderSucces");
    await source.gql(
      LIGNE_REJETER,
      { i: { numero, bloc: "ADMINISTRATEURS", cle: "330058067", motif: "CPX inconnu" } },
      source.gestionnaire,
    );
    expect(
      (await source.gql(LOT, { i: { commentaire: "Envoi « hebdo »" } }, source.gestionnaire)).data.lotTransmissionCreer
        .__typename,
    ).toBe("LotTransmissionCreerSucces");
    // An email in the outbox, an access trace, a supplier's read, a failed login, a draft left pending.
    expect(
      (
        await source.gql(
          STATUT,
          { i: { numero, statut: "A_MODIFIER", message: "Merci de corriger\nla carte CPX." } },
          source.gestionnaire,
        )
      ).data.demandeChangerStatut.__typename,
    ).toBe("DemandeChangerStatutSucces");
    await source.gql(`query($n: String!) { demande(numero: $n) { numero } }`, { n: numero }, source.gestionnaire);
    await source.gql(`query($n: String!) { demande(numero: $n) { numero } }`, { n: numero }, fournisseur);
    await source.gql(CONNEXION, { i: { email: "gestionnaire@test.fr", motDePasse: "faux" } });
    await source.gql(
      ADMIN_MODIFIER,
      { i: { numero, finessJuridique: "330058069", valeurs: { ...VALEURS_VIE, nomAdminTechnique: "ÉTÉ" } } },
      source.gestionnaire,
    );
    await source.prisma.demande.update({ where: { numero }, data: { montantCentimes: GRAND_MONTANT } });
    // Nothing writes the source during the copy: the outbox stopped, the client closed.
    await source.boiteEnvoi.arreter();
    await source.prisma.$disconnect();
    cible = await creerBaseDepuisModele(admin, process.env.SEGUR_TEST_PG_MODELE!);
  });
  afterAll(async () => {
    await source?.fermer();
    if (cible) await supprimerBase(admin, new URL(cible).pathname.slice(1));
  });

  it("copies every row of every table (ids, bytes, 64-bit amounts, UTC dates), resets the sequences, leaves the chains intact", async () => {
    const sortie = execFileSync(
      process.execPath,
      ["--import", "tsx", "server/src/cli/copier-postgresql.ts", "--", "--de", source.urlBase, "--vers", cible],
      { cwd: RACINE, encoding: "utf8" },
    );
    expect(sortie).toMatch(/ChangementVersion\s+\d+\s+\d+/);
    expect(sortie).toContain("✓ Aucune rupture");

    const sqlite = await ouvrirBase(source.urlBase, { migrer: false });
    const pg = await ouvrirBase(cible, { migrer: false });
    try {
      const nonVides: string[] = [];
      for (const modele of Object.values(Prisma.ModelName)) {
        const attendu = await lignes(sqlite, modele);
        expect(await lignes(pg, modele), modele).toEqual(attendu);
        if (attendu.length) nonVides.push(modele);
      }
      // The seed above reaches every table that the app writes during these steps.
      expect(nonVides).toEqual(
        expect.arrayContaining([
          "Demande",
          "Beneficiaire",
          "AdministrateurTechnique",
          "PieceJustificative",
          "CoordonneesBancaires",
          "Version",
          "ChangementVersion",
          "EvenementAudit",
          "TraceAcces",
          "LotTransmission",
          "Courriel",
          "Session",
          "CleApi",
          "Utilisateur",
          "LimiteConnexion",
          "Brouillon",
          "OperationBrouillon",
        ]),
      );
      expect((await pg.demande.findUniqueOrThrow({ where: { numero } })).montantCentimes).toBe(GRAND_MONTANT);
      expect(await pg.version.count({ where: { demande: { numero } } })).toBe(2);
      const { ruptures, versions } = await verifierChaines(pg);
      expect(ruptures).toEqual([]);
      expect(versions).toBe(await sqlite.version.count());
      // The next id after the largest copied one.
      const max = (await pg.utilisateur.aggregate({ _max: { id: true } }))._max.id!;
      const u = await creerUtilisateur(pg, {
        email: "nouveau@test.fr",
        nom: "Nouveau",
        role: "AUDITEUR",
        motDePasse: "motdepasse-test",
      });
      expect(u.id).toBe(max + 1);
    } finally {
      await sqlite.$disconnect();
      await pg.$disconnect();
    }
  });

  it("refuses a non-empty target, and changes nothing in it", async () => {
    const avant = await copierSqliteVersPostgresql({
      de: source.urlBase,
      vers: cible,
      migrationsSqlite: MIGRATIONS_DIR,
      migrationsPostgresql: MIGRATIONS_DIR_POSTGRESQL,
    }).catch((e: unknown) => e);
    expect(avant).toBeInstanceOf(ErreurCopie);
    expect(avant).toMatchObject({ code: "COPIE_CIBLE_NON_VIDE", chemin: ["vers", expect.any(String)] });
    expect((avant as Error).message).toMatch(/^La base PostgreSQL n'est pas vide \(/);
  });

  it("refuses a target with pending migrations", async () => {
    const nue = await creerBase(admin, "copie_non_migree");
    try {
      await expect(
        copierSqliteVersPostgresql({
          de: source.urlBase,
          vers: nue,
          migrationsSqlite: MIGRATIONS_DIR,
          migrationsPostgresql: MIGRATIONS_DIR_POSTGRESQL,
        }),
      ).rejects.toMatchObject({ code: "COPIE_CIBLE_NON_MIGREE", chemin: ["vers"] });
    } finally {
      await supprimerBase(admin, "copie_non_migree");
    }
  });

  it("reads SQLite's date spellings as UTC", () => {
    expect(dateUtc("2026-12-01T17:11:03.295+00:00")).toBe("2026-12-01 17:11:03.295");
    expect(dateUtc("2026-12-01T18:11:03.295+01:00")).toBe("2026-12-01 17:11:03.295");
    expect(dateUtc("2026-12-01 17:11:03")).toBe("2026-12-01 17:11:03.000");
    expect(dateUtc(1764609063295n)).toBe("2025-12-01 17:11:03.295");
  });
});
