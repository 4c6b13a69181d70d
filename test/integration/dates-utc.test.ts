// Dates are stored and compared in UTC on both databases (issue 10): an instant just before
// midnight UTC, already the next day in Paris. The list's deposit-date filter is in UTC days
// (dateDepot is shown by its UTC day, shared/src/format.ts formatDate), the journal's in Paris
// days (debutJourParis); both give the same rows on SQLite and PostgreSQL, and the raw SQL
// comparisons (trace de-duplication, retention trigger) agree with Prisma's.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { exempleDocumentImport } from "@segur/shared";
import { messageBase as messageBaseDb } from "@segur/prisma";
import { importerDocument } from "../../server/src/import/service.js";
import { AUTEUR_SYSTEME, enregistrerEvenement } from "../../server/src/historique/service.js";
import { FENETRE_CONSULTATION_MS, purgerTraces, tracerAcces } from "../../server/src/acces/trace.js";
import { creerAppTest, type AppTest } from "../../server/test/aide.js";

let app: AppTest;
let numero: string;
/** 23:30 UTC on 10 March = 00:30 on 11 March in Paris (UTC+1). */
const AVANT_MINUIT_UTC = new Date("2026-03-10T23:30:00.123Z");

beforeEach(async () => {
  app = await creerAppTest();
  const { demandes } = await importerDocument(app.prisma, app.config, exempleDocumentImport(), {
    auteur: AUTEUR_SYSTEME,
    dateDepot: AVANT_MINUIT_UTC,
  });
  numero = demandes[0]!.numero;
});
afterEach(async () => {
  vi.useRealTimers();
  await app.fermer();
});

const LISTE = `query($f: FiltreDemandes) { demandes(filtre: $f) { totalCount edges { node { numero dateDepot } } } }`;
const compter = async (f: Record<string, unknown>) =>
  (await app.gql(LISTE, { f }, app.gestionnaire)).data.demandes.totalCount as number;

describe("dates in UTC on both databases", () => {
  it("the deposit instant round-trips to the millisecond; the list's date filter counts in UTC days", async () => {
    const d = await app.prisma.demande.findUniqueOrThrow({ where: { numero } });
    expect(d.dateDepot.toISOString()).toBe(AVANT_MINUIT_UTC.toISOString());
    expect((await app.gql(LISTE, { f: {} }, app.gestionnaire)).data.demandes.edges[0].node.dateDepot).toBe(
      AVANT_MINUIT_UTC.toISOString(),
    );
    expect(await compter({ deposeeApres: "2026-03-10", deposeeAvant: "2026-03-10" })).toBe(1);
    expect(await compter({ deposeeAvant: "2026-03-09" })).toBe(0);
    expect(await compter({ deposeeApres: "2026-03-11" })).toBe(0);
    // The whole of the last day, to its last millisecond.
    await app.prisma.demande.updateMany({
      where: { numero },
      data: { dateDepot: new Date("2026-03-10T23:59:59.999Z") },
    });
    expect(await compter({ deposeeAvant: "2026-03-10" })).toBe(1);
    expect(await compter({ deposeeApres: "2026-03-11" })).toBe(0);
  });

  it("the journal's days are Paris days: an event at 23:30 UTC belongs to the next day", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: AVANT_MINUIT_UTC });
    await app.prisma.$transaction(async (tx) => {
      const { id } = await tx.demande.findUniqueOrThrow({ where: { numero } });
      await enregistrerEvenement(tx, {
        demandeId: id,
        type: "LIGNE_VALIDEE",
        auteur: AUTEUR_SYSTEME,
        bloc: "ADMINISTRATEURS",
        cle: "minuit",
      });
    });
    vi.useRealTimers();
    const journal = async (du: string, au: string) =>
      (
        await (
          await app.fetch(`http://test/export/journal.csv?du=${du}&au=${au}&type=LIGNE_VALIDEE`, {
            headers: app.auditeur.headers,
          })
        ).text()
      ).includes("minuit");
    expect(await journal("2026-03-11", "2026-03-11")).toBe(true);
    expect(await journal("2026-03-10", "2026-03-10")).toBe(false);
    const EVENEMENTS = `query($f: FiltreJournal) { journalEvenements(filtre: $f) { totalCount } }`;
    const n = async (depuis: string, jusqua: string) =>
      (await app.gql(EVENEMENTS, { f: { depuis, jusqua, type: "LIGNE_VALIDEE" } }, app.auditeur)).data.journalEvenements
        .totalCount;
    expect(await n("2026-03-10T23:30:00.123Z", "2026-03-10T23:30:00.124Z")).toBe(1);
    expect(await n("2026-03-10T23:30:00.124Z", "2026-03-11T23:00:00.000Z")).toBe(0);
  });

  it("session expiry compares instants: a second past its end refused, a minute before accepted", async () => {
    // Signed out, `moi` is null.
    const passe = async () => (await app.gql(`{ moi { __typename } }`, {}, app.gestionnaire)).data?.moi != null;
    expect(await passe()).toBe(true);
    await app.prisma.session.updateMany({ data: { expireLe: new Date(Date.now() - 1_000) } });
    expect(await passe()).toBe(false);
    await app.prisma.session.updateMany({ data: { expireLe: new Date(Date.now() + 60_000) } });
    expect(await passe()).toBe(true);
  });

  it("the raw SQL comparisons agree with the stored UTC instants: trace de-duplication and the 12-month retention", async () => {
    const acteur = {
      type: "UTILISATEUR",
      id: 1,
      cle: "U:1",
      nom: "Gaëlle Gestion",
      email: "",
      role: "GESTIONNAIRE",
      numeroEditeur: null,
    } as const;
    await tracerAcces(app.prisma, acteur, "CONSULTATION", numero, AVANT_MINUIT_UTC);
    // One millisecond inside the window: the same consultation; one past it: a new one.
    await tracerAcces(
      app.prisma,
      acteur,
      "CONSULTATION",
      numero,
      new Date(AVANT_MINUIT_UTC.getTime() + FENETRE_CONSULTATION_MS),
    );
    expect(await app.prisma.traceAcces.count()).toBe(1);
    await tracerAcces(
      app.prisma,
      acteur,
      "CONSULTATION",
      numero,
      new Date(AVANT_MINUIT_UTC.getTime() + FENETRE_CONSULTATION_MS + 1),
    );
    expect(await app.prisma.traceAcces.count()).toBe(2);
    // Retention (the database's trigger, "now" in UTC): 12 months and a minute old goes; 12 months less a minute stays.
    const ilYa = (minutes: number) => {
      const d = new Date();
      d.setUTCMonth(d.getUTCMonth() - 12);
      return new Date(d.getTime() + minutes * 60_000);
    };
    await app.prisma.traceAcces.create({
      data: {
        acteur: "U:1 Gaëlle Gestion",
        role: "GESTIONNAIRE",
        operation: "EXPORT_CSV",
        cible: "vieille",
        creeLe: ilYa(-1),
      },
    });
    const jeune = await app.prisma.traceAcces.create({
      data: {
        acteur: "U:1 Gaëlle Gestion",
        role: "GESTIONNAIRE",
        operation: "EXPORT_CSV",
        cible: "jeune",
        creeLe: ilYa(+60),
      },
    });
    expect(await purgerTraces(app.prisma)).toBe(1);
    expect(await app.prisma.traceAcces.findFirst({ where: { cible: "vieille" } })).toBeNull();
    const refus = await app.prisma.traceAcces.deleteMany({ where: { id: jeune.id } }).then(() => null, messageBaseDb);
    expect(refus).toBe("trace d'accès : conservation de 12 mois");
  });
});
