import { dateIsoValide, debutJourParis } from "@segur/shared";
import type { Prisma } from "@segur/prisma";

/** Filters of the global journal (events and access traces). */
export interface FiltreJournal {
  /** From this instant (included). */
  depuis?: Date | null;
  /** Until this instant (excluded). */
  jusqua?: Date | null;
  /** Exact numéro de dossier. */
  numero?: string | null;
  /** Part of the author's name. */
  acteur?: string | null;
  /** Event type, or access operation. */
  type?: string | null;
}

function periode(f: FiltreJournal | null | undefined): { gte?: Date; lt?: Date } | undefined {
  if (!f?.depuis && !f?.jusqua) return undefined;
  return { ...(f.depuis ? { gte: f.depuis } : {}), ...(f.jusqua ? { lt: f.jusqua } : {}) };
}

export function evenementsWhere(f: FiltreJournal | null | undefined): Prisma.EvenementAuditWhereInput {
  const and: Prisma.EvenementAuditWhereInput[] = [];
  const creeLe = periode(f);
  if (creeLe) and.push({ creeLe });
  if (f?.numero?.trim()) and.push({ demande: { numero: f.numero.trim().toUpperCase() } });
  if (f?.acteur?.trim()) and.push({ auteur: { contains: f.acteur.trim() } });
  if (f?.type?.trim()) and.push({ type: f.type.trim() });
  return { AND: and };
}

export function tracesWhere(f: FiltreJournal | null | undefined): Prisma.TraceAccesWhereInput {
  const and: Prisma.TraceAccesWhereInput[] = [];
  const creeLe = periode(f);
  if (creeLe) and.push({ creeLe });
  // A pièce's target is « numero/fichier.pdf »: the numéro filter finds it too.
  if (f?.numero?.trim()) {
    const n = f.numero.trim().toUpperCase();
    and.push({ OR: [{ cible: n }, { cible: { startsWith: `${n}/` } }] });
  }
  if (f?.acteur?.trim()) and.push({ acteur: { contains: f.acteur.trim() } });
  if (f?.type?.trim()) and.push({ operation: f.type.trim() });
  return { AND: and };
}

/**
 * The SPA's journal URL as filters: `numero`, `acteur`, `type`, and whole days `du` / `au`
 * (yyyy-mm-dd, Paris time, `au` included).
 */
export function filtreJournalDepuisUrl(p: URLSearchParams): FiltreJournal {
  const jour = (k: string) => {
    const v = p.get(k);
    return v && dateIsoValide(v) ? v : null;
  };
  const du = jour("du");
  const au = jour("au");
  return {
    numero: p.get("numero"), acteur: p.get("acteur"), type: p.get("type"),
    depuis: du ? debutJourParis(du) : null,
    jusqua: au ? debutJourParis(au, 1) : null,
  };
}
