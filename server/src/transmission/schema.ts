import { builder } from "../builder.js";
import { ERREURS_COMMUNES } from "../commun/types.js";
import { compterATransmettre, creerLot } from "./service.js";

export const LotTransmissionRef = builder.prismaObject("LotTransmission", {
  description: "Lot de demandes de certificat serveur transmis à l'agence (fichiers CSV, JSON et XLSX).",
  // The CSV and JSON contents are only loaded by the download route.
  select: { id: true },
  fields: (t) => ({
    numero: t.exposeString("numero", { description: "Ex. LOT-20261125-001 (numérotation par jour)." }),
    creeLe: t.expose("creeLe", { type: "DateTime" }),
    auteur: t.exposeString("auteur"),
    commentaire: t.string({ nullable: true, select: { commentaire: true }, resolve: (l) => l.commentaire }),
    nombre: t.exposeInt("nombre", { description: "Nombre de demandes de certificat du lot." }),
    urlCsv: t.string({
      select: { numero: true },
      description: "Téléchargement CSV (UTF-8 avec BOM, séparateur « ; »).",
      resolve: (l) => `/lots/${l.numero}.csv`,
    }),
    urlJson: t.string({
      select: { numero: true },
      description: "Téléchargement JSON.",
      resolve: (l) => `/lots/${l.numero}.json`,
    }),
    urlXlsx: t.string({
      select: { numero: true },
      description: "Téléchargement XLSX pour un tableur : identifiants en texte (zéros en tête conservés).",
      resolve: (l) => `/lots/${l.numero}.xlsx`,
    }),
  }),
});

builder.queryFields((t) => ({
  lotsTransmission: t.prismaConnection(
    {
      type: LotTransmissionRef,
      cursor: "id",
      description: "Lots de transmission des certificats, le plus récent d'abord (gestionnaires et auditeurs).",
      authScopes: { agent: true },
      maxSize: 100,
      defaultSize: 20,
      resolve: (query, _r, _a, ctx) => ctx.prisma.lotTransmission.findMany({ ...query, orderBy: { id: "desc" } }),
      totalCount: (_c, _a, ctx) => ctx.prisma.lotTransmission.count(),
    },
    {},
  ),
  certificatsATransmettre: t.int({
    description: "Nombre de demandes de certificat validées, pas encore transmises.",
    authScopes: { agent: true },
    resolve: (_r, _a, ctx) => compterATransmettre(ctx.prisma),
  }),
}));

const LotTransmissionCreerInput = builder.inputType("LotTransmissionCreerInput", {
  fields: (t) => ({
    commentaire: t.string({ description: "Commentaire du lot (500 caractères au plus)." }),
  }),
});

builder.mutationField("lotTransmissionCreer", (t) =>
  t.prismaField({
    type: LotTransmissionRef,
    authScopes: { gestionnaire: true },
    description:
      "Crée le lot des demandes de certificat validées et pas encore transmises (chacune n'est transmise qu'une fois). Rien à transmettre : erreur LOT_VIDE.",
    errors: { types: [...ERREURS_COMMUNES], dataField: { name: "lot" } },
    args: { input: t.arg({ type: LotTransmissionCreerInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const lot = await creerLot(ctx, input);
      // When the client selects no field of the lot, Pothos plans an empty select, which Prisma refuses.
      const select = "select" in query ? { id: true, ...query.select } : undefined;
      return ctx.prisma.lotTransmission.findUniqueOrThrow({
        ...query,
        ...(select ? { select } : {}),
        where: { id: lot.id },
      });
    },
  }),
);
