import { builder } from "../builder.js";
import { ERREURS_COMMUNES, StatutDemandeEnum } from "../commun/types.js";
import { DemandeRef } from "../demande/types.js";
import { demandeParId } from "../validation/service.js";
import { changerStatut } from "./service.js";

const DemandeChangerStatutInput = builder.inputType("DemandeChangerStatutInput", {
  fields: (t) => ({
    numero: t.string({ required: true, description: "Numéro de dossier." }),
    statut: t.field({ type: StatutDemandeEnum, required: true, description: "Nouveau statut." }),
    message: t.string({
      description:
        "Message au fournisseur (2000 caractères au plus) : obligatoire pour « A modifier » et « En attente de pièce jointe complémentaire », repris dans le courriel.",
    }),
  }),
});

builder.mutationField("demandeChangerStatut", (t) =>
  t.prismaField({
    authScopes: { gestionnaire: true },
    description:
      "Change le statut d'une demande (gestionnaires). « Décidée » exige que tous les blocs soient validés ; « A modifier », « En attente de pièce jointe complémentaire » et « Décidée » envoient un courriel au contact de la demande.",
    type: DemandeRef,
    errors: { types: [...ERREURS_COMMUNES], dataField: { name: "demande" } },
    args: { input: t.arg({ type: DemandeChangerStatutInput, required: true }) },
    // The gestionnaire scope guarantees an actor.
    resolve: async (query, _r, { input }, ctx) =>
      demandeParId(ctx.prisma, query, await changerStatut(ctx.prisma, ctx.acteur!, ctx, input)),
  }),
);
