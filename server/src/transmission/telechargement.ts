import { reponseTexte, type RouteArgs } from "../routes.js";

/** Downloads a transmission batch (gestionnaires and auditeurs). */
export async function telechargerLot({ prisma, acteur }: RouteArgs, numero: string, format: "csv" | "json"): Promise<Response> {
  const a = await acteur();
  if (!a || (a.role !== "GESTIONNAIRE" && a.role !== "AUDITEUR")) return reponseTexte(a ? 403 : 401, "Accès réservé aux agents.");
  const lot = await prisma.lotTransmission.findUnique({ where: { numero } });
  if (!lot) return reponseTexte(404, "Lot introuvable.");
  return new Response(format === "csv" ? lot.csv : lot.json, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${lot.numero}.${format}"`,
      "cache-control": "private, no-store",
    },
  });
}
