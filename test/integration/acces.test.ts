import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { creerAppTest, importerExemple, type AppTest } from "../../server/test/aide.js";
import { tracerAcces } from "../../server/src/acces/trace.js";

let app: AppTest;
let numero: string;
beforeEach(async () => {
  app = await creerAppTest();
  numero = await importerExemple(app);
});
afterEach(() => app.fermer());

describe("access traces (SPEC §9)", () => {
  it("records who opened a demande's detail, an export or a file, without personal data", async () => {
    const d = await app.gql(
      `query($n: String!) { demande(numero: $n) { pieces { url } } }`,
      { n: numero },
      app.auditeur,
    );
    await app.fetch(`http://test/export/demandes.csv?statut=EN_COURS`, { headers: app.gestionnaire.headers });
    await app.fetch(`http://test${d.data.demande.pieces[0].url}`, { headers: app.gestionnaire.headers });
    const traces = await app.prisma.traceAcces.findMany({ orderBy: { id: "asc" } });
    expect(traces.map((t) => [t.role, t.operation, t.cible])).toEqual([
      ["AUDITEUR", "CONSULTATION", numero],
      ["GESTIONNAIRE", "EXPORT_CSV", "statut=EN_COURS"],
      ["GESTIONNAIRE", "TELECHARGEMENT_PIECE", `${numero}/ms2-dui-va1-va-00001.pdf`],
    ]);
    expect(traces[0]!.acteur).toMatch(/^U:\d+ Aurélien Audit$/);
  });

  it("counts re-reading the same demande within 5 minutes as one consultation", async () => {
    const lire = (as = app.gestionnaire) =>
      app.gql(`query($n: String!) { demande(numero: $n) { numero } }`, { n: numero }, as);
    await lire();
    await lire();
    await lire(app.auditeur);
    expect((await app.prisma.traceAcces.findMany({ orderBy: { id: "asc" } })).map((t) => t.role)).toEqual([
      "GESTIONNAIRE",
      "AUDITEUR",
    ]);
    // Later than the window: a new consultation.
    const plusTard = new Date(Date.now() + 6 * 60_000);
    const gestionnaire = (await app.prisma.traceAcces.findFirstOrThrow({ where: { role: "GESTIONNAIRE" } })).acteur;
    const [cle, ...nom] = gestionnaire.split(" ");
    await tracerAcces(
      app.prisma,
      {
        type: "UTILISATEUR",
        id: Number(cle!.slice(2)),
        cle: cle!,
        nom: nom.join(" "),
        email: "",
        role: "GESTIONNAIRE",
        numeroEditeur: null,
      },
      "CONSULTATION",
      numero,
      plusTard,
    );
    expect(await app.prisma.traceAcces.count({ where: { role: "GESTIONNAIRE" } })).toBe(2);
  });

  it("cannot be changed, nor deleted before 12 months", async () => {
    await app.gql(`query($n: String!) { demande(numero: $n) { numero } }`, { n: numero }, app.gestionnaire);
    // The triggers' RAISE(ABORT) reaches Prisma as a constraint violation.
    await expect(app.prisma.traceAcces.updateMany({ data: { operation: "AUTRE" } })).rejects.toThrow();
    await expect(app.prisma.traceAcces.deleteMany({})).rejects.toThrow();
    expect((await app.prisma.traceAcces.findMany()).map((t) => t.operation)).toEqual(["CONSULTATION"]);
  });
});
