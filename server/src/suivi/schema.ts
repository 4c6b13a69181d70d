import { builder } from "../builder.js";
import { charger } from "../commun/chargeur.js";
import { ERREURS_COMMUNES } from "../commun/types.js";
import { DemandeRef } from "../demande/types.js";
import { demandeParId } from "../validation/service.js";
import { assignerDemande, listerGestionnaires } from "./service.js";

interface Gestionnaire {
  id: number;
  nom: string;
  email: string;
}

const GestionnaireRef = builder.objectRef<Gestionnaire>("Gestionnaire").implement({
  description: "Un gestionnaire de l'agence (suivi des demandes).",
  fields: (t) => ({
    id: t.exposeInt("id"),
    nom: t.exposeString("nom"),
    email: t.exposeString("email"),
  }),
});

builder.prismaObjectFields("Demande", (t) => ({
  suiviPar: t.field({
    type: GestionnaireRef,
    nullable: true,
    description:
      "Gestionnaire qui suit la demande (null si personne). Toujours null pour un fournisseur : il ne voit pas les agents de l'agence.",
    resolve: (d, _a, ctx) =>
      ctx.acteur?.type !== "UTILISATEUR" || d.suiviParId === null
        ? null
        : // One read for the page's followers (per request, in bounded slices).
          charger(ctx, "suiviPar", d.suiviParId, async (ids) =>
            (
              await ctx.prisma.utilisateur.findMany({
                where: { id: { in: ids } },
                select: { id: true, nom: true, email: true },
              })
            ).map((u): [number, Gestionnaire] => [u.id, u]),
          ).then((u) => u ?? null),
  }),
}));

builder.queryField("gestionnaires", (t) =>
  t.field({
    type: [GestionnaireRef],
    authScopes: { agent: true },
    description: "Gestionnaires actifs, par nom (choix « Assigner… », filtre « Suivi par »).",
    resolve: (_r, _a, ctx) => listerGestionnaires(ctx.prisma),
  }),
);

const DemandeAssignerInput = builder.inputType("DemandeAssignerInput", {
  fields: (t) => ({
    numero: t.string({ required: true, description: "Numéro de dossier." }),
    gestionnaire: t.string({
      description: "Courriel ou identifiant du gestionnaire qui suivra la demande ; null ou absent : plus personne.",
    }),
  }),
});

builder.mutationField("demandeAssigner", (t) =>
  t.prismaField({
    authScopes: { gestionnaire: true },
    description:
      "Fait suivre une demande par un gestionnaire (soi-même : « Suivre », un collègue : « Assigner… ») ou la libère (gestionnaire null). Chaque changement est un événement du journal.",
    type: DemandeRef,
    errors: { types: [...ERREURS_COMMUNES], dataField: { name: "demande" } },
    args: { input: t.arg({ type: DemandeAssignerInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => demandeParId(ctx.prisma, query, await assignerDemande(ctx, input)),
  }),
);
