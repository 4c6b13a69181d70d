// Shared by the proving suites (test/preuves/): seeds, figures, table counts.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "@segur/prisma";

/** Fixed by default so CI is reproducible; PREUVES_SEED replays a failure printed by a suite. */
export const GRAINE = Number(process.env.PREUVES_SEED ?? 20261201);

/** Cases per property run: CI size by default, more with PREUVES_CAS. */
export const nombreDeCas = (defaut: number) => Number(process.env.PREUVES_CAS ?? defaut);

const FICHIER_FIGURES = fileURLToPath(new URL("../.artifacts/preuves.json", import.meta.url));

/**
 * Prints a recognisable figure line and merges it into test/.artifacts/preuves.json, which
 * docs/security.md quotes. The suites run one after another (one fork), so read-modify-write is safe.
 */
export function publierFigure(suite: string, ligne: string, details: Record<string, unknown>) {
  console.log(`[preuve] ${suite}: ${ligne}`);
  fs.mkdirSync(path.dirname(FICHIER_FIGURES), { recursive: true });
  let figures: Record<string, unknown> = {};
  try {
    figures = JSON.parse(fs.readFileSync(FICHIER_FIGURES, "utf8")) as Record<string, unknown>;
  } catch {
    // first suite of the run
  }
  figures[suite] = { ligne, ...details, graine: GRAINE, le: new Date().toISOString() };
  fs.writeFileSync(FICHIER_FIGURES, `${JSON.stringify(figures, null, 2)}\n`);
}

/** Row count of every table (read from sqlite_master), in one statement: a refusal must leave all of them unchanged. */
export async function compterTables(prisma: Db): Promise<Record<string, number>> {
  const tables = await prisma.$queryRawUnsafe<{ name: string }[]>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%' ORDER BY name",
  );
  const q = (n: string) => `"${n.replace(/"/g, '""')}"`;
  const [ligne] = await prisma.$queryRawUnsafe<Record<string, bigint | number>[]>(
    `SELECT ${tables.map(({ name }) => `(SELECT COUNT(*) FROM ${q(name)}) AS ${q(name)}`).join(", ")}`,
  );
  return Object.fromEntries(Object.entries(ligne!).map(([k, v]) => [k, Number(v)]));
}

/**
 * The same, once background work is idle: the outbox delivers statut emails after the commit
 * (and records an audit event), which is not a write of the request being checked.
 */
export async function compterAuRepos(app: { prisma: Db; boiteEnvoi?: { inactive: () => Promise<void> } }) {
  await app.boiteEnvoi?.inactive();
  return compterTables(app.prisma);
}

/** Tables whose count changed between two snapshots ({} when none did). */
export function tablesChangees(
  avant: Record<string, number>,
  apres: Record<string, number>,
): Record<string, [number, number]> {
  const diff: Record<string, [number, number]> = {};
  for (const t of new Set([...Object.keys(avant), ...Object.keys(apres)])) {
    if (avant[t] !== apres[t]) diff[t] = [avant[t] ?? 0, apres[t] ?? 0];
  }
  return diff;
}

/** Error codes that mean "you may not": never data. */
export const CODES_REFUS = new Set(["NON_AUTORISE", "UNAUTHENTICATED", "LECTURE_SEULE"]);

/** A response that reveals a server bug (masked error) rather than a business answer. */
export function erreurInterne(statut: number, texte: string): boolean {
  return statut >= 500 || texte.includes("INTERNAL_SERVER_ERROR") || texte.includes("Unexpected error.");
}

const RACINE = fileURLToPath(new URL("../..", import.meta.url));

/** A loopback port free right now (the real server is then started on it). */
export async function portLibre(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

/** The real server (`server/src/main.ts`) as a child process on `dbUrl`, its output kept for failure messages. */
export function lancerServeur(
  dbUrl: string,
  port: number,
  env: Record<string, string> = {},
): { processus: ChildProcess; sortie: () => string } {
  const processus = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    cwd: RACINE,
    env: { ...process.env, DATABASE_URL: dbUrl, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let sortie = "";
  processus.stdout!.on("data", (b) => (sortie += b));
  processus.stderr!.on("data", (b) => (sortie += b));
  return { processus, sortie: () => sortie };
}
