import { builder } from "../builder.js";
import { BLOCS, OPERATIONS_ACCES, OPERATIONS_ACCES_LABELS } from "@segur/shared";
import { nomActeurTrace } from "../acces/trace.js";
import { BlocEnum, enumDepuis, roleConnu, RoleEnum, valeurEnum } from "../commun/types.js";
import { EvenementRef, VersionRef } from "../historique/schema.js";
import { descriptionCible } from "../acces/description.js";
import { evenementsWhere, tracesWhere, versionsWhere } from "./filtre.js";

builder.prismaObjectFields("EvenementAudit", (t) => ({
  numeroDemande: t.string({
    nullable: true,
    description: "Numéro de dossier de la demande concernée (null pour un lot de transmission).",
    select: { demande: { select: { numero: true } } },
    resolve: (e) => e.demande?.numero ?? null,
  }),
}));

const OperationAccesEnum = enumDepuis("OperationAcces", OPERATIONS_ACCES, OPERATIONS_ACCES_LABELS);

const TraceAccesRef = builder.prismaObject("TraceAcces", {
  description: "Trace d'accès aux données personnelles : qui, quand, quelle opération, quelle cible (gardée 12 mois).",
  fields: (t) => ({
    creeLe: t.expose("creeLe", { type: "DateTime" }),
    acteur: t.string({
      description: "Nom de la personne ou de la clé API.",
      resolve: (tr) => nomActeurTrace(tr.acteur),
    }),
    role: t.field({ type: RoleEnum, nullable: true, resolve: (tr) => roleConnu(tr.role) }),
    operation: t.field({ type: OperationAccesEnum, resolve: (tr) => valeurEnum(OPERATIONS_ACCES, tr.operation) }),
    cible: t.exposeString("cible", { nullable: true }),
    description: t.string({
      nullable: true,
      description:
        "La cible en clair : pour un export, ses filtres (« demandes : statut A modifier, déposée depuis le … »).",
      resolve: (tr) => descriptionCible(tr.operation, tr.cible),
    }),
  }),
});

builder.prismaObjectFields("Version", (t) => ({
  numeroDemande: t.string({
    description: "Numéro de dossier de la demande.",
    select: { demande: { select: { numero: true } } },
    resolve: (v) => v.demande.numero,
  }),
  blocs: t.field({
    type: [BlocEnum],
    description: "Blocs que la version a changés (une ligne par bloc, dans l'ordre de la demande).",
    // One query for the page's versions (at most 200), not one per version.
    select: { changements: { select: { bloc: true }, distinct: ["bloc"] } },
    resolve: (v) => BLOCS.filter((b) => v.changements.some((c) => c.bloc === b)),
  }),
}));

const FiltreJournalInput = builder.inputType("FiltreJournal", {
  fields: (t) => ({
    depuis: t.field({ type: "DateTime", description: "À partir de cet instant (inclus)." }),
    jusqua: t.field({ type: "DateTime", description: "Jusqu'à cet instant (exclu)." }),
    numero: t.string({ description: "Numéro de dossier, ou une partie." }),
    acteur: t.string({ description: "Nom de l'auteur (partiel)." }),
    type: t.string({ description: "Type d'événement (IMPORT, STATUT_MODIFIE…) ou opération d'accès (CONSULTATION…)." }),
  }),
});

builder.queryFields((t) => ({
  journalEvenements: t.prismaConnection(
    {
      type: EvenementRef,
      cursor: "id",
      description:
        "Journal d'audit de toutes les demandes et des lots de transmission, le plus récent d'abord (gestionnaires et auditeurs).",
      authScopes: { agent: true },
      maxSize: 200,
      defaultSize: 50,
      args: { filtre: t.arg({ type: FiltreJournalInput }) },
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.evenementAudit.findMany({ ...query, where: evenementsWhere(args.filtre), orderBy: { id: "desc" } }),
      totalCount: (_c, args, ctx) => ctx.prisma.evenementAudit.count({ where: evenementsWhere(args.filtre) }),
    },
    {},
  ),
  journalVersions: t.prismaConnection(
    {
      type: VersionRef,
      cursor: "id",
      description:
        "Versions confirmées de toutes les demandes (la version 1, l'import, n'y est pas), la plus récente d'abord (gestionnaires et auditeurs).",
      authScopes: { agent: true },
      maxSize: 200,
      defaultSize: 50,
      args: { filtre: t.arg({ type: FiltreJournalInput }) },
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.version.findMany({ ...query, where: versionsWhere(args.filtre), orderBy: { id: "desc" } }),
      totalCount: (_c, args, ctx) => ctx.prisma.version.count({ where: versionsWhere(args.filtre) }),
    },
    {},
  ),
  tracesAcces: t.prismaConnection(
    {
      type: TraceAccesRef,
      cursor: "id",
      description: "Traces d'accès aux demandes, exports et pièces, la plus récente d'abord (auditeurs seulement).",
      authScopes: { auditeur: true },
      maxSize: 200,
      defaultSize: 50,
      args: { filtre: t.arg({ type: FiltreJournalInput }) },
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.traceAcces.findMany({ ...query, where: tracesWhere(args.filtre), orderBy: { id: "desc" } }),
      totalCount: (_c, args, ctx) => ctx.prisma.traceAcces.count({ where: tracesWhere(args.filtre) }),
    },
    {},
  ),
}));
