import {
  EVENEMENTS_LABELS,
  OPERATIONS_ACCES_LABELS,
  ROLES_LABELS,
  type OperationAcces,
  type Role,
} from "@segur/shared";
import { nomActeurTrace, tracerAcces } from "../acces/trace.js";
import { instant, reponseTableur, tableur, texte, type Colonne, type FormatTableur } from "../export/tableur.js";
import { reponseTexte, type RouteArgs } from "../http/route.js";
import { evenementsWhere, filtreJournalDepuisUrl, tracesWhere, versionsWhere } from "./filtre.js";
import { GraphQLError } from "graphql";
import { BLOCS, BLOCS_LABELS } from "@segur/shared";
import { ParametreInvalide, reponseParametreInvalide } from "../commun/parametres-url.js";
import { chercherParLots } from "../commun/lots.js";

/** Beyond this, narrow the filters: a journal export is for a control, not a backup. */
export const LIGNES_EXPORT_JOURNAL_MAX = 50_000;

const role = (r: string) => ROLES_LABELS[r as Role] ?? (r === "SYSTEME" ? "Système" : r);

type Trace = { creeLe: Date; acteur: string; role: string; operation: string; cible: string | null };
type Evenement = {
  creeLe: Date;
  type: string;
  auteur: string;
  role: string;
  bloc: string | null;
  cle: string | null;
  motif: string | null;
  details: string;
  demande: { numero: string } | null;
};

/** Columns of the « Accès aux données » tab, for both formats (docs/exports.md). */
export const COLONNES_ACCES: readonly Colonne<Trace>[] = [
  instant("Date", (t) => t.creeLe),
  texte("Personne", (t) => nomActeurTrace(t.acteur), 24),
  texte("Rôle", (t) => role(t.role)),
  texte("Opération", (t) => OPERATIONS_ACCES_LABELS[t.operation as OperationAcces] ?? t.operation, 24),
  texte("Cible", (t) => t.cible, 40),
];

/** Columns of the « Événements » tab, for both formats. */
export const COLONNES_EVENEMENTS: readonly Colonne<Evenement>[] = [
  instant("Date", (e) => e.creeLe),
  texte("Événement", (e) => EVENEMENTS_LABELS[e.type] ?? e.type, 28),
  texte("Demande", (e) => e.demande?.numero, 18),
  texte("Auteur", (e) => e.auteur, 24),
  texte("Rôle", (e) => role(e.role)),
  texte("Bloc", (e) => e.bloc),
  texte("Ligne", (e) => e.cle),
  texte("Motif", (e) => e.motif, 30),
  texte("Détails", (e) => (e.details === "{}" ? "" : e.details), 40),
];

type VersionExportee = {
  creeLe: Date;
  numero: number;
  auteur: string;
  role: string;
  nombreChangements: number;
  numeroDemande: string;
  blocs: readonly string[];
};

/** Columns of the « Versions confirmées » view (events' tab, type VERSION), for both formats. */
export const COLONNES_VERSIONS: readonly Colonne<VersionExportee>[] = [
  instant("Date", (v) => v.creeLe),
  texte("Demande", (v) => v.numeroDemande, 18),
  texte("Version", (v) => String(v.numero)),
  texte("Auteur", (v) => v.auteur, 24),
  texte("Rôle", (v) => role(v.role)),
  texte("Changements", (v) => String(v.nombreChangements)),
  texte("Blocs modifiés", (v) => v.blocs.join(", "), 40),
];

/** « Versions confirmées »: the versions, then their numéros and blocks by bounded slices (no list bound whole). */
async function exporterVersions(
  { prisma }: RouteArgs,
  filtre: Parameters<typeof versionsWhere>[0],
  format: FormatTableur,
): Promise<Response> {
  let where;
  try {
    where = versionsWhere(filtre);
  } catch (e) {
    if (e instanceof GraphQLError) return reponseTexte(400, e.message);
    throw e;
  }
  const nombre = await prisma.version.count({ where });
  if (nombre > LIGNES_EXPORT_JOURNAL_MAX) return refusTaille(nombre);
  const versions = await prisma.version.findMany({
    where,
    orderBy: { id: "desc" },
    select: {
      id: true,
      demandeId: true,
      creeLe: true,
      numero: true,
      auteur: true,
      role: true,
      nombreChangements: true,
    },
  });
  const numeros = new Map(
    (
      await chercherParLots([...new Set(versions.map((v) => v.demandeId))], (lot) =>
        prisma.demande.findMany({ where: { id: { in: lot } }, select: { id: true, numero: true } }),
      )
    ).map((d) => [d.id, d.numero]),
  );
  const blocs = new Map<number, Set<string>>();
  for (const c of await chercherParLots(
    versions.map((v) => v.id),
    (lot) => prisma.changementVersion.groupBy({ by: ["versionId", "bloc"], where: { versionId: { in: lot } } }),
  )) {
    if (!blocs.has(c.versionId)) blocs.set(c.versionId, new Set());
    blocs.get(c.versionId)!.add(c.bloc);
  }
  const lignes = versions.map((v) => ({
    ...v,
    numeroDemande: numeros.get(v.demandeId) ?? "",
    blocs: BLOCS.filter((b) => blocs.get(v.id)?.has(b)).map((b) => BLOCS_LABELS[b]),
  }));
  return reponseTableur("journal-versions", format, tableur(format, "Versions confirmées", COLONNES_VERSIONS, lignes));
}

const refusTaille = (nombre: number) =>
  reponseTexte(
    422,
    `Export refusé : ${nombre.toLocaleString("fr-FR")} lignes pour ces filtres, ${LIGNES_EXPORT_JOURNAL_MAX.toLocaleString("fr-FR")} au plus. Resserrez la période ou les filtres.`,
  );

/**
 * The journal's current tab and filters as CSV or XLSX (`/export/journal.csv|xlsx`, Paris time).
 * Events for gestionnaires and auditeurs; access traces for auditeurs only, and the export
 * itself is traced.
 */
export async function exporterJournal(args: RouteArgs, format: FormatTableur): Promise<Response> {
  const { prisma, url, acteur } = args;
  const a = await acteur();
  if (!a) return reponseTexte(401, "Authentification requise.");
  const p = url.searchParams;
  const refus = () => reponseTexte(403, "Vous n'avez pas les droits pour cet export.");
  if (a.role !== "AUDITEUR" && a.role !== "GESTIONNAIRE") return refus();
  let lu: ReturnType<typeof filtreJournalDepuisUrl>;
  try {
    lu = filtreJournalDepuisUrl(p);
  } catch (e) {
    if (e instanceof ParametreInvalide) return reponseParametreInvalide(e);
    throw e;
  }
  const { filtre } = lu;
  const acces = lu.onglet === "acces";
  if (acces && a.role !== "AUDITEUR") return refus();
  if (!acces && filtre.type === "VERSION") return exporterVersions(args, filtre, format);

  const nombre = acces
    ? await prisma.traceAcces.count({ where: tracesWhere(filtre) })
    : await prisma.evenementAudit.count({ where: evenementsWhere(filtre) });
  if (nombre > LIGNES_EXPORT_JOURNAL_MAX) return refusTaille(nombre);
  let contenu: string | ReadableStream<Uint8Array>;
  if (acces) {
    const traces = await prisma.traceAcces.findMany({ where: tracesWhere(filtre), orderBy: { id: "desc" } });
    contenu = tableur(format, "Accès aux données", COLONNES_ACCES, traces);
  } else {
    const lignes = await prisma.evenementAudit.findMany({
      where: evenementsWhere(filtre),
      orderBy: { id: "desc" },
      select: {
        creeLe: true,
        type: true,
        auteur: true,
        role: true,
        bloc: true,
        cle: true,
        motif: true,
        details: true,
        demandeId: true,
      },
    });
    // Numéros by bounded slices, not a Prisma include (one bound parameter per demande).
    const ids = [...new Set(lignes.flatMap((e) => (e.demandeId === null ? [] : [e.demandeId])))];
    const numeros = new Map(
      (
        await chercherParLots(ids, (lot) =>
          prisma.demande.findMany({ where: { id: { in: lot } }, select: { id: true, numero: true } }),
        )
      ).map((d) => [d.id, d.numero]),
    );
    const evenements = lignes.map(({ demandeId, ...e }) => ({
      ...e,
      demande: demandeId === null ? null : { numero: numeros.get(demandeId) ?? "" },
    }));
    contenu = tableur(format, "Événements", COLONNES_EVENEMENTS, evenements);
  }
  if (acces) await tracerAcces(prisma, a, format === "csv" ? "EXPORT_CSV" : "EXPORT_XLSX", `journal?${p.toString()}`);
  return reponseTableur(`journal-${acces ? "acces" : "evenements"}`, format, contenu);
}
