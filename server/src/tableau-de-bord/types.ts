import { builder } from "../builder.js";
import { StatutDemandeEnum } from "../commun/types.js";
import type { TableauDeBord, Tranche } from "./service.js";

type ParStatut = TableauDeBord["parStatut"][number];
type ParCouloir = TableauDeBord["parCouloir"][number];
type Certificats = TableauDeBord["certificats"];

const StatutRef = builder.objectRef<ParStatut>("TableauDeBordStatut").implement({
  description: "Demandes d'un statut : nombre et somme des montants déclarés.",
  fields: (t) => ({
    statut: t.field({ type: StatutDemandeEnum, resolve: (s) => s.statut }),
    nombre: t.exposeInt("nombre"),
    montant: t.field({
      type: "Montant",
      description: "Somme des montants déclarés.",
      resolve: (s) => s.montantCentimes,
    }),
  }),
});

const CouloirRef = builder.objectRef<ParCouloir>("TableauDeBordCouloir").implement({
  description: "Demandes d'un couloir.",
  fields: (t) => ({ couloir: t.exposeString("couloir"), nombre: t.exposeInt("nombre") }),
});

const TrancheRef = builder.objectRef<Tranche>("TrancheAnciennete").implement({
  description: "Tranche d'ancienneté en jours entiers (joursMax absent pour la dernière).",
  fields: (t) => ({
    libelle: t.exposeString("libelle"),
    joursMin: t.exposeInt("joursMin"),
    joursMax: t.exposeInt("joursMax", { nullable: true }),
    nombre: t.exposeInt("nombre"),
  }),
});

const CertificatsRef = builder.objectRef<Certificats>("PipelineCertificats").implement({
  description:
    "Demandes de certificat serveur, par étape : demandées ⊇ validées ⊇ transmises (version actuelle envoyée). L'habilitation n'est pas encore suivie.",
  fields: (t) => ({
    demandes: t.exposeInt("demandes", { description: "Demandes de certificat (une par FINESS juridique)." }),
    validees: t.exposeInt("validees", { description: "Validées par un gestionnaire." }),
    transmises: t.exposeInt("transmises", { description: "Transmises dans leur version actuelle." }),
    modifieesDepuisTransmission: t.exposeInt("modifieesDepuisTransmission", {
      description: "Transmises puis modifiées : à renvoyer dans un lot correctif.",
    }),
  }),
});

export const TableauDeBordRef = builder.objectRef<TableauDeBord>("TableauDeBord").implement({
  description: "Chiffres de toutes les demandes, calculés à la demande (gestionnaires et auditeurs).",
  fields: (t) => ({
    calculeLe: t.expose("calculeLe", { type: "DateTime" }),
    total: t.exposeInt("total", { description: "Nombre de demandes." }),
    montantTotal: t.field({ type: "Montant", resolve: (b) => b.montantTotalCentimes }),
    parStatut: t.field({
      type: [StatutRef],
      description: "Tous les statuts, dans leur ordre.",
      resolve: (b) => b.parStatut,
    }),
    parCouloir: t.field({ type: [CouloirRef], resolve: (b) => b.parCouloir }),
    ancienneteDepot: t.field({
      type: [TrancheRef],
      description: "Demandes non décidées, par jours écoulés depuis leur dépôt.",
      resolve: (b) => b.ancienneteDepot,
    }),
    ancienneteModificationFournisseur: t.field({
      type: [TrancheRef],
      description:
        "Demandes non décidées, par jours écoulés depuis la dernière version confirmée par le fournisseur (son dépôt s'il n'en a confirmé aucune).",
      resolve: (b) => b.ancienneteModificationFournisseur,
    }),
    certificats: t.field({ type: CertificatsRef, resolve: (b) => b.certificats }),
  }),
});
