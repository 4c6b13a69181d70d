import type { Prisma } from "@segur/prisma";
import { enLectureSeule } from "../auth/acteur.js";
import {
  BLOCS,
  ETATS_PAIEMENT,
  STATUTS_DEMANDE,
  TYPES_DEMANDE,
  formatMontant,
  peutModifierDemande,
  perimetreCertificat,
  type Probleme,
  type StatutDemande,
} from "@segur/shared";
import { builder } from "../builder.js";
import {
  BlocEnum,
  EtatPaiementEnum,
  valeurEnum,
  ProblemeRef,
  RAISON_MONTANT_CENTIMES,
  StatutDemandeEnum,
  TypeDemandeEnum,
  centimesInt32,
} from "../commun/types.js";
import { AdministrateurTechniqueRef } from "../administrateur/types.js";
import { BeneficiaireRef } from "../beneficiaire/types.js";
import { CoordonneesBancairesRef } from "../banque/types.js";
import { PieceJustificativeRef } from "../piece/types.js";
import { CourrielRef } from "../courriel/types.js";
import { etatsDesBlocs, ordreDesLignes, parRelationACle, parRelationValidable, type EtatBlocVue } from "./blocs.js";

const EtatBlocRef = builder.objectRef<EtatBlocVue>("EtatBloc").implement({
  description: "État de validation d'un bloc : un bloc dont toutes les lignes sont validées est verrouillé.",
  fields: (t) => ({
    bloc: t.field({ type: BlocEnum, resolve: (b) => valeurEnum(BLOCS, b.bloc) }),
    verrouille: t.exposeBoolean("verrouille"),
    nombreLignes: t.exposeInt("nombreLignes"),
    nombreValidees: t.exposeInt("nombreValidees"),
    nombreRejetees: t.exposeInt("nombreRejetees"),
  }),
});

const MessageStatutRef = builder.objectRef<{ statut: string; message: string; le: Date }>("MessageStatut").implement({
  fields: (t) => ({
    statut: t.field({ type: StatutDemandeEnum, resolve: (m) => valeurEnum(STATUTS_DEMANDE, m.statut) }),
    message: t.exposeString("message"),
    le: t.expose("le", { type: "DateTime" }),
  }),
});

const DroitsRef = builder
  .objectRef<{ modifier: boolean; valider: boolean; changerStatut: boolean }>("DroitsDemande")
  .implement({
    description: "Ce que l'acteur courant peut faire sur la demande (le serveur vérifie de toute façon).",
    fields: (t) => ({
      modifier: t.exposeBoolean("modifier"),
      valider: t.exposeBoolean("valider"),
      changerStatut: t.exposeBoolean("changerStatut"),
    }),
  });

/**
 * How each block's rows are read, shared by the block fields and the `blocs` counts: with the
 * same arguments, both selections merge into one read of each table (different ones made a
 * second read of the demande and of every block).
 */
export const REQUETES_LIGNES = {
  // Keyed row blocks (bénéficiaires, pièces…): their descriptor's order.
  ...parRelationACle((b) => ({ orderBy: ordreDesLignes(b) })),
  administrateurs: {
    where: { demandeCertificatServeur: true },
    orderBy: [{ ordre: "asc" }, { id: "asc" }],
  } satisfies Prisma.Demande$administrateursArgs,
} satisfies Prisma.DemandeInclude;

export const DemandeRef = builder.prismaObject("Demande", {
  description: "Demande de financement déposée par un éditeur.",
  fields: (t) => ({
    numero: t.exposeString("numero", { description: "Numéro de dossier, ex. FINMS2007720M0." }),
    type: t.field({ type: TypeDemandeEnum, resolve: (d) => valeurEnum(TYPES_DEMANDE, d.type) }),
    couloir: t.exposeString("couloir"),
    numeroEditeur: t.exposeString("numeroEditeur"),
    logiciel: t.exposeString("logiciel"),
    dateDepot: t.expose("dateDepot", { type: "DateTime" }),
    dateCommande: t.expose("dateCommande", { type: "Date", nullable: true }),
    statut: t.field({ type: StatutDemandeEnum, resolve: (d) => valeurEnum(STATUTS_DEMANDE, d.statut) }),
    etatPaiement: t.field({ type: EtatPaiementEnum, resolve: (d) => valeurEnum(ETATS_PAIEMENT, d.etatPaiement) }),
    montantCentimes: t.int({
      nullable: true,
      description: "Montant Ségur déclaré, en centimes d'euro ; null au-delà de 21 474 836,47 €.",
      deprecationReason: RAISON_MONTANT_CENTIMES,
      resolve: (d) => centimesInt32(d.montantCentimes),
    }),
    montant: t.expose("montantCentimes", { type: "Montant", description: "Montant Ségur déclaré, ex. « 2920.00 »." }),
    montantFormate: t.string({
      description: "Montant affiché, ex. « 2 920,00 € ».",
      resolve: (d) => formatMontant(d.montantCentimes),
    }),
    mandataire: t.exposeBoolean("mandataire"),
    courrielContact: t.exposeString("courrielContact", { nullable: true }),
    referenceFournisseur: t.exposeString("referenceFournisseur", {
      nullable: true,
      description: "Référence propre au fournisseur, donnée à l'import (unique par éditeur).",
    }),
    scenarioInstallation: t.exposeString("scenarioInstallation", { nullable: true }),
    versionCourante: t.exposeInt("versionCourante"),
    derniereModification: t.expose("derniereModification", {
      type: "DateTime",
      nullable: true,
      description: "Dernière modification confirmée (version).",
    }),
    majLe: t.expose("majLe", {
      type: "DateTime",
      description:
        "Dernier changement quel qu'il soit (version, statut, validation) : pour synchroniser avec le filtre modifieeDepuis.",
    }),
    messageStatut: t.field({
      type: MessageStatutRef,
      nullable: true,
      description: "Dernier changement de statut accompagné d'un message au fournisseur (ex. ce qu'il faut modifier).",
      select: {
        evenements: {
          where: { type: "STATUT_MODIFIE" },
          orderBy: { id: "desc" },
          take: 1,
          select: { details: true, creeLe: true },
        },
      },
      resolve: (d) => {
        const e = d.evenements[0];
        if (!e) return null;
        const details = JSON.parse(e.details) as { vers?: string; message?: string | null };
        return details.message ? { statut: details.vers ?? "", message: details.message, le: e.creeLe } : null;
      },
    }),
    avertissements: t.field({
      type: [ProblemeRef],
      description: "Avertissements relevés à l'import (gestionnaires et auditeurs).",
      authScopes: { agent: true },
      unauthorizedResolver: () => [],
      // Written by the import from its checked Probleme list (JSON.stringify), never by a client.
      resolve: (d): Probleme[] => JSON.parse(d.avertissements),
    }),
    blocCertificatVisible: t.boolean({
      description:
        "Le bloc « administrateurs techniques » s'applique-t-il ? (avance MS1/MS2 déposée ou modifiée depuis la date de début)",
      resolve: (d, _a, ctx) => perimetreCertificat(d, ctx.config.dateDebutCertificat),
    }),
    coordonneesBancaires: t.relation("coordonneesBancaires", { nullable: true }),
    beneficiaires: t.relation("beneficiaires", { query: REQUETES_LIGNES.beneficiaires }),
    administrateurs: t.relation("administrateurs", {
      description: "Demandes de certificat serveur (lignes dont demandeCertificatServeur est vrai).",
      query: REQUETES_LIGNES.administrateurs,
    }),
    pieces: t.relation("pieces", { query: REQUETES_LIGNES.pieces }),
    courriels: t.relation("courriels", { query: { orderBy: [{ creeLe: "desc" }, { id: "desc" }] } }),
    blocs: t.field({
      type: [EtatBlocRef],
      select: {
        blocs: true,
        coordonneesBancaires: { select: { validation: true } },
        ...parRelationValidable((b) => ({ orderBy: ordreDesLignes(b), select: { validation: true as const } })),
        administrateurs: { ...REQUETES_LIGNES.administrateurs, select: { validation: true } },
      },
      resolve: (d) => etatsDesBlocs(d),
    }),
    droits: t.field({
      type: DroitsRef,
      resolve: (d, _a, ctx) => {
        const role = ctx.acteur?.role;
        return {
          modifier: !!role && !enLectureSeule(ctx.acteur) && peutModifierDemande(role, d.statut as StatutDemande),
          valider: role === "GESTIONNAIRE" && d.statut !== "DECIDEE",
          changerStatut: role === "GESTIONNAIRE",
        };
      },
    }),
  }),
});

// Row types are registered by importing their modules (referenced by the relations above).
export { AdministrateurTechniqueRef, BeneficiaireRef, CoordonneesBancairesRef, PieceJustificativeRef, CourrielRef };
