import { z } from "zod";
import { TYPES_PIECE, type TypePiece } from "../enums.js";
import { PIECE_TAILLE_MAX } from "../limites.js";
import { choixRequis, texteRequis } from "../validation/champs.js";

export interface PieceValeurs {
  nomFichier: string;
  type: TypePiece;
}

export const pieceSchema = z.object({
  nomFichier: texteRequis("nomFichier", {
    verifier: (v) =>
      /[\\/]/.test(v)
        ? "nom de fichier sans chemin attendu"
        : /\.pdf$/i.test(v)
          ? null
          : "fichier PDF attendu (nom se terminant par .pdf)",
  }),
  type: choixRequis<TypePiece>("type", {
    lire: (v) => ((TYPES_PIECE as readonly string[]).includes(v) ? (v as TypePiece) : null),
    attendu: "valeur attendue VA ou FACTURE",
  }),
});

const ENTETE_PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** What is wrong with a pièce's content (French, for « Contenu du fichier : … »), or null. */
export function problemeContenuPdf(contenu: Uint8Array): string | null {
  if (contenu.length > PIECE_TAILLE_MAX) return `${PIECE_TAILLE_MAX / (1024 * 1024)} Mio au maximum`;
  if (!ENTETE_PDF.every((octet, i) => contenu[i] === octet))
    return "fichier PDF attendu (le contenu doit commencer par %PDF-)";
  return null;
}
