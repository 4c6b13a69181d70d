import type { ATraiterQuery, FiltreDemandes } from "~/gql/graphql";

/*
 * The work queue (« À traiter »): each entry is a filter of the demandes list, its count the
 * list's total with it (Query.aTraiter), its link the list with that filter in the URL.
 */
export type EntreeATraiter = Exclude<keyof ATraiterQuery["aTraiter"], "__typename">;

export interface DefinitionEntree {
  entree: EntreeATraiter;
  titre: string;
  description: string;
  /** The list's URL query (lib/demandes.ts reads it). */
  query: Record<string, string>;
  /** The same filter as GraphQL variables, for the first rows. */
  filtre: FiltreDemandes;
}

export const ENTREES_A_TRAITER: readonly DefinitionEntree[] = [
  {
    entree: "mesDemandes",
    titre: "Mes demandes",
    description: "Les demandes que je suis.",
    query: { suiviPar: "MOI" },
    filtre: { suiviPar: "MOI" },
  },
  {
    entree: "aRevalider",
    titre: "Modifiées par le fournisseur",
    description: "Le fournisseur a confirmé des modifications : des lignes sont à valider de nouveau.",
    query: { aRevalider: "true" },
    filtre: { aRevalider: true },
  },
  {
    entree: "lignesRejetees",
    titre: "Lignes rejetées",
    description: "Des lignes rejetées attendent la correction du fournisseur.",
    query: { lignesRejetees: "true" },
    filtre: { lignesRejetees: true },
  },
  {
    entree: "preteADecider",
    titre: "Prêtes à décider",
    description: "Tous les blocs sont validés : la demande peut passer au statut « Décidée ».",
    query: { preteADecider: "true" },
    filtre: { preteADecider: true },
  },
  {
    entree: "aTransmettre",
    titre: "Certificats à transmettre",
    description: "Des demandes de certificat validées n’ont pas encore été transmises.",
    query: { aTransmettre: "true" },
    filtre: { aTransmettre: true },
  },
  {
    entree: "modifieeDepuisTransmission",
    titre: "Modifiées depuis la transmission",
    description: "Des certificats transmis ont été modifiés depuis : l’agence détient des données périmées.",
    query: { modifieeDepuisTransmission: "true" },
    filtre: { modifieeDepuisTransmission: true },
  },
  {
    entree: "courrielEnEchec",
    titre: "Courriels en échec",
    description: "Des courriels automatiques n’ont pas pu être envoyés.",
    query: { courrielEnEchec: "true" },
    filtre: { courrielEnEchec: true },
  },
];

/** The link to the filtered list: « Voir la liste », « Voir la demande », « Voir les 12 demandes ». */
export const libelleLien = (n: number) =>
  n === 0 ? "Voir la liste" : n === 1 ? "Voir la demande" : `Voir les ${n.toLocaleString("fr-FR")} demandes`;
