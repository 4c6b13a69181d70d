import { ETATS_VALIDATION } from "@segur/shared";
import { builder } from "../builder.js";
import { chargerParLot } from "../context.js";
import { ERREURS_COMMUNES, EtatValidationEnum, enumDepuis, valeurEnum } from "../commun/types.js";
import { AdministrateurTechniqueRef } from "../administrateur/types.js";
import { DemandeRef } from "../demande/types.js";
import {
  apercuLot,
  compterATransmettre,
  creerLot,
  lignesModifiees,
  lignesSupprimees,
  MODIFIEE_DEPUIS_TRANSMISSION,
  NATURES_LOT,
  type LigneTransmission,
  type PageLignes,
} from "./service.js";

export const NatureLotEnum = enumDepuis("NatureLotTransmission", NATURES_LOT, {
  ORDINAIRE: "Demandes de certificat jamais transmises",
  CORRECTIF: "Demandes de certificat modifiées depuis leur transmission, renvoyées",
});

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
    nature: t.field({
      type: NatureLotEnum,
      select: { nature: true },
      resolve: (l) => valeurEnum(NATURES_LOT, l.nature) ?? "ORDINAIRE",
    }),
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

const LigneTransmissionRef = builder.objectRef<LigneTransmission>("LigneTransmission").implement({
  description: "Une demande de certificat telle que l'écran Transmissions la liste.",
  fields: (t) => ({
    numeroDossier: t.exposeString("numeroDossier"),
    finessJuridique: t.exposeString("finessJuridique"),
    nomAdminTechnique: t.exposeString("nomAdminTechnique", { nullable: true }),
    validation: t.field({
      type: EtatValidationEnum,
      nullable: true,
      description: "État de validation actuel (absent pour une demande supprimée).",
      resolve: (l) => (l.validation ? valeurEnum(ETATS_VALIDATION, l.validation) : null),
    }),
    lot: t.exposeString("lot", { nullable: true, description: "Lot de sa dernière transmission." }),
    envoyeLe: t.expose("envoyeLe", { type: "DateTime", nullable: true }),
  }),
});

const PageLignesTransmissionRef = builder.objectRef<PageLignes>("PageLignesTransmission").implement({
  description: "Une page (100 lignes au plus) et le nombre total.",
  fields: (t) => ({
    total: t.exposeInt("total"),
    lignes: t.field({ type: [LigneTransmissionRef], resolve: (p) => p.lignes }),
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
    description: "Nombre de demandes de certificat validées, jamais transmises (prochain lot ordinaire).",
    authScopes: { agent: true },
    resolve: (_r, _a, ctx) => compterATransmettre(ctx.prisma),
  }),
  certificatsACorriger: t.int({
    description:
      "Nombre de demandes de certificat modifiées depuis leur transmission et validées à nouveau (prochain lot correctif).",
    authScopes: { agent: true },
    resolve: (_r, _a, ctx) => compterATransmettre(ctx.prisma, "CORRECTIF"),
  }),
  lotTransmissionApercu: t.field({
    type: PageLignesTransmissionRef,
    description:
      "Ce que contiendrait un lot créé maintenant, dans son ordre : la sélection même de lotTransmissionCreer.",
    authScopes: { agent: true },
    args: {
      nature: t.arg({ type: NatureLotEnum, defaultValue: "ORDINAIRE" }),
      premiers: t.arg.int({ defaultValue: 20, description: "Taille de la page (100 au plus)." }),
      decalage: t.arg.int({ defaultValue: 0 }),
    },
    resolve: (_r, a, ctx) =>
      apercuLot(ctx.prisma, a.nature ?? "ORDINAIRE", { premiers: a.premiers ?? 20, decalage: a.decalage ?? 0 }),
  }),
  certificatsModifiesDepuisTransmission: t.field({
    type: PageLignesTransmissionRef,
    description: "Demandes de certificat modifiées depuis leur transmission (validées à nouveau ou non).",
    authScopes: { agent: true },
    args: {
      premiers: t.arg.int({ defaultValue: 20, description: "Taille de la page (100 au plus)." }),
      decalage: t.arg.int({ defaultValue: 0 }),
    },
    resolve: (_r, a, ctx) => lignesModifiees(ctx.prisma, { premiers: a.premiers ?? 20, decalage: a.decalage ?? 0 }),
  }),
  certificatsSupprimesApresTransmission: t.field({
    type: PageLignesTransmissionRef,
    description:
      "Demandes de certificat supprimées après leur transmission : l'agence détient encore leur dernier envoi.",
    authScopes: { agent: true },
    args: {
      premiers: t.arg.int({ defaultValue: 20, description: "Taille de la page (100 au plus)." }),
      decalage: t.arg.int({ defaultValue: 0 }),
    },
    resolve: (_r, a, ctx) => lignesSupprimees(ctx.prisma, { premiers: a.premiers ?? 20, decalage: a.decalage ?? 0 }),
  }),
}));

const LotTransmissionCreerInput = builder.inputType("LotTransmissionCreerInput", {
  fields: (t) => ({
    commentaire: t.string({ description: "Commentaire du lot (500 caractères au plus)." }),
    nature: t.field({
      type: NatureLotEnum,
      defaultValue: "ORDINAIRE",
      description:
        "CORRECTIF : renvoie exactement les demandes modifiées depuis leur transmission et validées à nouveau.",
    }),
  }),
});

builder.mutationField("lotTransmissionCreer", (t) =>
  t.prismaField({
    type: LotTransmissionRef,
    authScopes: { gestionnaire: true },
    description:
      "Crée le lot des demandes de certificat validées que sa nature prend (voir lotTransmissionApercu) ; une version n'est jamais transmise deux fois. Rien à transmettre : erreur LOT_VIDE (ordinaire) ou LOT_CORRECTIF_VIDE (correctif).",
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

/** A request's last sending, as the consultation shows it: « Transmise le … (LOT-…) ». */
interface Envoi {
  lot: string;
  nature: string;
  envoyeLe: Date;
  numeroVersion: number;
}
const EnvoiCertificatRef = builder.objectRef<Envoi>("EnvoiCertificat").implement({
  description: "Dernière transmission d'une demande de certificat à l'agence.",
  fields: (t) => ({
    lot: t.exposeString("lot"),
    nature: t.field({ type: NatureLotEnum, resolve: (e) => valeurEnum(NATURES_LOT, e.nature) ?? "ORDINAIRE" }),
    envoyeLe: t.expose("envoyeLe", { type: "DateTime" }),
    numeroVersion: t.exposeInt("numeroVersion", { description: "Version de la demande transmise." }),
  }),
});

builder.objectFields(AdministrateurTechniqueRef, (t) => ({
  derniereTransmission: t.field({
    type: EnvoiCertificatRef,
    nullable: true,
    description: "Dernière transmission de cette demande de certificat (gestionnaires et auditeurs).",
    authScopes: { agent: true },
    unauthorizedResolver: () => null,
    // Every row of the page by one statement (their last sendings and batches).
    resolve: async (a, _args, ctx) => {
      if (!a.dernierEnvoiId) return null;
      const envoi = await chargerParLot(ctx, "envois", a.dernierEnvoiId, async (ids) => {
        const envois = await ctx.prisma.envoiCertificat.findMany({
          where: { id: { in: ids } },
          select: {
            id: true,
            envoyeLe: true,
            numeroVersion: true,
            lot: { select: { numero: true, nature: true } },
          },
        });
        return new Map(
          envois.map((e) => [
            e.id,
            { lot: e.lot.numero, nature: e.lot.nature, envoyeLe: e.envoyeLe, numeroVersion: e.numeroVersion },
          ]),
        );
      });
      return envoi ?? null;
    },
  }),
  modifieeDepuisTransmission: t.boolean({
    description: "Transmise, puis modifiée par une version confirmée : l'agence détient des données périmées.",
    // Both columns are read with the row (a partial read lacking one answers false, never a false alarm).
    resolve: (a) => typeof a.dernierEnvoiId === "number" && a.lotTransmissionId === null,
  }),
}));

builder.objectFields(DemandeRef, (t) => ({
  certificatsModifiesDepuisTransmission: t.int({
    description: "Nombre de ses demandes de certificat modifiées depuis leur transmission.",
    resolve: async (d, _args, ctx) =>
      (await chargerParLot(ctx, "modifiees", d.id, async (ids) => {
        const groupes = await ctx.prisma.administrateurTechnique.groupBy({
          by: ["demandeId"],
          where: { ...MODIFIEE_DEPUIS_TRANSMISSION, demandeId: { in: ids } },
          _count: { _all: true },
        });
        return new Map(groupes.map((g) => [g.demandeId, g._count._all]));
      })) ?? 0,
  }),
}));
