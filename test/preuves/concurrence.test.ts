// Proving suite 3: concurrency over HTTP on loopback (a real node:http server, real sockets).
// 50 actors confirm their drafts on one demande at the same base version: exactly one wins,
// every loser gets a conflict (or a statut answer) and keeps its draft, the hash chain verifies.
// 20 imports sharing 5 references at once: exactly one demande per reference.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exempleDocumentImport } from "@segur/shared";
import { creerUtilisateur } from "../../server/src/auth/service.js";
import { verifierChaines } from "../../server/src/historique/service.js";
import { creerAppTest, importerExemple, type AppTest, type Identite } from "../../server/test/aide.js";
import { erreurInterne, publierFigure } from "./support.js";

let app: AppTest;
let serveur: http.Server;
let url: string;
const figures: Record<string, unknown> = {};

beforeAll(async () => {
  app = await creerAppTest();
  serveur = http.createServer(app.handle);
  await new Promise<void>((r) => serveur.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}/graphql`;
}, 60_000);
afterAll(async () => {
  await new Promise((r) => serveur?.close(r));
  await app?.fermer();
});

async function http_(query: string, variables: Record<string, unknown>, as: Identite) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...as.headers },
    body: JSON.stringify({ query, variables }),
  });
  const texte = await res.text();
  return { statut: res.status, texte, json: JSON.parse(texte) as { data?: any; errors?: unknown[] } };
}

async function session(email: string): Promise<Identite> {
  await creerUtilisateur(app.prisma, {
    email,
    nom: `Gestion ${email}`,
    role: "GESTIONNAIRE",
    motDePasse: "motdepasse-test",
  });
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `mutation($i: ConnexionInput!) { connexion(input: $i) { __typename } }`,
      variables: { i: { email, motDePasse: "motdepasse-test" } },
    }),
  });
  return { headers: { cookie: res.headers.get("set-cookie")!.split(";")[0]! } };
}

describe("concurrency over HTTP on loopback", () => {
  it("50 actors confirm at the same base version: one winner, every loser keeps its draft, the chain verifies", async () => {
    const numero = await importerExemple(app);
    // Suppliers may modify only a demande sent back to them (SPEC §5).
    await app.prisma.demande.updateMany({ where: { numero }, data: { statut: "A_MODIFIER" } });
    const acteurs: Identite[] = [];
    for (let i = 0; i < 5; i++) acteurs.push(await session(`gestionnaire${i}@concurrence.fr`));
    for (let i = 0; i < 45; i++) acteurs.push(await app.fournisseur("00001"));
    const stager = `mutation($n: String!, $c: String!) { informationsModifier(input: { numero: $n, valeurs: { courrielContact: $c } }) {
      __typename ... on InformationsModifierSucces { brouillon { versionBase } } ... on Erreur { code message } } }`;
    for (const [i, a] of acteurs.entries()) {
      const r = await http_(stager, { n: numero, c: `acteur${i}@concurrence.fr` }, a);
      expect(r.json.data?.informationsModifier, r.texte).toMatchObject({
        __typename: "InformationsModifierSucces",
        brouillon: { versionBase: 1 },
      });
    }

    const confirmer = `mutation($n: String!) { brouillonConfirmer(input: { numero: $n, versionBase: 1 }) {
      __typename ... on BrouillonConfirmerSucces { confirmation { version { numero } } } ... on Erreur { code message } } }`;
    const reponses = await Promise.all(acteurs.map((a) => http_(confirmer, { n: numero }, a)));

    const internes = reponses.filter((r) => erreurInterne(r.statut, r.texte));
    expect(
      internes.map((r) => r.texte.slice(0, 300)),
      "erreurs internes",
    ).toEqual([]);
    const resultats = reponses.map((r) => r.json.data?.brouillonConfirmer);
    const gagnants = resultats
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => r?.__typename === "BrouillonConfirmerSucces");
    const perdants = resultats
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => r?.__typename !== "BrouillonConfirmerSucces");
    expect(gagnants.length, "un seul gagnant par version de base").toBe(1);
    expect(gagnants[0]!.r.confirmation.version.numero).toBe(2);
    const codes = [...new Set(perdants.map(({ r }) => r?.code))];
    expect(
      codes.every((c) => c === "CONFLIT_VERSION" || c === "STATUT_NON_MODIFIABLE"),
      `codes des perdants : ${codes.join(", ")}`,
    ).toBe(true);

    // Every loser's draft is kept, with its staged change.
    const lire = `query($n: String!) { brouillon(numero: $n) { versionBase informations { valeurs { courrielContact } } } }`;
    for (const { i } of perdants) {
      const b = await http_(lire, { n: numero }, acteurs[i]!);
      expect(b.json.data?.brouillon?.informations?.valeurs?.courrielContact, `brouillon de l'acteur ${i}`).toBe(
        `acteur${i}@concurrence.fr`,
      );
    }
    const d = await app.prisma.demande.findUniqueOrThrow({ where: { numero }, include: { versions: true } });
    expect(d.versionCourante).toBe(2);
    expect(d.versions).toHaveLength(2);
    expect(d.courrielContact).toBe(`acteur${gagnants[0]!.i}@concurrence.fr`);
    const { ruptures } = await verifierChaines(app.prisma);
    expect(ruptures).toEqual([]);
    Object.assign(figures, {
      confirmations: acteurs.length,
      gagnants: gagnants.length,
      perdants: perdants.length,
      brouillonsGardes: perdants.length,
      codesPerdants: codes,
      internesConfirmations: internes.length,
    });
  }, 120_000);

  it("20 imports sharing 5 references at once: exactly one demande per reference, the others refused as already imported", async () => {
    const cle = await app.fournisseur("00001");
    const references = ["REF-A", "REF-B", "REF-C", "REF-D", "REF-E"];
    const importer = `mutation($d: JSON!) { demandesImporter(input: { document: $d }) {
      __typename ... on DemandesImporterSucces { resultat { demandes { numero referenceFournisseur } } }
      ... on ErreurValidation { code message problemes { code path } } ... on Erreur { code message } } }`;
    const documents = Array.from({ length: 20 }, (_, i) => {
      const doc = exempleDocumentImport();
      doc.demandes[0]!.referenceFournisseur = references[i % references.length];
      return doc;
    });
    const reponses = await Promise.all(documents.map((d) => http_(importer, { d }, cle)));
    const internes = reponses.filter((r) => erreurInterne(r.statut, r.texte));
    const resultats = reponses.map((r) => r.json.data?.demandesImporter);
    const creees = resultats.filter((r) => r?.__typename === "DemandesImporterSucces");
    const dejaImportees = resultats.filter(
      (r) =>
        r?.__typename === "ErreurValidation" && r.problemes.some((p: { code: string }) => p.code === "DEJA_IMPORTEE"),
    );
    const enBase = await app.prisma.demande.groupBy({
      by: ["referenceFournisseur"],
      where: { referenceFournisseur: { in: references } },
      _count: true,
    });
    Object.assign(figures, {
      imports: documents.length,
      references: references.length,
      importsCrees: creees.length,
      dejaImportees: dejaImportees.length,
      internesImports: internes.length,
    });
    publierFigure(
      "concurrence",
      `${figures.confirmations} confirms → ${figures.gagnants} winner, ${figures.brouillonsGardes} losers kept their draft; ${documents.length} imports → ${creees.length} created for ${references.length} references, ${dejaImportees.length} already imported; ${Number(figures.internesConfirmations ?? 0) + internes.length} internal errors`,
      figures,
    );
    expect(
      internes.map((r) => r.texte.slice(0, 300)),
      "erreurs internes",
    ).toEqual([]);
    expect(enBase.map((g) => [g.referenceFournisseur, g._count]).sort()).toEqual(references.map((r) => [r, 1]));
    expect(creees).toHaveLength(references.length);
    expect(dejaImportees).toHaveLength(documents.length - references.length);
    const { ruptures } = await verifierChaines(app.prisma);
    expect(ruptures).toEqual([]);
  }, 120_000);
});
