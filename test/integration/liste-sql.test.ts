// The list page by one plain statement (server/src/demande/liste-sql.ts) returns exactly what
// Prisma's findMany returns for the same where, order, cursor, take and skip: every filter, every
// sort in both directions, forward and backward cursor pages, for a gestionnaire and a supplier;
// likewise the detail's demande with its row blocks (server/src/demande/detail-sql.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@segur/prisma";
import { creerAppTest, importerExemple, sqlCommun, type AppTest } from "../../server/test/aide.js";
import { semer } from "../../server/src/seed/service.js";
import type { Acteur } from "../../server/src/auth/acteur.js";
import {
  filtreVersWhere,
  TRIS,
  triVersOrderBy,
  type FiltreDemandes,
  type Tri,
} from "../../server/src/demande/filtre.js";
import { compterDemandes, lirePageListe, type RequetePage } from "../../server/src/demande/liste-sql.js";
import { demandeEtLignes } from "../../server/src/demande/detail-sql.js";
import { REQUETES_LIGNES } from "../../server/src/demande/types.js";

let app: AppTest;
let editeur: string;
let filtres: [string, FiltreDemandes][];
beforeAll(async () => {
  app = await creerAppTest();
  await importerExemple(app);
  await semer(app.prisma, app.config, { count: 45 });
  const [e] = await app.prisma.demande.groupBy({
    by: ["numeroEditeur"],
    _count: { id: true },
    orderBy: { _count: { id: "desc" } },
    take: 1,
  });
  editeur = e!.numeroEditeur;
  // Ties on the sort columns, so that the tie-breakers decide; a NULL order date, so that NULLs sort.
  const ids = (await app.prisma.demande.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((d) => d.id);
  await app.prisma.demande.updateMany({
    where: { id: { in: ids.slice(0, 6) } },
    data: { montantCentimes: 123_456n, logiciel: "Même logiciel", dateCommande: null },
  });
  const dates = await app.prisma.demande.findMany({
    select: { dateDepot: true, logiciel: true, numero: true, referenceFournisseur: true },
    orderBy: { dateDepot: "asc" },
  });
  const jour = (d: Date) => new Date(`${d.toISOString().slice(0, 10)}T00:00:00.000Z`);
  const milieu = dates[Math.floor(dates.length / 2)]!;
  const reference = dates.find((d) => d.referenceFournisseur)?.referenceFournisseur ?? "REF";
  filtres = [
    ["aucun", {}],
    ["numéro partiel", { numero: milieu.numero.slice(3, 8).toLowerCase() }],
    ["type", { type: "AVANCE" }],
    ["statut", { statut: "EN_COURS" }],
    ["état de paiement", { etatPaiement: "AUCUN" }],
    ["logiciel", { logiciel: milieu.logiciel.slice(1, 5) }],
    ["éditeur", { numeroEditeur: editeur }],
    ["dates étroites", { deposeeApres: jour(milieu.dateDepot), deposeeAvant: jour(milieu.dateDepot) }],
    ["dates larges", { deposeeApres: jour(dates[2]!.dateDepot), deposeeAvant: jour(dates.at(-3)!.dateDepot) }],
    ["déposée après", { deposeeApres: jour(milieu.dateDepot) }],
    ["référence", { referenceFournisseur: reference }],
    ["modifiée depuis", { modifieeDepuis: new Date(Date.now() - 86_400_000) }],
    [
      "statut + dates + type",
      {
        statut: "EN_COURS",
        type: "AVANCE",
        deposeeApres: jour(dates[0]!.dateDepot),
        deposeeAvant: jour(milieu.dateDepot),
      },
    ],
  ];
});
afterAll(() => app.fermer());

const gestionnaire: Acteur = {
  type: "UTILISATEUR",
  id: 1,
  cle: "U:1",
  nom: "G",
  email: "g@x.fr",
  role: "GESTIONNAIRE",
  numeroEditeur: null,
};
const fournisseur = (): Acteur => ({
  type: "CLE_API",
  id: 1,
  cle: "K:1",
  nom: "F",
  email: null,
  role: "FOURNISSEUR",
  numeroEditeur: editeur,
  lectureSeule: false,
});

/** What Prisma reads for the same page, with the same columns (and certificate rows as the `administrateurs` field reads them). */
function parPrisma(r: RequetePage) {
  const colonnes = ["id", ...(r.colonnes ?? [])];
  const admins =
    r.administrateurs &&
    (r.administrateurs.length
      ? { select: Object.fromEntries(["id", "demandeId", ...r.administrateurs].map((c) => [c, true])) }
      : {});
  const administrateurs = admins && { administrateurs: { ...REQUETES_LIGNES.administrateurs, ...admins } };
  const base = {
    where: r.where,
    orderBy: r.orderBy,
    take: r.take,
    skip: r.skip,
    ...(r.cursor ? { cursor: r.cursor } : {}),
  };
  return r.colonnes
    ? app.prisma.demande.findMany({
        ...base,
        select: { ...Object.fromEntries(colonnes.map((c) => [c, true])), ...(administrateurs ?? {}) },
      })
    : app.prisma.demande.findMany({ ...base, ...(administrateurs ? { include: administrateurs } : {}) });
}

const TAILLE = 9;
const LUES = [
  "numero",
  "type",
  "numeroEditeur",
  "logiciel",
  "dateDepot",
  "dateCommande",
  "statut",
  "etatPaiement",
  "montantCentimes",
  "mandataire",
  "versionCourante",
  "majLe",
];

/** Every page of the list, forward from the start then backward from the last page's first row, compared with Prisma's. */
async function comparerPages(base: Omit<RequetePage, "take" | "skip">, nullable: boolean) {
  let cursor: { id: number } | undefined;
  let pages = 0;
  let vues = 0;
  for (;;) {
    const r = { ...base, take: TAILLE + 1, skip: cursor ? 1 : 0, cursor };
    const plain = await lirePageListe(app.prisma, r);
    // After a cursor on a NULL-able sort column the page is left to Prisma (its own NULL rules).
    if (cursor && nullable) {
      expect(plain).toBeNull();
      return null;
    }
    const attendu = await parPrisma(r);
    expect(plain).toStrictEqual(attendu);
    pages++;
    vues += Math.min(attendu.length, TAILLE);
    if (attendu.length <= TAILLE) break;
    cursor = { id: (attendu[TAILLE - 1] as { id: number }).id };
    // Backward from this cursor (Pothos's `before` / `last`).
    const arriere = { ...base, take: -(TAILLE + 1), skip: 1, cursor };
    expect(await lirePageListe(app.prisma, arriere)).toStrictEqual(nullable ? null : await parPrisma(arriere));
  }
  return { pages, vues };
}

describe("the list page by one plain statement", () => {
  it("returns what Prisma returns for every filter, sort, direction and cursor page, for a gestionnaire and a supplier", async () => {
    let pagesMultiples = 0;
    for (const acteur of [gestionnaire, fournisseur()]) {
      for (const [nom, f] of filtres) {
        const total = await app.prisma.demande.count({ where: filtreVersWhere(f, acteur) });
        expect(await compterDemandes(app.prisma, filtreVersWhere(f, acteur)), nom).toBe(total);
        for (const tri of Object.keys(TRIS) as Tri[]) {
          for (const ordre of ["ASC", "DESC"] as const) {
            const base = {
              where: filtreVersWhere(f, acteur, tri),
              orderBy: triVersOrderBy(tri, ordre),
              colonnes: LUES,
              administrateurs: ["finessJuridique", "numeroCarteCPX", "transmisLe", "contractualisationOG"],
            };
            const r = await comparerPages(base, tri === "DATE_COMMANDE");
            if (r && r.pages > 1) pagesMultiples++;
            if (r && tri !== "DATE_COMMANDE") expect(r.vues, `${nom} ${tri} ${ordre}`).toBe(total);
          }
        }
      }
    }
    expect(pagesMultiples).toBeGreaterThan(100);
  }, 120_000);

  it("reads whole rows (every column of the demande and of its certificate rows) as Prisma does", async () => {
    for (const tri of ["DATE_DEPOT", "MONTANT", "LOGICIEL"] as Tri[]) {
      await comparerPages(
        { where: filtreVersWhere({}, gestionnaire, tri), orderBy: triVersOrderBy(tri, "ASC"), administrateurs: [] },
        false,
      );
      await comparerPages(
        { where: filtreVersWhere({ type: "AVANCE" }, gestionnaire, tri), orderBy: triVersOrderBy(tri, "DESC") },
        false,
      );
    }
  });

  it("gives no row after a cursor that no longer exists, the last rows without a cursor, and an empty page for an actor that sees nothing", async () => {
    const base = {
      where: filtreVersWhere({}, gestionnaire, "DATE_DEPOT"),
      orderBy: triVersOrderBy("DATE_DEPOT", "DESC"),
      colonnes: ["numero"],
    };
    const r = { ...base, take: 8, skip: 1, cursor: { id: 987_654 } };
    expect(await lirePageListe(app.prisma, r)).toStrictEqual(await parPrisma(r));
    // The last rows without a cursor (Pothos's `last` alone): read backwards from the end, given in the asked order.
    const dernieres = { ...base, take: -8, skip: 0 };
    expect(await lirePageListe(app.prisma, dernieres)).toStrictEqual(await parPrisma(dernieres));
    const personne = {
      where: filtreVersWhere({}, null, "DATE_DEPOT"),
      orderBy: base.orderBy,
      colonnes: ["numero"],
      take: 8,
      skip: 0,
    };
    expect(await lirePageListe(app.prisma, personne)).toStrictEqual([]);
  });

  it("serves the list with its total in three statements through GraphQL (session, page with its certificate rows, count), the same page as Prisma's", async () => {
    const LISTE = `query($a: String) { demandes(first: 6, after: $a, tri: LOGICIEL, ordre: ASC, filtre: { type: AVANCE }) { totalCount pageInfo { hasNextPage endCursor }
      edges { node { numero logiciel montant dateDepot administrateurs { finessJuridique nomAdminTechnique } } } } }`;
    let after: string | null = null;
    const vus: string[] = [];
    do {
      const avant = app.requetes.length;
      const r: { data?: any; errors?: unknown } = await app.gql(LISTE, { a: after }, app.gestionnaire);
      expect(r.errors).toBeUndefined();
      const faites = app.requetes.slice(avant).map(sqlCommun);
      expect(faites).toHaveLength(3);
      expect(faites.filter((q) => /FROM "Demande"/.test(q) && /FROM "AdministrateurTechnique"/.test(q))).toHaveLength(
        1,
      );
      vus.push(...r.data.demandes.edges.map((e: any) => e.node.numero));
      after = r.data.demandes.pageInfo.hasNextPage ? r.data.demandes.pageInfo.endCursor : null;
    } while (after);
    const attendus = await app.prisma.demande.findMany({
      where: { type: "AVANCE" },
      orderBy: triVersOrderBy("LOGICIEL", "ASC"),
      select: { numero: true },
    });
    expect(vus).toEqual(attendus.map((d) => d.numero));
  });
});

describe("the detail by one plain statement", () => {
  it("reads a demande with its bénéficiaires, certificate rows and emails exactly as Prisma's findFirst with the same include", async () => {
    const include: Prisma.DemandeInclude = {
      beneficiaires: REQUETES_LIGNES.beneficiaires,
      administrateurs: REQUETES_LIGNES.administrateurs,
      courriels: { orderBy: [{ creeLe: "desc" }, { id: "desc" }] },
    };
    const demandes = await app.prisma.demande.findMany({
      select: { id: true, numero: true, numeroEditeur: true },
      orderBy: { id: "asc" },
    });
    // Emails of every state on one demande (two at the same instant: the id decides), none on the others.
    const cible = demandes[3]!;
    const le = new Date("2025-03-04T05:06:07.089Z");
    for (const [i, etat] of ["EN_ATTENTE", "ENVOYE", "ECHEC"].entries()) {
      await app.prisma.courriel.create({
        data: {
          demandeId: cible.id,
          destinataire: `c${i}@x.fr`,
          sujet: "Sujet é",
          corps: "Corps\n« guillemets »",
          etat,
          tentatives: i,
          creeLe: i ? le : new Date(),
          envoyeLe: i === 1 ? le : null,
          prochainEssaiLe: null,
        },
      });
    }
    let comparees = 0;
    for (const d of demandes) {
      for (const acteur of [gestionnaire, fournisseur()]) {
        const where = {
          numero: d.numero,
          ...(acteur.role === "FOURNISSEUR" ? { numeroEditeur: acteur.numeroEditeur } : {}),
        };
        const attendu = await app.prisma.demande.findFirst({ where, include });
        expect(await demandeEtLignes(app.prisma, where, include), d.numero).toStrictEqual({ trouvee: attendu });
        comparees += attendu ? 1 : 0;
      }
    }
    expect(comparees).toBeGreaterThan(demandes.length);
    expect((await demandeEtLignes(app.prisma, { numero: cible.numero }, include))!.trouvee!.courriels).toHaveLength(3);
    expect(await demandeEtLignes(app.prisma, { numero: "INCONNU" }, include)).toStrictEqual({ trouvee: null });
    // Another include (a nested select, another relation): left to Prisma.
    expect(
      await demandeEtLignes(app.prisma, { numero: cible.numero }, { beneficiaires: { select: { id: true } } }),
    ).toBeNull();
    expect(await demandeEtLignes(app.prisma, { numero: cible.numero }, { versions: true })).toBeNull();
  });
});
