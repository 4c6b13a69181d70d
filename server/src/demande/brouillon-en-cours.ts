import { BLOCS } from "@segur/shared";
import { builder } from "../builder.js";
import { BlocEnum, valeurEnum } from "../commun/types.js";

/*
 * The consultation tells the current user that their own draft on this demande is not confirmed yet
 * (issue 12, defect 5): how many operations, on which rows, so a gestionnaire is warned before
 * validating a row their draft is about to change. One indexed read of (demandeId, acteur), only
 * when asked; the draft's content stays with the modification screen (`Query.brouillon`).
 */

interface LigneTouchee {
  bloc: string;
  cle: string;
  nature: string;
}
interface BrouillonEnCours {
  creeLe: Date;
  versionBase: number;
  lignes: LigneTouchee[];
}

const LigneToucheeRef = builder.objectRef<LigneTouchee>("LigneBrouillonEnCours").implement({
  description: "Une ligne que le brouillon ajoute, modifie ou supprime.",
  fields: (t) => ({
    bloc: t.field({ type: BlocEnum, resolve: (l) => valeurEnum(BLOCS, l.bloc) }),
    cle: t.exposeString("cle", { description: "Clé de la ligne (FINESS juridique pour un administrateur)." }),
    nature: t.exposeString("nature", { description: "AJOUT, MODIFICATION ou SUPPRESSION." }),
  }),
});

const BrouillonEnCoursRef = builder.objectRef<BrouillonEnCours>("BrouillonEnCours").implement({
  description: "Le brouillon non confirmé de l'utilisateur courant sur cette demande.",
  fields: (t) => ({
    nombreModifications: t.int({ resolve: (b) => b.lignes.length }),
    creeLe: t.expose("creeLe", { type: "DateTime" }),
    versionBase: t.exposeInt("versionBase", { description: "Version sur laquelle le brouillon a été commencé." }),
    lignes: t.field({ type: [LigneToucheeRef], resolve: (b) => b.lignes }),
    blocs: t.field({
      type: [BlocEnum],
      description: "Blocs touchés, dans l'ordre de la demande.",
      resolve: (b) => BLOCS.filter((bloc) => b.lignes.some((l) => l.bloc === bloc)),
    }),
  }),
});

builder.prismaObjectFields("Demande", (t) => ({
  monBrouillon: t.field({
    type: BrouillonEnCoursRef,
    nullable: true,
    description: "Mon brouillon non vide sur cette demande (null s'il n'y en a pas ou s'il est vide).",
    resolve: async (d, _a, ctx) => {
      if (!ctx.acteur) return null;
      const b = await ctx.prisma.brouillon.findUnique({
        where: { demandeId_acteur: { demandeId: d.id, acteur: ctx.acteur.cle } },
        select: { creeLe: true, versionBase: true, operations: { select: { bloc: true, cle: true, nature: true } } },
      });
      return b && b.operations.length > 0
        ? { creeLe: b.creeLe, versionBase: b.versionBase, lignes: b.operations }
        : null;
    },
  }),
}));
