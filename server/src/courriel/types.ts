import { ETATS_COURRIEL, ETATS_COURRIEL_LABELS } from "@segur/shared";
import { builder } from "../builder.js";
import { enumDepuis, valeurEnum } from "../commun/types.js";

export const EtatCourrielEnum = enumDepuis("EtatCourriel", ETATS_COURRIEL, ETATS_COURRIEL_LABELS);

export const CourrielRef = builder.prismaObject("Courriel", {
  description: "Courriel automatique enregistré sur la demande, puis remis au transport par la boîte d'envoi.",
  fields: (t) => ({
    id: t.exposeInt("id", { description: "Identifiant du courriel (commande courriels:relancer --id)." }),
    destinataire: t.exposeString("destinataire"),
    sujet: t.exposeString("sujet"),
    corps: t.exposeString("corps"),
    transport: t.exposeString("transport"),
    etat: t.field({
      type: EtatCourrielEnum,
      description: "État de remise : en attente (nouveaux essais prévus), envoyé, ou échec après le dernier essai.",
      resolve: (c) => valeurEnum(ETATS_COURRIEL, c.etat),
    }),
    tentatives: t.exposeInt("tentatives", { description: "Essais de remise au transport déjà faits." }),
    derniereErreur: t.string({
      nullable: true,
      description: "Dernière erreur du transport, adresses masquées (gestionnaires et auditeurs).",
      authScopes: { agent: true },
      unauthorizedResolver: () => null,
      resolve: (c) => c.derniereErreur,
    }),
    creeLe: t.expose("creeLe", {
      type: "DateTime",
      description: "Enregistrement du courriel (le changement qui le cause).",
    }),
    prochainEssaiLe: t.expose("prochainEssaiLe", {
      type: "DateTime",
      nullable: true,
      description: "Prochain essai prévu ; null une fois envoyé ou abandonné.",
    }),
    dateEnvoi: t.expose("envoyeLe", {
      type: "DateTime",
      nullable: true,
      description: "Remise au transport ; null tant que le courriel n'est pas envoyé.",
    }),
    envoyeLe: t.field({
      type: "DateTime",
      deprecationReason:
        "Remplacé par dateEnvoi (null tant que le courriel n'est pas envoyé) et creeLe : vaut dateEnvoi, ou creeLe pour un courriel pas encore envoyé.",
      resolve: (c) => c.envoyeLe ?? c.creeLe,
    }),
  }),
});
