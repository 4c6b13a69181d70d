import { STATUTS_ADMIN_TECHNIQUE, UTILITES_CERTIFICAT, avertissementsAdministrateur } from "@segur/shared";
import { builder } from "../builder.js";
import { chargerParLot, type Context } from "../context.js";
import { ProblemeRef, StatutAdminTechniqueEnum, UtiliteCertificatEnum, valeurEnum } from "../commun/types.js";
import { SELECT_VALIDATION, ValidationLigneRef } from "../commun/validation-ligne.js";
import { contextesCertificats, type ContexteCertificats } from "./doublons.js";

/** The rows' demande context, one statement for every row of the request (detail or page). */
async function contexte(ctx: Context, demandeId: number): Promise<ContexteCertificats> {
  return (await chargerParLot(ctx, "certificats", demandeId, (ids) => contextesCertificats(ctx.prisma, ids)))!;
}

export const AdministrateurTechniqueRef = builder.prismaObject("AdministrateurTechnique", {
  description: "Demande de certificat serveur (IGC Santé) pour un FINESS juridique, avec son administrateur technique.",
  fields: (t) => ({
    finessJuridique: t.exposeString("finessJuridique"),
    demandeCertificatServeur: t.exposeBoolean("demandeCertificatServeur"),
    contractualisationOG: t.exposeBoolean("contractualisationOG", { nullable: true }),
    statutAdminTechnique: t.field({
      type: StatutAdminTechniqueEnum,
      nullable: true,
      resolve: (a) => valeurEnum(STATUTS_ADMIN_TECHNIQUE, a.statutAdminTechnique),
    }),
    contractualisationEditeur: t.exposeBoolean("contractualisationEditeur", { nullable: true }),
    numeroCarteCPX: t.exposeString("numeroCarteCPX", { nullable: true }),
    nomAdminTechnique: t.exposeString("nomAdminTechnique", { nullable: true }),
    telAdminTechnique: t.exposeString("telAdminTechnique", { nullable: true }),
    emailAdminTechnique: t.exposeString("emailAdminTechnique", { nullable: true }),
    utiliteCertificat: t.field({
      type: UtiliteCertificatEnum,
      nullable: true,
      resolve: (a) => valeurEnum(UTILITES_CERTIFICAT, a.utiliteCertificat),
    }),
    validation: t.field({ type: ValidationLigneRef, select: SELECT_VALIDATION, resolve: (a) => a }),
    transmisLe: t.expose("transmisLe", { type: "DateTime", nullable: true }),
    lotTransmission: t.string({
      nullable: true,
      authScopes: { agent: true },
      unauthorizedResolver: () => null,
      select: { lotTransmission: { select: { numero: true } } },
      resolve: (a) => a.lotTransmission?.numero ?? null,
    }),
    avertissements: t.field({
      type: [ProblemeRef],
      description: "Avertissements non bloquants : clé FINESS, FINESS inconnu des bénéficiaires, téléphone.",
      resolve: async (a, _args, ctx) =>
        avertissementsAdministrateur(a, {
          finessBeneficiaires: (await contexte(ctx, a.demandeId)).finessBeneficiaires,
        }),
    }),
    doublonsPossibles: t.stringList({
      description:
        "Numéros des autres demandes ayant une demande de certificat active pour ce FINESS juridique (gestionnaires seulement).",
      authScopes: { agent: true },
      unauthorizedResolver: () => [],
      resolve: async (a, _args, ctx) => (await contexte(ctx, a.demandeId)).doublons.get(a.finessJuridique) ?? [],
    }),
  }),
});
