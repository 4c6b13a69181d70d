import { builder } from "../builder.js";
import { TYPES_PIECE } from "@segur/shared";
import { TypePieceEnum, valeurEnum } from "../commun/types.js";
import { SELECT_VALIDATION, ValidationLigneRef } from "../commun/validation-ligne.js";

export const PieceJustificativeRef = builder.prismaObject("PieceJustificative", {
  select: {
    id: true,
    cle: true,
    nomFichier: true,
    type: true,
    taille: true,
    typeMime: true,
    deposeLe: true,
    sha256: true,
  },
  fields: (t) => ({
    cle: t.exposeString("cle"),
    nomFichier: t.exposeString("nomFichier"),
    type: t.field({ type: TypePieceEnum, resolve: (p) => valeurEnum(TYPES_PIECE, p.type) }),
    taille: t.exposeInt("taille", { description: "Taille en octets." }),
    typeMime: t.exposeString("typeMime"),
    sha256: t.exposeString("sha256"),
    deposeLe: t.expose("deposeLe", { type: "DateTime" }),
    url: t.string({
      description: "Téléchargement (même authentification que l'API).",
      resolve: (p) => `/pieces/${p.id}`,
    }),
    validation: t.field({ type: ValidationLigneRef, select: SELECT_VALIDATION, resolve: (p) => p }),
  }),
});
