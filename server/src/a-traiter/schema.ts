import { builder } from "../builder.js";
import { compterATraiter, FILTRES_A_TRAITER, type EntreeATraiter } from "./compteurs.js";

const DESCRIPTIONS: Record<EntreeATraiter, string> = {
  aRevalider: "Modifiées par le fournisseur, lignes à valider de nouveau (filtre aRevalider).",
  lignesRejetees: "Lignes rejetées en attente de correction (filtre lignesRejetees).",
  preteADecider: "Prêtes à être « Décidée » : tous les blocs validés (filtre preteADecider).",
  aTransmettre: "Demandes de certificat validées non transmises (filtre aTransmettre).",
  modifieeDepuisTransmission: "Transmises puis modifiées (filtre modifieeDepuisTransmission).",
  courrielEnEchec: "Courriels en échec (filtre courrielEnEchec).",
  mesDemandes: "Demandes que je suis (filtre suiviPar: MOI).",
};

const ATraiterRef = builder.objectRef<Record<EntreeATraiter, number>>("ATraiter").implement({
  description: "Ce qui attend un gestionnaire : chaque nombre est le total de la liste des demandes avec ce filtre.",
  fields: (t) =>
    Object.fromEntries(
      (Object.keys(FILTRES_A_TRAITER) as EntreeATraiter[]).map((nom) => [
        nom,
        t.exposeInt(nom, { description: DESCRIPTIONS[nom] }),
      ]),
    ),
});

builder.queryField("aTraiter", (t) =>
  t.field({
    type: ATraiterRef,
    authScopes: { gestionnaire: true },
    description: "Les nombres de la page « À traiter » (une seule requête SQL).",
    resolve: (_r, _a, ctx) => compterATraiter(ctx.prisma, ctx.acteur!),
  }),
);
