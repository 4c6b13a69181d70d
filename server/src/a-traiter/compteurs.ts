import { dialecte, type Db } from "@segur/prisma";
import type { Acteur } from "../auth/acteur.js";
import { clause } from "../commun/where-sql.js";
import { filtreVersWhere, type FiltreDemandes } from "../demande/filtre.js";

/** Each work-queue entry is a filter of the list: its count is the list's total with that filter. */
export const FILTRES_A_TRAITER = {
  aRevalider: { aRevalider: true },
  lignesRejetees: { lignesRejetees: true },
  preteADecider: { preteADecider: true },
  aTransmettre: { aTransmettre: true },
  modifieeDepuisTransmission: { modifieeDepuisTransmission: true },
  courrielEnEchec: { courrielEnEchec: true },
  mesDemandes: { suiviPar: "MOI" },
} as const satisfies Record<string, FiltreDemandes>;
export type EntreeATraiter = keyof typeof FILTRES_A_TRAITER;

/** Every entry's count by one statement (one scalar subquery per entry); its parameters are the filters' few constants. */
export async function compterATraiter(prisma: Db, acteur: Acteur): Promise<Record<EntreeATraiter, number>> {
  const d = dialecte(prisma);
  const p: unknown[] = [];
  const entrees = Object.entries(FILTRES_A_TRAITER) as [EntreeATraiter, FiltreDemandes][];
  const colonnes = entrees.map(
    ([nom, f]) => `(SELECT count(*) FROM "Demande" WHERE ${clause(d, filtreVersWhere(f, acteur), p)}) AS "${nom}"`,
  );
  const [r] = await prisma.$queryRawUnsafe<Record<string, number | bigint>[]>(`SELECT ${colonnes.join(", ")}`, ...p);
  return Object.fromEntries(entrees.map(([nom]) => [nom, Number(r![nom])])) as Record<EntreeATraiter, number>;
}
