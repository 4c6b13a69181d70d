// The import's bulk writer (server/src/commun/insertion-en-masse.ts) on the suite's database
// (SQLite, or PostgreSQL in integration-pg): values read back exactly as Prisma wrote them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creerAppTest, type AppTest } from "../../server/test/aide.js";
import {
  insererEnMasse,
  insererEtRelire,
  insererOuMettreAJourParJson,
  LIGNES_PAR_JSON,
} from "../../server/src/commun/insertion-en-masse.js";

let app: AppTest;
beforeAll(async () => {
  app = await creerAppTest();
});
afterAll(() => app.fermer());

const demande = (i: number) => ({
  numero: `FINMS1${String(i).padStart(6, "0")}M0`,
  type: "AVANCE",
  couloir: "MS1",
  numeroEditeur: "00002",
  logiciel: `Logiciel « ${i} » 'quote' "double" ; é`,
  // Milliseconds, a late UTC hour (another day in a zone east of UTC), and null.
  dateDepot: new Date(Date.UTC(2025, 11, 31, 23, 59, 58, 123 + (i % 7))),
  dateCommande: i % 2 ? null : new Date(Date.UTC(2024, 1, 29, 0, 0, 0, 1)),
  // Beyond 2^53: a JSON number would lose its last digits.
  montantCentimes: 2n ** 62n + BigInt(i),
  mandataire: i % 3 === 0,
  majLe: new Date(Date.UTC(2026, 0, 1)),
});

const SELECT = {
  numero: true,
  logiciel: true,
  dateDepot: true,
  dateCommande: true,
  montantCentimes: true,
  mandataire: true,
  majLe: true,
} as const;

describe("bulk inserts", () => {
  it("round-trips dates (UTC, milliseconds), booleans, 64-bit integers and text exactly, over several JSON slices", async () => {
    const lignes = Array.from({ length: LIGNES_PAR_JSON + 7 }, (_, i) => demande(i + 1));
    const ids = await app.prisma.$transaction((tx) => insererEtRelire<{ id: number }>(tx, "Demande", lignes, `"id"`));
    expect(ids).toHaveLength(lignes.length);
    const lues = await app.prisma.demande.findMany({
      where: { numero: { startsWith: "FINMS1" } },
      orderBy: { numero: "asc" },
      select: SELECT,
    });
    expect(lues).toEqual(lignes.map(({ type: _t, couloir: _c, numeroEditeur: _n, ...l }) => l));
  });

  it("rows holding bytes go in one JSON statement (hex digits), exactly; an upsert changes only the other columns", async () => {
    const { id } = await app.prisma.demande.create({
      data: { ...demande(900_001), majLe: undefined },
      select: { id: true },
    });
    const contenu = Buffer.from([0, 1, 2, 255, 254]);
    const piece = {
      demandeId: id,
      cle: "p1",
      nomFichier: "a.pdf",
      type: "AUTRE",
      typeMime: "application/pdf",
      taille: 5,
      sha256: "0".repeat(64),
      contenu,
      deposeLe: new Date(Date.UTC(2025, 5, 1, 12, 0, 0, 5)),
    };
    // A view into a larger buffer (only its own bytes), an empty content, all 256 byte values.
    const vue = new Uint8Array(Buffer.from([7, 9, 8]).buffer, 1, 1);
    const tous = Uint8Array.from({ length: 256 }, (_, i) => i);
    const avant = app.requetes.length;
    await app.prisma.$transaction((tx) =>
      insererEnMasse(tx, "PieceJustificative", [
        piece,
        { ...piece, cle: "p2", contenu: vue },
        { ...piece, cle: "p3", contenu: new Uint8Array(0) },
        { ...piece, cle: "p4", contenu: tous },
      ]),
    );
    expect(app.requetes.slice(avant).filter((q) => q.includes("PieceJustificative"))).toHaveLength(1);
    const pieces = await app.prisma.pieceJustificative.findMany({
      where: { demandeId: id },
      orderBy: { cle: "asc" },
      select: { cle: true, contenu: true, deposeLe: true },
    });
    expect(pieces.map((p) => [p.cle, [...p.contenu], p.deposeLe.toISOString()])).toEqual([
      ["p1", [0, 1, 2, 255, 254], "2025-06-01T12:00:00.005Z"],
      ["p2", [Buffer.from(vue)[0]], "2025-06-01T12:00:00.005Z"],
      ["p3", [], "2025-06-01T12:00:00.005Z"],
      ["p4", [...tous], "2025-06-01T12:00:00.005Z"],
    ]);

    await app.prisma.$transaction((tx) =>
      insererOuMettreAJourParJson(
        tx,
        "EtatBloc",
        [
          { demandeId: id, bloc: "PIECES", verrouille: true, modifiePar: "a" },
          { demandeId: id, bloc: "BENEFICIAIRES", verrouille: false, modifiePar: null },
        ],
        ["demandeId", "bloc"],
      ),
    );
    await app.prisma.$transaction((tx) =>
      insererOuMettreAJourParJson(
        tx,
        "EtatBloc",
        [{ demandeId: id, bloc: "PIECES", verrouille: false, modifiePar: "b" }],
        ["demandeId", "bloc"],
      ),
    );
    const etats = await app.prisma.etatBloc.findMany({
      where: { demandeId: id },
      orderBy: { bloc: "asc" },
      select: { bloc: true, verrouille: true, modifiePar: true },
    });
    expect(etats).toEqual([
      { bloc: "BENEFICIAIRES", verrouille: false, modifiePar: null },
      { bloc: "PIECES", verrouille: false, modifiePar: "b" },
    ]);
  });
});
