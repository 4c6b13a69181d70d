import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creerAppTest, importerExemple, type AppTest } from "../../server/test/aide.js";
import { hashVersion } from "../../server/src/historique/chaine.js";
import { verifierChaines } from "../../server/src/historique/service.js";

// SQLite binds at most 999 parameters per statement: a demande's history must not bind one per version.
const N = 5000;
const courriel = (n: number) => `v${n}@editeur.fr`;

let app: AppTest;
let numero: string;
beforeAll(async () => {
  app = await creerAppTest();
  numero = await importerExemple(app);
  // Versions 2..N, each changing the contact email, written in bulk with a correct hash chain.
  const d = await app.prisma.demande.findUniqueOrThrow({ where: { numero }, include: { versions: true } });
  let precedent = d.versions[0]!.hash;
  const versions = [];
  const changements = new Map<number, { ordre: number; bloc: string; cle: string; nature: string; champ: string; ancienneValeur: string | null; nouvelleValeur: string | null }[]>();
  for (let n = 2; n <= N; n++) {
    const c = [{ ordre: 0, bloc: "INFORMATIONS", cle: "demande", nature: "MODIFICATION", champ: "courrielContact", ancienneValeur: n === 2 ? d.courrielContact : courriel(n - 1), nouvelleValeur: courriel(n) }];
    const v = { demandeId: d.id, numero: n, auteur: "Gaëlle Gestion", acteur: "U:1", role: "GESTIONNAIRE", creeLe: new Date(Date.UTC(2026, 0, 1) + n * 60_000), commentaire: `Version ${n}` };
    const hash = hashVersion(precedent, { ...v, demandeNumero: numero, changements: c });
    versions.push({ ...v, hashPrecedent: precedent, hash });
    changements.set(n, c);
    precedent = hash;
  }
  await app.prisma.version.createMany({ data: versions });
  const ids = await app.prisma.version.findMany({ where: { demandeId: d.id, numero: { gte: 2 } }, select: { id: true, numero: true } });
  await app.prisma.changementVersion.createMany({ data: ids.flatMap((v) => changements.get(v.numero)!.map((c) => ({ ...c, versionId: v.id }))) });
  await app.prisma.demande.update({ where: { id: d.id }, data: { versionCourante: N, courrielContact: courriel(N) } });
}, 120_000);
afterAll(() => app.fermer());

describe(`a demande with ${N} versions`, () => {
  it("shows a past version (early, late and last)", async () => {
    const q = `query($n: String!, $v: Int!) { demandeALaVersion(numero: $n, version: $v) { version { numero commentaire changements { nouvelleValeur } } informations { courrielContact logiciel } administrateurs { cle } } }`;
    for (const k of [1, 10, 4999, N]) {
      const r = await app.gql(q, { n: numero, v: k }, app.auditeur);
      expect(r.errors).toBeUndefined();
      const v = r.data.demandeALaVersion;
      expect(v.version.numero).toBe(k);
      expect(v.informations).toMatchObject({ courrielContact: k === 1 ? "contact@editeur-dui.fr" : courriel(k), logiciel: "DUI-PDS" });
      expect(v.administrateurs).toHaveLength(5);
    }
  });

  it("compares two versions far apart", async () => {
    const r = await app.gql(`query($n: String!) { demandeComparer(numero: $n, de: 3, a: ${N}) { bloc cle nature champ ancienneValeur nouvelleValeur } }`, { n: numero }, app.auditeur);
    expect(r.errors).toBeUndefined();
    expect(r.data.demandeComparer).toEqual([
      { bloc: "INFORMATIONS", cle: "demande", nature: "MODIFICATION", champ: "courrielContact", ancienneValeur: courriel(3), nouvelleValeur: courriel(N) },
    ]);
  });

  it("shows the whole Historique (every version with its changes)", async () => {
    const r = await app.gql(`query($n: String!) { demande(numero: $n) { versionCourante versions { numero nombreChangements changements { champ nouvelleValeur } } evenements { type } } }`, { n: numero }, app.auditeur);
    expect(r.errors).toBeUndefined();
    const { versions, versionCourante } = r.data.demande;
    expect(versionCourante).toBe(N);
    expect(versions).toHaveLength(N);
    expect(versions[0]).toEqual({ numero: N, nombreChangements: 1, changements: [{ champ: "courrielContact", nouvelleValeur: courriel(N) }] });
    expect(versions[N - 1].numero).toBe(1);
    expect(versions[N - 1].changements.length).toBe(versions[N - 1].nombreChangements);
  });

  it("a new version is still confirmed on top, and the chain still verifies", async () => {
    const s = await app.gql(`mutation($i: InformationsModifierInput!) { informationsModifier(input: $i) { __typename } }`, { i: { numero, valeurs: { courrielContact: "final@editeur.fr" } } }, app.gestionnaire);
    expect(s.data.informationsModifier.__typename).toBe("InformationsModifierSucces");
    const c = await app.gql(`mutation($i: BrouillonConfirmerInput!) { brouillonConfirmer(input: $i) { __typename ... on BrouillonConfirmerSucces { confirmation { version { numero changements { ancienneValeur nouvelleValeur } } } } } }`, { i: { numero, versionBase: N } }, app.gestionnaire);
    expect(c.data.brouillonConfirmer.confirmation.version).toEqual({ numero: N + 1, changements: [{ ancienneValeur: courriel(N), nouvelleValeur: "final@editeur.fr" }] });
    const { ruptures, versions } = await verifierChaines(app.prisma);
    expect(ruptures).toEqual([]);
    expect(versions).toBe(N + 1);
  });
});
