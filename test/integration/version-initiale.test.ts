import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exempleDocumentImport, type DocumentImportJson } from "@segur/shared";
import { BASE_TEST, creerAppTest, type AppTest } from "../../server/test/aide.js";
import { importerDocument } from "../../server/src/import/service.js";
import {
  AUTEUR_SYSTEME,
  completerInstantanes,
  etatActuel,
  verifierChaines,
} from "../../server/src/historique/service.js";
import { differences, rejouer, type Changement } from "../../server/src/historique/changements.js";
import { etatVide, type Etat } from "../../server/src/historique/champs.js";
import { HASH_INITIAL, hashVersion, hashVersionContenu } from "../../server/src/historique/chaine.js";
import { deserialiserEtat, serialiserEtat } from "../../server/src/historique/instantanes.js";
import { instantaneInitial, versionInitiale } from "../../server/src/historique/version-initiale.js";
import { insererParJson } from "../../server/src/commun/insertion-en-masse.js";

// An imported demande's version 1 is stored compactly (its state as snapshot 1, no change rows):
// everything that reads it must see what the ~100 change rows of a version 1 written before
// showed — the Historique, version k, comparisons, the hash chain — and such older histories
// (rows, no snapshot 1) keep reading and verifying as they did.

let app: AppTest;
beforeEach(async () => {
  app = await creerAppTest();
});
afterEach(() => app.fermer());

const executer = (sql: string) => app.prisma.$executeRawUnsafe(sql);
async function leverAjoutSeul(table: string, operations: ("update" | "delete")[]) {
  if (BASE_TEST === "postgresql") await executer(`DROP TRIGGER "${table}_ajout_seul" ON "${table}"`);
  else for (const op of operations) await executer(`DROP TRIGGER "${table}_ajout_seul_${op}"`);
}

/** n copies of the guide's demande, FINESS juridiques of their own. */
function fichier(n: number, debut = 0): DocumentImportJson {
  const modele = exempleDocumentImport().demandes[0]!;
  return {
    demandes: Array.from({ length: n }, (_, k) => ({
      ...modele,
      beneficiaires: modele
        .beneficiaires!.slice(0, 5)
        .map((b, j) => ({ ...b, finessJuridique: String(200_000_000 + (debut + k) * 10 + j) })),
    })),
  };
}

const HISTORIQUE = `query($n: String!) { demande(numero: $n) { versions { numero nombreChangements hash changements { bloc cle nature champ ancienneValeur nouvelleValeur } } } }`;
const A_LA_VERSION = `query($n: String!, $v: Int!) { demandeALaVersion(numero: $n, version: $v) {
  informations { courrielContact montantCentimes } coordonneesBancaires { iban } beneficiaires { cle valeurs { finessJuridique telResponsable } }
  administrateurs { cle valeurs { numeroCarteCPX } } pieces { cle valeurs { sha256 } } } }`;
const ADMIN_MODIFIER = `mutation($i: AdministrateurModifierInput!) { administrateurModifier(input: $i) { __typename ... on AdministrateurModifierSucces { brouillon { versionBase } } } }`;

/** A version 2 changing one certificate row's card number. */
async function confirmerVersion2(numero: string, finessJuridique: string) {
  const staged = await app.gql(
    ADMIN_MODIFIER,
    {
      i: {
        numero,
        finessJuridique,
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
  const r = await app.gql(
    `mutation($i: BrouillonConfirmerInput!) { brouillonConfirmer(input: $i) { __typename } }`,
    { i: { numero, versionBase } },
    app.gestionnaire,
  );
  expect(r.data.brouillonConfirmer.__typename).toBe("BrouillonConfirmerSucces");
}

/** What a version 1 written as rows held: every field of the imported state, from nothing. */
const changementsDeLImport = (etat: Etat): Changement[] => differences(etatVide(), etat);

describe("compact version 1", () => {
  it("one pass gives exactly the changes, hash and snapshot of the slow path, whatever the row keys", async () => {
    const { demandes } = await importerDocument(app.prisma, app.config, exempleDocumentImport(), {
      auteur: AUTEUR_SYSTEME,
    });
    const etats = [await etatActuel(app.prisma, demandes[0]!.id)];
    // Keys out of order, prototype names, non-ASCII, a row of nulls only, an empty block.
    const hostile = etatVide();
    for (const cle of ["z", "__proto__", "é", "A", "constructor", "b-1", "b-10", "b-2"])
      hostile.BENEFICIAIRES.set(cle, {
        nomResponsable: `N ${cle}`,
        telResponsable: null,
        finessJuridique: "330058066",
      });
    hostile.ADMINISTRATEURS.set("330058066", { finessJuridique: null, numeroCarteCPX: null });
    hostile.INFORMATIONS.set("demande", { numero: "FINMS1000001M0", courrielContact: 'a"b\\c\u2028@x.fr' });
    etats.push(hostile, etatVide());
    const v = {
      demandeNumero: "FINMS1000001M0",
      numero: 1,
      auteur: "Système",
      acteur: "SYSTEME",
      role: "SYSTEME",
      creeLe: new Date(0),
      commentaire: "Import de la demande",
    };
    for (const etat of etats) {
      const lent = changementsDeLImport(etat);
      const rapide = versionInitiale(etat);
      expect(rapide.changements).toEqual(
        lent.map((c) => [c.bloc, c.cle, c.nature, c.champ, c.ancienneValeur, c.nouvelleValeur]),
      );
      expect(rapide.instantane).toBe(instantaneInitial(lent));
      // Rows as values in field order: read back as the full replay's rows, in its order.
      expect(serialiserEtat(deserialiserEtat(rapide.instantane))).toBe(
        serialiserEtat(rejouer([{ changements: lent }])),
      );
      expect(hashVersionContenu(HASH_INITIAL, v, rapide.changements)).toBe(
        hashVersion(HASH_INITIAL, { ...v, changements: lent }),
      );
    }
  });

  it("reads back as a version 1 of change rows did: Historique, version k, comparison, hash chain", async () => {
    const { demandes } = await importerDocument(app.prisma, app.config, fichier(2), { auteur: AUTEUR_SYSTEME });
    const d = demandes[0]!;
    const importe = await etatActuel(app.prisma, d.id);
    const attendus = changementsDeLImport(importe);
    expect(attendus.length).toBeGreaterThan(50);
    // Half the text of a snapshot with field names.
    const instantane1 = await app.prisma.instantaneVersion.findUniqueOrThrow({
      where: { demandeId_numero: { demandeId: d.id, numero: 1 } },
    });
    expect(instantane1.etat.length).toBeLessThan(serialiserEtat(importe).length * 0.7);
    const v1 = await app.prisma.version.findUniqueOrThrow({
      where: { demandeId_numero: { demandeId: d.id, numero: 1 } },
    });
    expect(await app.prisma.changementVersion.count()).toBe(0);
    expect(v1.nombreChangements).toBe(attendus.length);
    // The hash is that of the changes themselves: a chain written with rows and this one agree.
    expect(v1.hash).toBe(
      hashVersion(HASH_INITIAL, {
        demandeNumero: d.numero,
        numero: 1,
        auteur: v1.auteur,
        acteur: v1.acteur,
        role: v1.role,
        creeLe: v1.creeLe,
        commentaire: v1.commentaire,
        changements: attendus,
      }),
    );

    const admin = [...importe.ADMINISTRATEURS.keys()][0]!;
    await confirmerVersion2(d.numero, admin);
    const h = (await app.gql(HISTORIQUE, { n: d.numero }, app.auditeur)).data.demande.versions;
    expect(h.map((v: any) => [v.numero, v.nombreChangements, v.changements.length])).toEqual([
      [2, h[0].changements.length, h[0].changements.length],
      [1, attendus.length, attendus.length],
    ]);
    expect(h[1].changements).toEqual(attendus);
    expect(h[1].hash).toBe(v1.hash);

    // Version 1 is the imported state; the comparison lists exactly the version 2's change.
    const a1 = (await app.gql(A_LA_VERSION, { n: d.numero, v: 1 }, app.auditeur)).data.demandeALaVersion;
    expect(a1.administrateurs.find((l: any) => l.cle === admin).valeurs.numeroCarteCPX).toBe(
      importe.ADMINISTRATEURS.get(admin)!.numeroCarteCPX,
    );
    expect(a1.beneficiaires.map((l: any) => l.cle)).toEqual([...importe.BENEFICIAIRES.keys()].sort());
    const cmp = (
      await app.gql(
        `query($n: String!) { demandeComparer(numero: $n, de: 1, a: 2) { bloc cle champ ancienneValeur nouvelleValeur } }`,
        { n: d.numero },
        app.auditeur,
      )
    ).data.demandeComparer;
    expect(cmp).toEqual(h[0].changements.map(({ nature: _n, ...c }: any) => c));
    expect(cmp).toContainEqual({
      bloc: "ADMINISTRATEURS",
      cle: admin,
      champ: "numeroCarteCPX",
      ancienneValeur: importe.ADMINISTRATEURS.get(admin)!.numeroCarteCPX,
      nouvelleValeur: "9001234569",
    });
    const { ruptures, versions } = await verifierChaines(app.prisma);
    expect({ ruptures, versions }).toEqual({ ruptures: [], versions: 3 });
    // Nothing to complete: snapshot 1 is there, and the next one is at 100.
    expect(await completerInstantanes(app.prisma, d.id)).toBe(0);
  }, 60_000);

  it("the Historique of a page of demandes still reads every version's changes in one statement", async () => {
    const { demandes } = await importerDocument(app.prisma, app.config, fichier(3), { auteur: AUTEUR_SYSTEME });
    const avant = app.requetes.length;
    const r = await app.gql(
      `query { demandes(first: 3) { edges { node { numero versions { numero changements { champ } } } } } }`,
      {},
      app.auditeur,
    );
    expect(r.errors).toBeUndefined();
    for (const e of r.data.demandes.edges)
      expect(e.node.versions[0].changements.length).toBe(
        changementsDeLImport(await etatActuel(app.prisma, demandes.find((d) => d.numero === e.node.numero)!.id)).length,
      );
    expect(app.requetes.slice(avant).filter((s) => s.includes("ChangementVersion"))).toHaveLength(1);
  }, 60_000);

  it("a version 1 written before (change rows, no snapshot 1) reads and verifies as it did", async () => {
    const { demandes } = await importerDocument(app.prisma, app.config, fichier(1), { auteur: AUTEUR_SYSTEME });
    const d = demandes[0]!;
    const attendus = changementsDeLImport(await etatActuel(app.prisma, d.id));
    // Turned into what the import wrote before this change, behind the triggers' back.
    const v1 = await app.prisma.version.findUniqueOrThrow({
      where: { demandeId_numero: { demandeId: d.id, numero: 1 } },
    });
    await leverAjoutSeul("InstantaneVersion", ["delete"]);
    await executer(`DELETE FROM "InstantaneVersion"`);
    await app.prisma.$transaction((tx) =>
      insererParJson(
        tx,
        "ChangementVersion",
        attendus.map((c, ordre) => ({ versionId: v1.id, ordre, ...c })),
      ),
    );
    await confirmerVersion2(d.numero, attendus.find((c) => c.bloc === "ADMINISTRATEURS")!.cle);
    const h = (await app.gql(HISTORIQUE, { n: d.numero }, app.auditeur)).data.demande.versions;
    expect(h[1].changements).toEqual(attendus);
    const a1 = (await app.gql(A_LA_VERSION, { n: d.numero, v: 1 }, app.auditeur)).data.demandeALaVersion;
    expect(a1.beneficiaires).toHaveLength(5);
    expect((await verifierChaines(app.prisma)).ruptures).toEqual([]);
  }, 60_000);

  it("a snapshot 1 altered behind the triggers' back breaks version 1's hash", async () => {
    const { demandes } = await importerDocument(app.prisma, app.config, fichier(1), { auteur: AUTEUR_SYSTEME });
    const etat = await etatActuel(app.prisma, demandes[0]!.id);
    const tel = [...etat.BENEFICIAIRES.values()][0]!.telResponsable!;
    await leverAjoutSeul("InstantaneVersion", ["update"]);
    expect(await executer(`UPDATE "InstantaneVersion" SET "etat" = replace("etat", '${tel}', '0100000000')`)).toBe(1);
    expect((await verifierChaines(app.prisma)).ruptures).toEqual([
      { demande: demandes[0]!.numero, nature: "VERSION", numero: 1, raison: "contenu modifié" },
    ]);
  }, 60_000);

  it("an import's statements do not grow with its file (10 or 80 demandes: the same count)", async () => {
    const compter = async (n: number, debut: number) => {
      const avant = app.requetes.length;
      await importerDocument(app.prisma, app.config, fichier(n, debut), { auteur: AUTEUR_SYSTEME });
      return app.requetes.slice(avant).map((q) => q.slice(0, 50));
    };
    const dix = await compter(10, 0);
    expect(await compter(80, 10)).toEqual(dix);
    expect(dix.length).toBeLessThanOrEqual(20);
    expect(serialiserEtat(etatVide())).toBe(versionInitiale(etatVide()).instantane);
    // The pièces' bytes (sent as hex digits in the rows' JSON) read back exactly.
    const pieces = await app.prisma.pieceJustificative.findMany();
    expect(pieces).toHaveLength(180);
    for (const p of pieces) {
      expect(p.contenu.byteLength).toBe(p.taille);
      expect(createHash("sha256").update(p.contenu).digest("hex")).toBe(p.sha256);
    }
  }, 60_000);
});
