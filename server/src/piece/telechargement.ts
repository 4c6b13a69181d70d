import { perimetreDemandes } from "../auth/acteur.js";
import { reponseTexte, type RouteArgs } from "../http/route.js";
import { tracerAcces } from "../acces/trace.js";

/** Streams a pièce justificative to whoever may see its demande; 404 otherwise (no leak). */
export async function telechargerPiece({ prisma, acteur }: RouteArgs, id: number): Promise<Response> {
  const a = await acteur();
  if (!a) return reponseTexte(401, "Authentification requise.");
  const piece = await prisma.pieceJustificative.findFirst({
    where: { id, demande: perimetreDemandes(a) },
    include: { demande: { select: { numero: true } } },
  });
  if (!piece) return reponseTexte(404, "Pièce introuvable.");
  await tracerAcces(prisma, a, "TELECHARGEMENT_PIECE", `${piece.demande.numero}/${piece.nomFichier}`);
  return new Response(new Uint8Array(piece.contenu), {
    headers: {
      "content-type": piece.typeMime,
      "content-length": String(piece.taille),
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(piece.nomFichier)}`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
