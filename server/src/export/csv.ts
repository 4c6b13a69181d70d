import type { Prisma } from "@segur/prisma";
import { ETATS_PAIEMENT, ETATS_PAIEMENT_LABELS, STATUTS_DEMANDE, STATUTS_DEMANDE_LABELS, TYPES_DEMANDE, type EtatPaiement, type StatutDemande } from "@segur/shared";
import { filtreVersWhere, triVersOrderBy, TRIS, type FiltreDemandes, type Tri } from "../demande/filtre.js";
import { reponseTexte, type RouteArgs } from "../routes.js";
import { tracerAcces } from "../acces/trace.js";
import { LecteurParametres, ParametreInvalide, reponseParametreInvalide } from "../commun/parametres-url.js";
import { jour, montant, reponseTableur, tableur, texte, type Colonne, type FormatTableur } from "./tableur.js";

const SELECTION = {
  numero: true, type: true, numeroEditeur: true, logiciel: true, dateDepot: true, dateCommande: true, statut: true, etatPaiement: true, montantCentimes: true,
} as const;
type DemandeExportee = Prisma.DemandeGetPayload<{ select: typeof SELECTION }>;

/** The list export's columns, for both formats (docs/exports.md). */
export const COLONNES_DEMANDES: readonly Colonne<DemandeExportee>[] = [
  texte("Numéro de dossier", (d) => d.numero, 18),
  texte("Type", (d) => d.type),
  texte("Numéro éditeur", (d) => d.numeroEditeur, 16),
  texte("Logiciel", (d) => d.logiciel, 24),
  jour("Date de dépôt", (d) => d.dateDepot),
  jour("Date de la commande", (d) => d.dateCommande),
  texte("Statut", (d) => STATUTS_DEMANDE_LABELS[d.statut as StatutDemande] ?? d.statut, 20),
  texte("Statut du dernier paiement", (d) => ETATS_PAIEMENT_LABELS[d.etatPaiement as EtatPaiement] ?? d.etatPaiement, 20),
  montant("Montant Ségur déclaré", (d) => d.montantCentimes),
];

const PARAMETRES_DEMANDES = [
  "numero", "type", "statut", "etatPaiement", "logiciel", "numeroEditeur", "deposeeApres", "deposeeAvant", "referenceFournisseur",
  "modifieeDepuis", "tri", "ordre",
] as const;

export interface ParametresExport {
  filtre: FiltreDemandes;
  tri: Tri;
  ordre: "ASC" | "DESC";
}

/**
 * Reads the list's filters, sort and order from query parameters: same names, enums and formats
 * as the GraphQL `demandes(filtre, tri, ordre)`; throws ParametreInvalide otherwise.
 */
export function filtreDepuisUrl(p: URLSearchParams): ParametresExport {
  const l = new LecteurParametres(p, PARAMETRES_DEMANDES);
  const date = (k: string) => {
    const v = l.jour(k);
    return v ? new Date(`${v}T00:00:00.000Z`) : null;
  };
  return {
    filtre: {
      numero: l.texte("numero"), type: l.choix("type", TYPES_DEMANDE), statut: l.choix("statut", STATUTS_DEMANDE),
      etatPaiement: l.choix("etatPaiement", ETATS_PAIEMENT), logiciel: l.texte("logiciel"), numeroEditeur: l.texte("numeroEditeur"),
      deposeeApres: date("deposeeApres"), deposeeAvant: date("deposeeAvant"), referenceFournisseur: l.texte("referenceFournisseur"),
      modifieeDepuis: l.instant("modifieeDepuis"),
    },
    tri: l.choix("tri", Object.keys(TRIS) as Tri[]) ?? "DATE_DEPOT",
    ordre: l.choix("ordre", ["ASC", "DESC"] as const) ?? "DESC",
  };
}

/** The filtered list, in the list's order, as CSV or XLSX (`/export/demandes.csv|xlsx`); the export is traced. */
export async function exporterDemandes({ prisma, url, acteur }: RouteArgs, format: FormatTableur): Promise<Response> {
  const a = await acteur();
  if (!a) return reponseTexte(401, "Authentification requise.");
  const p = url.searchParams;
  let parametres: ParametresExport;
  try {
    parametres = filtreDepuisUrl(p);
  } catch (e) {
    if (e instanceof ParametreInvalide) return reponseParametreInvalide(e);
    throw e;
  }
  const rows = await prisma.demande.findMany({
    where: filtreVersWhere(parametres.filtre, a),
    orderBy: triVersOrderBy(parametres.tri, parametres.ordre),
    select: SELECTION,
  });
  const contenu = await tableur(format, "Demandes", COLONNES_DEMANDES, rows);
  await tracerAcces(prisma, a, format === "csv" ? "EXPORT_CSV" : "EXPORT_XLSX", p.toString() || null);
  return reponseTableur("demandes", format, contenu);
}
