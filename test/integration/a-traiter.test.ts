// The work queue (« À traiter »): each new filter of the list reads the same demandes by the plain
// statement (commun/where-sql.ts) as by Prisma, for every sort; `aTraiter` answers each count by
// one statement, equal to the list's total with that filter; the export honours them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creerAppTest, type AppTest } from "../../server/test/aide.js";
import { semer } from "../../server/src/seed/service.js";
import type { Acteur } from "../../server/src/auth/acteur.js";
import {
  filtreVersWhere,
  TRIS,
  triVersOrderBy,
  type FiltreDemandes,
  type Tri,
} from "../../server/src/demande/filtre.js";
import { compterDemandes, lirePageListe } from "../../server/src/demande/liste-sql.js";
import { FILTRES_A_TRAITER } from "../../server/src/a-traiter/compteurs.js";
import { etatsATraiter } from "./a-traiter-donnees.js";

let app: AppTest;
let gestionnaire: Acteur;
beforeAll(async () => {
  app = await creerAppTest();
  await semer(app.prisma, app.config, { count: 30 });
  const u = await app.prisma.utilisateur.findUniqueOrThrow({ where: { email: "gestionnaire@test.fr" } });
  gestionnaire = {
    type: "UTILISATEUR",
    id: u.id,
    cle: `U:${u.id}`,
    nom: u.nom,
    email: u.email,
    role: "GESTIONNAIRE",
    numeroEditeur: null,
  };
  await etatsATraiter(app.prisma, u.id);
});
afterAll(() => app.fermer());

const FILTRES: [string, FiltreDemandes][] = [
  ...Object.entries(FILTRES_A_TRAITER).map(([n, f]): [string, FiltreDemandes] => [n, f]),
  ["non suivies", { suiviPar: "PERSONNE" }],
  ["suivies par un id", { suiviPar: "1" }],
  ...(["aRevalider", "lignesRejetees", "preteADecider", "aTransmettre", "courrielEnEchec"] as const).map(
    (c): [string, FiltreDemandes] => [`${c}: false`, { [c]: false }],
  ),
  ["combinés", { lignesRejetees: true, suiviPar: "MOI", type: "AVANCE" }],
];

describe("the work queue's filters", () => {
  it("read the same demandes by plain SQL as by Prisma, each keeping some and not all", async () => {
    const toutes = await app.prisma.demande.count();
    for (const [nom, f] of FILTRES) {
      const total = await app.prisma.demande.count({ where: filtreVersWhere(f, gestionnaire) });
      expect(await compterDemandes(app.prisma, filtreVersWhere(f, gestionnaire)), nom).toBe(total);
      // « Modifiée depuis la transmission » has its own tests (transmission.test.ts); no batch here.
      if (!["combinés", "suivies par un id", "modifieeDepuisTransmission"].includes(nom)) {
        expect(total, nom).toBeGreaterThan(0);
        expect(total, nom).toBeLessThan(toutes);
      }
      for (const tri of ["DATE_DEPOT", "MONTANT", "STATUT"] as Tri[]) {
        const r = {
          where: filtreVersWhere(f, gestionnaire, tri),
          orderBy: triVersOrderBy(tri, "ASC"),
          take: 100,
          skip: 0,
        };
        const plain = await lirePageListe(app.prisma, { ...r, colonnes: ["numero"] });
        expect(plain, `${nom} ${tri}`).not.toBeNull();
        const attendu = await app.prisma.demande.findMany({ ...r, select: { id: true, numero: true } });
        expect(plain, `${nom} ${tri}`).toStrictEqual(attendu);
      }
    }
    expect(Object.keys(TRIS)).toContain("STATUT");
  });

  it("« prête à décider » is exactly the rule of Décidée: every block with rows validated and locked", async () => {
    const pretes = await app.prisma.demande.findMany({
      where: filtreVersWhere({ preteADecider: true }, gestionnaire),
      include: { coordonneesBancaires: true, blocs: true, beneficiaires: true, administrateurs: true, pieces: true },
    });
    for (const d of pretes) {
      expect(d.statut).not.toBe("DECIDEE");
      if (d.coordonneesBancaires) {
        expect(d.coordonneesBancaires.validation).toBe("VALIDEE");
        expect(d.blocs.some((b) => b.bloc === "COORDONNEES_BANCAIRES" && b.verrouille)).toBe(true);
      }
      for (const l of [...d.beneficiaires, ...d.pieces, ...d.administrateurs.filter((a) => a.demandeCertificatServeur)])
        expect(l.validation).toBe("VALIDEE");
    }
  });

  it("aTraiter answers every count by one statement, each the list's total with its filter", async () => {
    const LISTE = `query($f: FiltreDemandes) { demandes(filtre: $f, first: 1) { totalCount } }`;
    const champs = Object.keys(FILTRES_A_TRAITER);
    app.requetes.length = 0;
    const r: any = await app.gql(`{ aTraiter { ${champs.join(" ")} } }`, {}, app.gestionnaire);
    expect(r.errors).toBeUndefined();
    const comptes = app.requetes.filter((q) => /count\(\*\)/i.test(q));
    expect(comptes).toHaveLength(1);
    // Its parameters are the filters' constants, never a list that grows with the data.
    expect(comptes[0]!.match(/\?|\$\d+/g)?.length ?? 0).toBeLessThan(40);
    for (const [nom, f] of Object.entries(FILTRES_A_TRAITER)) {
      const l: any = await app.gql(LISTE, { f }, app.gestionnaire);
      expect(l.errors, nom).toBeUndefined();
      expect(r.data.aTraiter[nom], nom).toBe(l.data.demandes.totalCount);
    }
    expect(r.data.aTraiter.mesDemandes).toBeGreaterThan(0);
  });

  it("aTraiter is the gestionnaires' only", async () => {
    const a: any = await app.gql(`{ aTraiter { mesDemandes } }`, {}, app.auditeur);
    expect(a.errors?.[0]?.extensions?.code).toBeDefined();
    expect(a.data?.aTraiter ?? null).toBeNull();
  });

  it("the export reads the same filters from its URL", async () => {
    for (const [q, f] of [
      ["lignesRejetees=true", { lignesRejetees: true }],
      ["suiviPar=MOI", { suiviPar: "MOI" }],
      ["courrielEnEchec=false", { courrielEnEchec: false }],
    ] as const) {
      const res = await app.fetch(`http://test/export/demandes.csv?${q}`, { headers: app.gestionnaire.headers });
      expect(res.status, q).toBe(200);
      const lignes = (await res.text()).trim().split("\r\n").length - 1;
      expect(lignes, q).toBe(await app.prisma.demande.count({ where: filtreVersWhere(f, gestionnaire) }));
    }
  });
});
