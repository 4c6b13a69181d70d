import { EVENEMENTS_LABELS, OPERATIONS_ACCES, debutJourParis, normaliserRecherche } from "@segur/shared";
import { LecteurParametres } from "../commun/parametres-url.js";
import { verifierChoixFiltre, verifierTextesFiltre } from "../commun/filtre-valeurs.js";
import type { Prisma } from "@segur/prisma";
import { GraphQLError } from "graphql";

/** Filters of the global journal (events and access traces). */
export interface FiltreJournal {
  /** From this instant (included). */
  depuis?: Date | null;
  /** Until this instant (excluded). */
  jusqua?: Date | null;
  /** Numéro de dossier, or part of it. */
  numero?: string | null;
  /** Part of the author's name. */
  acteur?: string | null;
  /** Event type, or access operation. */
  type?: string | null;
}

function periode(f: FiltreJournal | null | undefined): { gte?: Date; lt?: Date } | undefined {
  if (!f?.depuis && !f?.jusqua) return undefined;
  if (f.depuis && f.jusqua && f.depuis.getTime() >= f.jusqua.getTime())
    throw new GraphQLError("Filtre « jusqua » : la fin de la période précède son début.", {
      extensions: { code: "PERIODE_INVERSEE", argument: "filtre.jusqua", path: ["filtre", "jusqua"] },
    });
  return { ...(f.depuis ? { gte: f.depuis } : {}), ...(f.jusqua ? { lt: f.jusqua } : {}) };
}

export function evenementsWhere(f: FiltreJournal | null | undefined): Prisma.EvenementAuditWhereInput {
  verifierTextesFiltre(f);
  verifierChoixFiltre("type", f?.type, typesJournal("evenements"));
  const and: Prisma.EvenementAuditWhereInput[] = [];
  const creeLe = periode(f);
  if (creeLe) and.push({ creeLe });
  // Part of the numéro: one subquery on Demande's unique numéro index, no list of ids bound.
  const numero = numeroCherche(f);
  if (numero) and.push({ demande: { numero: { contains: numero } } });
  if (f?.acteur?.trim()) and.push({ auteurRecherche: { contains: normaliserRecherche(f.acteur.trim()) } });
  if (f?.type?.trim()) and.push({ type: f.type.trim() });
  return { AND: and };
}

const numeroCherche = (f: FiltreJournal | null | undefined) => f?.numero?.trim().toUpperCase() || null;

/**
 * Confirmed versions (the import, version 1, is the IMPORT event), walked newest first on the primary
 * key a page at a time. A partial index on `numero > 1` would skip the imports, but Prisma's SQLite
 * schema engine cannot describe one through the driver adapter (the migration check fails on it).
 */
export function versionsWhere(f: FiltreJournal | null | undefined): Prisma.VersionWhereInput {
  verifierTextesFiltre(f);
  if (f?.acteur?.trim())
    throw new GraphQLError("Filtre « acteur » : les versions confirmées se filtrent par numéro et par période.", {
      extensions: { code: "FILTRE_NON_APPLICABLE", argument: "filtre.acteur", path: ["filtre", "acteur"] },
    });
  const and: Prisma.VersionWhereInput[] = [{ numero: { gt: 1 } }];
  const creeLe = periode(f);
  if (creeLe) and.push({ creeLe });
  const numero = numeroCherche(f);
  if (numero) and.push({ demande: { numero: { contains: numero } } });
  return { AND: and };
}

export function tracesWhere(f: FiltreJournal | null | undefined): Prisma.TraceAccesWhereInput {
  verifierTextesFiltre(f);
  verifierChoixFiltre("type", f?.type, typesJournal("acces"));
  const and: Prisma.TraceAccesWhereInput[] = [];
  const creeLe = periode(f);
  if (creeLe) and.push({ creeLe });
  // A pièce's target is « numero/fichier.pdf », an export's its filters: part of the numéro finds them.
  const numero = numeroCherche(f);
  if (numero) and.push({ cible: { contains: numero } });
  if (f?.acteur?.trim()) and.push({ acteurRecherche: { contains: normaliserRecherche(f.acteur.trim()) } });
  if (f?.type?.trim()) and.push({ operation: f.type.trim() });
  return { AND: and };
}

export const ONGLETS_JOURNAL = ["evenements", "acces"] as const;
export type OngletJournal = (typeof ONGLETS_JOURNAL)[number];
const PARAMETRES_JOURNAL = ["onglet", "numero", "acteur", "type", "du", "au"] as const;

/** What `type` may be on each tab: an event type, or an access operation. */
export function typesJournal(onglet: OngletJournal): readonly string[] {
  return onglet === "acces" ? OPERATIONS_ACCES : Object.keys(EVENEMENTS_LABELS);
}

/**
 * The SPA's journal URL: the tab (`onglet`: evenements or acces), and as filters `numero`,
 * `acteur`, `type`, and whole days `du` / `au` (yyyy-mm-dd, Paris time, `au` included).
 * Throws ParametreInvalide on an unknown tab, type, parameter or a malformed day.
 */
export function filtreJournalDepuisUrl(p: URLSearchParams): { onglet: OngletJournal; filtre: FiltreJournal } {
  const l = new LecteurParametres(p, PARAMETRES_JOURNAL);
  const onglet = l.choix("onglet", ONGLETS_JOURNAL) ?? "evenements";
  const du = l.jour("du");
  const au = l.jour("au");
  return {
    onglet,
    filtre: {
      numero: l.texte("numero"),
      acteur: l.texte("acteur"),
      type: l.choix("type", typesJournal(onglet)),
      depuis: du ? debutJourParis(du) : null,
      jusqua: au ? debutJourParis(au, 1) : null,
    },
  };
}
