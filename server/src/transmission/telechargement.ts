import { reponseFichier, TYPES_TABLEUR } from "../export/tableur.js";
import { reponseTexte, type RouteArgs } from "../http/route.js";
import { csvLot, xlsxLot, type LigneLot } from "./service.js";

export type FormatLot = "csv" | "json" | "xlsx";

/**
 * Downloads a transmission batch (gestionnaires and auditeurs): the JSON as stored; CSV and XLSX
 * written from it by the batch's one column definition, so a batch stored before CSV cells were
 * neutralised is downloaded neutralised too.
 */
export async function telechargerLot(
  { prisma, acteur }: RouteArgs,
  numero: string,
  format: FormatLot,
): Promise<Response> {
  const a = await acteur();
  if (!a || (a.role !== "GESTIONNAIRE" && a.role !== "AUDITEUR"))
    return reponseTexte(a ? 403 : 401, "Accès réservé aux agents.");
  const lot = await prisma.lotTransmission.findUnique({ where: { numero }, select: { numero: true, json: true } });
  if (!lot) return reponseTexte(404, "Lot introuvable.");
  const fichier = `${lot.numero}.${format}`;
  if (format === "json") return reponseFichier(fichier, lot.json, "application/json; charset=utf-8");
  const lignes = JSON.parse(lot.json) as LigneLot[];
  return reponseFichier(fichier, format === "csv" ? csvLot(lignes) : xlsxLot(lignes), TYPES_TABLEUR[format]);
}
