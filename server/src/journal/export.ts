import { EVENEMENTS_LABELS, OPERATIONS_ACCES_LABELS, ROLES_LABELS, formatDateHeureParis, type OperationAcces, type Role } from "@segur/shared";
import { nomActeurTrace, tracerAcces } from "../acces/trace.js";
import { csvTableur, reponseCsv } from "../export/tableur.js";
import { reponseTexte, type RouteArgs } from "../routes.js";
import { evenementsWhere, filtreJournalDepuisUrl, tracesWhere } from "./filtre.js";

/** Beyond this, narrow the filters: a journal export is for a control, not a backup. */
export const LIGNES_EXPORT_JOURNAL_MAX = 50_000;

const role = (r: string) => ROLES_LABELS[r as Role] ?? (r === "SYSTEME" ? "Système" : r);

/**
 * The journal's current tab and filters as CSV for a French spreadsheet (UTF-8 with BOM, `;`,
 * Paris time). Events for gestionnaires and auditeurs; access traces for auditeurs only, and
 * the export itself is traced.
 */
export async function exporterJournalCsv({ prisma, url, acteur }: RouteArgs): Promise<Response> {
  const a = await acteur();
  if (!a) return reponseTexte(401, "Authentification requise.");
  const p = url.searchParams;
  const acces = p.get("onglet") === "acces";
  if (a.role !== "AUDITEUR" && (acces || a.role !== "GESTIONNAIRE")) return reponseTexte(403, "Vous n'avez pas les droits pour cet export.");
  const filtre = filtreJournalDepuisUrl(p);

  let entetes: string[];
  let lignes: string[][];
  const nombre = acces ? await prisma.traceAcces.count({ where: tracesWhere(filtre) }) : await prisma.evenementAudit.count({ where: evenementsWhere(filtre) });
  if (nombre > LIGNES_EXPORT_JOURNAL_MAX) {
    return reponseTexte(422, `Export refusé : ${nombre.toLocaleString("fr-FR")} lignes pour ces filtres, ${LIGNES_EXPORT_JOURNAL_MAX.toLocaleString("fr-FR")} au plus. Resserrez la période ou les filtres.`);
  }
  if (acces) {
    const traces = await prisma.traceAcces.findMany({ where: tracesWhere(filtre), orderBy: { id: "desc" } });
    entetes = ["Date", "Personne", "Rôle", "Opération", "Cible"];
    lignes = traces.map((t) => [
      formatDateHeureParis(t.creeLe), nomActeurTrace(t.acteur), role(t.role),
      OPERATIONS_ACCES_LABELS[t.operation as OperationAcces] ?? t.operation, t.cible ?? "",
    ]);
  } else {
    const evenements = await prisma.evenementAudit.findMany({
      where: evenementsWhere(filtre), orderBy: { id: "desc" },
      select: { creeLe: true, type: true, auteur: true, role: true, bloc: true, cle: true, motif: true, details: true, demande: { select: { numero: true } } },
    });
    entetes = ["Date", "Événement", "Demande", "Auteur", "Rôle", "Bloc", "Ligne", "Motif", "Détails"];
    lignes = evenements.map((e) => [
      formatDateHeureParis(e.creeLe), EVENEMENTS_LABELS[e.type] ?? e.type, e.demande?.numero ?? "", e.auteur, role(e.role),
      e.bloc ?? "", e.cle ?? "", e.motif ?? "", e.details === "{}" ? "" : e.details,
    ]);
  }
  const csv = csvTableur(entetes, lignes);
  if (acces) await tracerAcces(prisma, a, "EXPORT_CSV", `journal?${p.toString()}`);
  return reponseCsv(`journal-${acces ? "acces" : "evenements"}`, csv);
}
