import { ETATS_PAIEMENT_LABELS, STATUTS_DEMANDE_LABELS, formatDate, montantCsv, type EtatPaiement, type StatutDemande } from "@segur/shared";
import { filtreVersWhere, triVersOrderBy, TRIS, type FiltreDemandes, type Tri } from "../demande/filtre.js";
import { reponseTexte, type RouteArgs } from "../routes.js";
import { tracerAcces } from "../acces/trace.js";
import { csvTableur, reponseCsv } from "./tableur.js";

export const COLONNES_EXPORT = [
  "Numéro de dossier", "Type", "Numéro éditeur", "Logiciel", "Date de dépôt", "Date de la commande", "Statut",
  "Statut du dernier paiement", "Montant Ségur déclaré",
];

/** Reads the list's filters from query parameters (same names as the GraphQL FiltreDemandes). */
export function filtreDepuisUrl(p: URLSearchParams): FiltreDemandes {
  const date = (k: string) => {
    const v = p.get(k);
    return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00.000Z`) : null;
  };
  return {
    numero: p.get("numero"), type: p.get("type"), statut: p.get("statut"), etatPaiement: p.get("etatPaiement"),
    logiciel: p.get("logiciel"), numeroEditeur: p.get("numeroEditeur"), deposeeApres: date("deposeeApres"), deposeeAvant: date("deposeeAvant"),
  };
}

/** CSV of the filtered list for a French spreadsheet: UTF-8 with BOM, `;`, dd/mm/yyyy, 2920.00. */
export async function exporterDemandesCsv({ prisma, url, acteur }: RouteArgs): Promise<Response> {
  const a = await acteur();
  if (!a) return reponseTexte(401, "Authentification requise.");
  const p = url.searchParams;
  const tri = (p.get("tri") ?? "DATE_DEPOT") as Tri;
  const rows = await prisma.demande.findMany({
    where: filtreVersWhere(filtreDepuisUrl(p), a),
    orderBy: triVersOrderBy(tri in TRIS ? tri : "DATE_DEPOT", p.get("ordre") === "ASC" ? "ASC" : "DESC"),
    select: { numero: true, type: true, numeroEditeur: true, logiciel: true, dateDepot: true, dateCommande: true, statut: true, etatPaiement: true, montantCentimes: true },
  });
  const csv = csvTableur(
    COLONNES_EXPORT,
    rows.map((d) => [
      d.numero, d.type, d.numeroEditeur, d.logiciel, formatDate(d.dateDepot), d.dateCommande ? formatDate(d.dateCommande) : "",
      STATUTS_DEMANDE_LABELS[d.statut as StatutDemande] ?? d.statut, ETATS_PAIEMENT_LABELS[d.etatPaiement as EtatPaiement] ?? d.etatPaiement,
      montantCsv(d.montantCentimes),
    ]),
  );
  await tracerAcces(prisma, a, "EXPORT_CSV", p.toString() || null);
  return reponseCsv("demandes", csv);
}
