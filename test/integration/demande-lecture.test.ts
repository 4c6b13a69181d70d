// The list page's certificate rows and the detail's small blocks are read by plain statements
// (server/src/demande/lecture.ts): same answers as Prisma's include, fewer and cheaper statements.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creerAppTest, importerExemple, sqlCommun, type AppTest } from "../../server/test/aide.js";
import { semer } from "../../server/src/seed/service.js";
import { administrateursDes, petitsBlocs } from "../../server/src/demande/lignes.js";
import { REQUETES_LIGNES } from "../../server/src/demande/types.js";

let app: AppTest;
let numero: string;
beforeAll(async () => {
  app = await creerAppTest();
  numero = await importerExemple(app);
  await semer(app.prisma, app.config, { count: 45 });
});
afterAll(() => app.fermer());

const table = (q: string) => /(?:FROM|INTO) "(\w+)"/.exec(sqlCommun(q))?.[1] ?? q.trim().slice(0, 40);

/** The bench's detail query (bench/scenarios.ts DETAIL): every block, no status message. */
const DETAIL = `query($n: String!) { demande(numero: $n) { numero statut blocCertificatVisible avertissements { code }
  droits { modifier } blocs { bloc verrouille nombreLignes nombreValidees }
  coordonneesBancaires { iban bic validation { etat par le } }
  beneficiaires { cle nomResponsable validation { etat } avertissements { code } }
  administrateurs { finessJuridique numeroCarteCPX validation { etat } avertissements { code } doublonsPossibles }
  pieces { cle nomFichier url } courriels { id sujet } } }`;

describe("hot reads by plain statements", () => {
  it("reads a page's certificate rows exactly as Prisma's include does (values, types, order)", async () => {
    const page = await app.prisma.demande.findMany({
      take: 48,
      orderBy: { id: "asc" },
      include: { administrateurs: REQUETES_LIGNES.administrateurs },
    });
    const lues = await administrateursDes(
      app.prisma,
      page.map((d) => d.id),
    );
    expect(page.some((d) => d.administrateurs.length > 1)).toBe(true);
    for (const d of page) expect(lues.get(d.id)).toEqual(d.administrateurs);
    const colonnes = ["finessJuridique", "numeroCarteCPX", "transmisLe", "contractualisationOG"];
    const partielles = await administrateursDes(
      app.prisma,
      page.map((d) => d.id),
      colonnes,
    );
    for (const d of page) {
      expect(partielles.get(d.id)).toEqual(
        d.administrateurs.map((a) =>
          Object.fromEntries(["id", "demandeId", ...colonnes].map((c) => [c, a[c as keyof typeof a]])),
        ),
      );
    }
  });

  it("reads a demande's bank details, block states and pièces exactly as Prisma's include does", async () => {
    const PIECES = {
      orderBy: REQUETES_LIGNES.pieces.orderBy,
      select: {
        id: true,
        cle: true,
        nomFichier: true,
        taille: true,
        deposeLe: true,
        valideeLe: true,
        validation: true,
      },
    } as const;
    const lire = () =>
      app.prisma.demande.findFirst({
        where: { numero },
        include: { blocs: { orderBy: { id: "asc" } }, coordonneesBancaires: true, pieces: PIECES },
      });
    const d = (await lire())!;
    expect(d.coordonneesBancaires).not.toBeNull();
    // Two block states and a second pièce, so that the join has several rows on each side.
    await app.prisma.etatBloc.create({
      data: { demandeId: d.id, bloc: "PIECES", verrouille: true, modifiePar: "test" },
    });
    await app.prisma.etatBloc.create({ data: { demandeId: d.id, bloc: "BENEFICIAIRES", verrouille: false } });
    await app.prisma.pieceJustificative.create({
      data: {
        demandeId: d.id,
        cle: "autre",
        nomFichier: "autre.pdf",
        type: "AUTRE",
        taille: 3,
        typeMime: "application/pdf",
        sha256: "0".repeat(64),
        contenu: Buffer.from("pdf"),
      },
    });
    const attendu = (await lire())!;
    expect(attendu.pieces.length).toBeGreaterThan(1);
    expect(await petitsBlocs(app.prisma, d.id, Object.keys(PIECES.select))).toEqual({
      coordonneesBancaires: attendu.coordonneesBancaires,
      blocs: attendu.blocs,
      pieces: attendu.pieces,
    });
    const sans = await app.prisma.demande.findFirst({
      where: { coordonneesBancaires: null, blocs: { none: {} }, pieces: { none: {} } },
    });
    if (sans)
      expect(await petitsBlocs(app.prisma, sans.id, ["id"])).toEqual({
        coordonneesBancaires: null,
        blocs: [],
        pieces: [],
      });
  });

  it("lists a page with its certificate rows in two statements: session, then the page with its certificate rows", async () => {
    const LISTE = `{ demandes(first: 40, tri: DATE_DEPOT) { edges { node { numero administrateurs { finessJuridique numeroCarteCPX nomAdminTechnique } } } } }`;
    const avant = app.requetes.length;
    const r = await app.gql(LISTE, {}, app.gestionnaire);
    expect(r.errors).toBeUndefined();
    expect(r.data.demandes.edges.some((e: any) => e.node.administrateurs.length > 0)).toBe(true);
    const faites = app.requetes.slice(avant);
    expect(faites.map(table)).toEqual(["Session", "AdministrateurTechnique"]);
    expect(sqlCommun(faites[1]!)).toMatch(/FROM "Demande"/);
    // Only the shown columns are read (not the demande's warnings, nor the rows' contacts).
    expect(faites[1]).not.toMatch(/avertissements/);
    expect(faites[1]).not.toMatch(/emailAdminTechnique/);
  });

  it("answers the same page whether it reads only the shown columns or whole rows", async () => {
    const champs = `numero type statut etatPaiement logiciel numeroEditeur dateDepot dateCommande montant montantFormate versionCourante majLe`;
    const admin = `finessJuridique numeroCarteCPX nomAdminTechnique telAdminTechnique transmisLe`;
    const page = (
      extraNoeud: string,
      extraAdmin: string,
    ) => `query($a: String) { demandes(first: 9, after: $a, tri: MONTANT, filtre: { type: AVANCE }) {
      pageInfo { hasNextPage endCursor } edges { cursor node { ${champs} ${extraNoeud} administrateurs { ${admin} ${extraAdmin} } } } } }`;
    let after: string | null = null;
    for (let i = 0; i < 3; i++) {
      const partielle: { data?: any; errors?: unknown } = await app.gql(page("", ""), { a: after }, app.gestionnaire);
      const entiere = await app.gql(
        page("avertissements { code }", "validation { etat }"),
        { a: after },
        app.gestionnaire,
      );
      expect(partielle.errors).toBeUndefined();
      const sansExtra = (r: any) => ({
        ...r.data.demandes,
        edges: r.data.demandes.edges.map((e: any) => ({
          ...e,
          node: {
            ...e.node,
            avertissements: undefined,
            administrateurs: e.node.administrateurs.map((a: any) => ({ ...a, validation: undefined })),
          },
        })),
      });
      expect(sansExtra(partielle)).toEqual(sansExtra(entiere));
      after = partielle.data.demandes.pageInfo.endCursor;
    }
  });

  it("answers one demande with every block in at most 5 statements, the consultation trace included", async () => {
    const f = await app.fournisseur("00001");
    for (const qui of [app.gestionnaire, f]) {
      const compter = async () => {
        const avant = app.requetes.length;
        const r = await app.gql(DETAIL, { n: numero }, qui);
        expect(r.errors).toBeUndefined();
        expect(r.data.demande.numero).toBe(numero);
        return app.requetes.slice(avant).map(table);
      };
      const premiere = await compter(); // writes the trace
      const seconde = await compter(); // within 5 minutes: no new trace, still one statement
      // Session, the demande with its bénéficiaires, certificate rows and emails, the small blocks, the trace, the certificate checks.
      expect(premiere.length, premiere.join(", ")).toBeLessThanOrEqual(5);
      // The same statements (on PostgreSQL the pool runs the blocks' reads at once: any order).
      expect([...seconde].sort()).toEqual([...premiere].sort());
    }
  });

  it("still writes one consultation trace per actor and demande within 5 minutes", async () => {
    const compter = () =>
      app.prisma.traceAcces.count({ where: { operation: "CONSULTATION", cible: numero, role: "AUDITEUR" } });
    const avant = await compter();
    await app.gql(DETAIL, { n: numero }, app.auditeur);
    await app.gql(DETAIL, { n: numero }, app.auditeur);
    expect(await compter()).toBe(avant + 1);
  });
});
