import { builder } from "../builder.js";
import { EtatPaiementEnum, StatutDemandeEnum, TypeDemandeEnum } from "../commun/types.js";
import { perimetreDemandes } from "../auth/acteur.js";
import { DemandeRef } from "./types.js";
import { filtreVersWhere, TRIS, triVersOrderBy, type Tri } from "./filtre.js";
import { tracerAcces } from "../acces/trace.js";
import { demandeDetaillee, pageDemandes } from "./lecture.js";
import { compterDemandes } from "./liste-sql.js";

export const FiltreDemandesInput = builder.inputType("FiltreDemandes", {
  fields: (t) => ({
    numero: t.string({ description: "Numéro de dossier (partiel)." }),
    type: t.field({ type: TypeDemandeEnum }),
    statut: t.field({ type: StatutDemandeEnum }),
    etatPaiement: t.field({ type: EtatPaiementEnum, description: "Statut du dernier paiement." }),
    logiciel: t.string(),
    numeroEditeur: t.string(),
    deposeeApres: t.field({ type: "Date", description: "Déposée le ou après (inclus)." }),
    deposeeAvant: t.field({ type: "Date", description: "Déposée le ou avant (inclus)." }),
    referenceFournisseur: t.string({ description: "Référence fournisseur exacte (donnée à l'import)." }),
    modifieeDepuis: t.field({
      type: "DateTime",
      description: "Modifiée (version, statut, validation) à partir de cet instant : pour synchroniser un portail.",
    }),
    modifieeDepuisTransmission: t.boolean({
      description: "Une demande de certificat au moins modifiée depuis sa transmission à l'agence (ou aucune : false).",
    }),
    suiviPar: t.string({
      description: "Suivie par : MOI, PERSONNE ou l'identifiant d'un gestionnaire (agents de l'agence seulement).",
    }),
    aRevalider: t.boolean({
      description: "Modifiée par le fournisseur (version après l'import) avec une ligne à valider de nouveau.",
    }),
    lignesRejetees: t.boolean({ description: "Une ligne au moins rejetée, en attente de correction." }),
    preteADecider: t.boolean({ description: "Non décidée, tous les blocs ayant des lignes validés et verrouillés." }),
    aTransmettre: t.boolean({ description: "Une demande de certificat validée, jamais transmise." }),
    courrielEnEchec: t.boolean({ description: "Un courriel automatique en échec (abandonné après ses essais)." }),
  }),
});

export const TriDemandesEnum = builder.enumType("TriDemandes", { values: Object.keys(TRIS) as Tri[] });
export const OrdreEnum = builder.enumType("Ordre", { values: ["ASC", "DESC"] as const });

builder.queryFields((t) => ({
  demandes: t.prismaConnection(
    {
      type: DemandeRef,
      cursor: "id",
      description: "Demandes visibles par l'acteur (un fournisseur ne voit que les siennes), filtrées et triées.",
      authScopes: { connecte: true },
      maxSize: 200,
      defaultSize: 20,
      args: {
        filtre: t.arg({ type: FiltreDemandesInput }),
        tri: t.arg({ type: TriDemandesEnum, defaultValue: "DATE_DEPOT" }),
        ordre: t.arg({ type: OrdreEnum, defaultValue: "DESC" }),
      },
      resolve: (query, _r, args, ctx, info) =>
        pageDemandes(
          ctx.prisma,
          query,
          {
            where: filtreVersWhere(args.filtre, ctx.acteur, args.tri ?? "DATE_DEPOT"),
            orderBy: triVersOrderBy(args.tri ?? "DATE_DEPOT", args.ordre ?? "DESC"),
          },
          info,
        ),
      totalCount: async (_conn, args, ctx) => {
        const where = filtreVersWhere(args.filtre, ctx.acteur);
        return (await compterDemandes(ctx.prisma, where)) ?? ctx.prisma.demande.count({ where });
      },
    },
    {},
  ),
  demande: t.prismaField({
    type: DemandeRef,
    nullable: true,
    description: "Une demande par son numéro de dossier ; null si elle n'existe pas ou n'est pas visible.",
    authScopes: { connecte: true },
    args: { numero: t.arg.string({ required: true }) },
    resolve: async (query, _r, { numero }, ctx) => {
      const d = await demandeDetaillee(ctx.prisma, query, { numero, ...perimetreDemandes(ctx.acteur) });
      if (d) await tracerAcces(ctx.prisma, ctx.acteur, "CONSULTATION", numero);
      return d;
    },
  }),
}));
