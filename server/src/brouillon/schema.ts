import {
  CHAMPS_COORDONNEES,
  CLE_COORDONNEES,
  CLE_INFORMATIONS,
  avertissementsAdministrateur,
  avertissementsBeneficiaire,
  commentaireSchema,
  problemesDepuisZod,
  type Probleme,
} from "@segur/shared";
import type { InputFieldMap } from "@pothos/core";
import { builder } from "../builder.js";
import {
  BlocEnum,
  ERREURS_ECRITURE,
  ProblemeRef,
  StatutAdminTechniqueEnum,
  TypePieceEnum,
  UtiliteCertificatEnum,
} from "../commun/types.js";
import { ErreurAutorisation, ErreurEtat, ErreurIntrouvable, ErreurValidation } from "../commun/erreurs.js";
import type { Db } from "@segur/prisma";
import { perimetreDemandes } from "../auth/acteur.js";
import { etatActuel } from "../historique/service.js";
import { CHAMPS_VERSIONNES, modeleDuBloc, type BlocEditable, type Etat } from "../historique/champs.js";
import { colonnesDe } from "../commun/sql-brut.js";
import {
  ValeursAdministrateurRef,
  ValeursBeneficiaireRef,
  ValeursCoordonneesRef,
  ValeursInformationsRef,
  ValeursPieceRef,
  type RefValeurs,
} from "../historique/valeurs.js";
import { VersionRef } from "../historique/schema.js";
import { DemandeRef } from "../demande/types.js";
import { apercuBloc, type LigneApercu, type OpNette } from "./operations.js";
import { finessDesBeneficiaires } from "./preparation.js";
import {
  abandonnerBrouillon,
  annulerOperation,
  confirmerBrouillon,
  opsDepuis,
  ouvrirBrouillon,
  rebaserBrouillon,
  stagerOperation,
  type OperationDemandee,
} from "./service.js";
import { nouvelleCle } from "../import/service.js";

// ---- preview ---------------------------------------------------------------------------------
interface VueBrouillon {
  id: number;
  demandeId: number;
  numero: string;
  versionBase: number;
  versionCourante: number;
  acteurNom: string;
  creeLe: Date;
  majLe: Date;
  etat: Etat;
  ops: OpNette[];
}

const EtatLigneEnum = builder.enumType("EtatLigneApercu", {
  values: {
    AJOUTEE: { description: "Ligne ajoutée (en vert)" },
    MODIFIEE: { description: "Ligne modifiée : voir champsModifies (en vert)" },
    SUPPRIMEE: { description: "Ligne supprimée à la confirmation" },
    INCHANGEE: { description: "Ligne inchangée" },
  } as const,
});

function ligneApercu(name: string, valeurs: RefValeurs, avertir?: (l: LigneApercu, v: VueBrouillon) => Probleme[]) {
  return builder.objectRef<LigneApercu & { vue: VueBrouillon }>(name).implement({
    fields: (t) => ({
      cle: t.exposeString("cle"),
      etat: t.field({ type: EtatLigneEnum, resolve: (l) => l.etat }),
      champsModifies: t.exposeStringList("champsModifies"),
      valeurs: t.field({ type: valeurs, resolve: (l) => l.valeurs }),
      original: t.field({ type: valeurs, nullable: true, resolve: (l) => l.original }),
      ...(avertir ? { avertissements: t.field({ type: [ProblemeRef], resolve: (l) => avertir(l, l.vue) }) } : {}),
    }),
  });
}

const LigneAdministrateurRef = ligneApercu("LigneApercuAdministrateur", ValeursAdministrateurRef, (l, v) =>
  avertissementsAdministrateur(l.valeurs, { finessBeneficiaires: finessDesBeneficiaires(v.etat) }),
);
const LigneBeneficiaireRef = ligneApercu("LigneApercuBeneficiaire", ValeursBeneficiaireRef, (l) =>
  avertissementsBeneficiaire(l.valeurs),
);
const LigneCoordonneesRef = ligneApercu("LigneApercuCoordonnees", ValeursCoordonneesRef);
const LignePieceRef = ligneApercu("LigneApercuPiece", ValeursPieceRef);
const LigneInformationsRef = ligneApercu("LigneApercuInformations", ValeursInformationsRef);

const lignes = (v: VueBrouillon, bloc: BlocEditable) => apercuBloc(v.etat, v.ops, bloc).map((l) => ({ ...l, vue: v }));

export const BrouillonRef = builder.objectRef<VueBrouillon>("Brouillon").implement({
  description:
    "Modifications en attente d'un acteur sur une demande, et la demande telle qu'elle serait une fois confirmées.",
  fields: (t) => ({
    numero: t.exposeString("numero"),
    versionBase: t.exposeInt("versionBase", {
      description: "Version sur laquelle les modifications ont été commencées (à renvoyer à la confirmation).",
    }),
    versionCourante: t.exposeInt("versionCourante"),
    aJour: t.boolean({
      description: "Faux si quelqu'un a confirmé une autre version depuis : la confirmation sera refusée.",
      resolve: (b) => b.versionBase === b.versionCourante,
    }),
    auteur: t.exposeString("acteurNom"),
    creeLe: t.expose("creeLe", { type: "DateTime" }),
    majLe: t.expose("majLe", { type: "DateTime" }),
    nombreModifications: t.int({
      description: "Lignes ajoutées, modifiées ou supprimées ; chaque champ modifié des informations compte pour une.",
      // The informations' two fields show (and lock) in two blocks: each counts, as the screens show them.
      resolve: (b) =>
        b.ops.reduce((n, o) => n + (o.bloc === "INFORMATIONS" ? Object.keys(o.donnees ?? {}).length : 1), 0),
    }),
    informations: t.field({
      type: LigneInformationsRef,
      description:
        "Les informations de la demande ; seuls courrielContact et scenarioInstallation se modifient (informationsModifier).",
      resolve: (b) => lignes(b, "INFORMATIONS")[0]!,
    }),
    coordonneesBancaires: t.field({
      type: LigneCoordonneesRef,
      nullable: true,
      resolve: (b) => lignes(b, "COORDONNEES_BANCAIRES")[0] ?? null,
    }),
    beneficiaires: t.field({ type: [LigneBeneficiaireRef], resolve: (b) => lignes(b, "BENEFICIAIRES") }),
    administrateurs: t.field({ type: [LigneAdministrateurRef], resolve: (b) => lignes(b, "ADMINISTRATEURS") }),
    pieces: t.field({ type: [LignePieceRef], resolve: (b) => lignes(b, "PIECES") }),
  }),
});

async function vueBrouillon(db: Db, brouillonId: number): Promise<VueBrouillon> {
  const b = await db.brouillon.findUniqueOrThrow({
    where: { id: brouillonId },
    include: {
      demande: { select: { numero: true, versionCourante: true } },
      operations: { orderBy: { ordre: "asc" }, select: { bloc: true, nature: true, cle: true, donnees: true } },
    },
  });
  return {
    id: b.id,
    demandeId: b.demandeId,
    numero: b.demande.numero,
    versionBase: b.versionBase,
    versionCourante: b.demande.versionCourante,
    acteurNom: b.acteurNom,
    creeLe: b.creeLe,
    majLe: b.majLe,
    etat: await etatActuel(db, b.demandeId),
    ops: opsDepuis(b.operations),
  };
}

builder.queryField("brouillon", (t) =>
  t.field({
    type: BrouillonRef,
    nullable: true,
    description: "Mon brouillon sur cette demande (null s'il n'y en a pas).",
    authScopes: { gestionnaire: true, fournisseur: true },
    args: { numero: t.arg.string({ required: true }) },
    resolve: async (_r, { numero }, ctx) => {
      const b = await ctx.prisma.brouillon.findFirst({
        where: { acteur: ctx.acteur!.cle, demande: { numero, ...perimetreDemandes(ctx.acteur) } },
        select: { id: true },
      });
      return b ? vueBrouillon(ctx.prisma, b.id) : null;
    },
  }),
);

// ---- inputs ----------------------------------------------------------------------------------
const champsAdministrateur = (t: Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0]) => ({
  contractualisationOG: t.boolean({ description: "Contractualisation organisme de gestion (Oui / Non)." }),
  statutAdminTechnique: t.field({ type: StatutAdminTechniqueEnum }),
  contractualisationEditeur: t.boolean(),
  numeroCarteCPX: t.string({ description: "10 caractères au plus ; obligatoire selon la table des règles." }),
  nomAdminTechnique: t.string({ description: "Lettres uniquement, 25 caractères au plus." }),
  telAdminTechnique: t.string({ description: "50 caractères au plus." }),
  emailAdminTechnique: t.string({ description: "Adresse email valide, 150 caractères au plus." }),
  utiliteCertificat: t.field({ type: UtiliteCertificatEnum }),
});
const AdministrateurInput = builder.inputType("AdministrateurInput", {
  fields: (t) => ({ finessJuridique: t.string({ required: true }), ...champsAdministrateur(t) }),
});
const AdministrateurModificationInput = builder.inputType("AdministrateurModificationInput", {
  description: "Valeurs d'une ligne modifiée ; le FINESS juridique, identité de la ligne, ne change pas.",
  fields: (t) => champsAdministrateur(t),
});
// A bénéficiaire's fields as the registry lists them, each as text or yes / no, required when its column is.
const BeneficiaireInput = builder.inputType("BeneficiaireInput", {
  fields: (t) => {
    const colonnes = colonnesDe(modeleDuBloc("BENEFICIAIRES"));
    return Object.fromEntries(
      Object.entries(CHAMPS_VERSIONNES.BENEFICIAIRES).map(([c, type]) => {
        const required = colonnes.get(c)!.requis;
        return [c, type === "booleen" ? t.boolean({ required }) : t.string({ required })];
      }),
    );
  },
});
const InformationsInput = builder.inputType("InformationsInput", {
  description:
    'Champs modifiables des informations de la demande : seuls ceux donnés changent ; null (ou "") efface le champ.',
  fields: (t) => ({
    courrielContact: t.string({
      description:
        "Courriel de contact du fournisseur (destinataire des courriels automatiques), 150 caractères au plus.",
    }),
    scenarioInstallation: t.string({
      description: "Scénario d'installation (bloc des bénéficiaires), 2000 caractères au plus.",
    }),
  }),
});
const CoordonneesInput = builder.inputType("CoordonneesBancairesInput", {
  // Every bank field is required: the whole row is set at once.
  fields: (t) => Object.fromEntries(CHAMPS_COORDONNEES.map((c) => [c, t.string({ required: true })])),
});

// ---- mutations -------------------------------------------------------------------------------
const ecriture = { authScopes: { gestionnaire: true, fournisseurEcriture: true } } as const;
const erreurs = { types: [...ERREURS_ECRITURE], dataField: { name: "brouillon" } };

function mutationBrouillon<I extends InputFieldMap>(
  nom: string,
  description: string,
  input: (t: Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0]) => I,
  operation: (input: Record<string, unknown> & { numero: string }) => OperationDemandee,
) {
  const Input = builder.inputType(`${nom.charAt(0).toUpperCase()}${nom.slice(1)}Input`, {
    fields: (t) => ({ numero: t.string({ required: true, description: "Numéro de dossier." }), ...input(t) }),
  });
  builder.mutationField(nom, (t) =>
    t.field({
      ...ecriture,
      description,
      type: BrouillonRef,
      errors: erreurs,
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (_r, args, ctx) => {
        const input = (args as unknown as { input: Record<string, unknown> & { numero: string } }).input;
        const b = await stagerOperation(ctx.prisma, ctx.acteur!, input.numero, operation(input));
        return vueBrouillon(ctx.prisma, b.id);
      },
    }),
  );
}

mutationBrouillon(
  "administrateurAjouter",
  "Ajoute une demande de certificat (FINESS juridique unique dans la demande) au brouillon.",
  (t) => ({ valeurs: t.field({ type: AdministrateurInput, required: true }) }),
  (i) => ({ bloc: "ADMINISTRATEURS", nature: "AJOUT", cle: "", valeurs: i.valeurs as Record<string, unknown> }),
);
mutationBrouillon(
  "administrateurModifier",
  "Modifie une demande de certificat dans le brouillon (le FINESS juridique ne change pas).",
  (t) => ({
    finessJuridique: t.string({ required: true }),
    valeurs: t.field({ type: AdministrateurModificationInput, required: true }),
  }),
  (i) => ({
    bloc: "ADMINISTRATEURS",
    nature: "MODIFICATION",
    cle: String(i.finessJuridique),
    valeurs: i.valeurs as Record<string, unknown>,
  }),
);
mutationBrouillon(
  "administrateurSupprimer",
  "Supprime une demande de certificat dans le brouillon.",
  (t) => ({ finessJuridique: t.string({ required: true }) }),
  (i) => ({ bloc: "ADMINISTRATEURS", nature: "SUPPRESSION", cle: String(i.finessJuridique) }),
);
mutationBrouillon(
  "beneficiaireAjouter",
  "Ajoute un bénéficiaire au brouillon.",
  (t) => ({ valeurs: t.field({ type: BeneficiaireInput, required: true }) }),
  (i) => ({
    bloc: "BENEFICIAIRES",
    nature: "AJOUT",
    cle: nouvelleCle("b"),
    valeurs: i.valeurs as Record<string, unknown>,
  }),
);
mutationBrouillon(
  "beneficiaireModifier",
  "Modifie un bénéficiaire dans le brouillon.",
  (t) => ({ cle: t.string({ required: true }), valeurs: t.field({ type: BeneficiaireInput, required: true }) }),
  (i) => ({
    bloc: "BENEFICIAIRES",
    nature: "MODIFICATION",
    cle: String(i.cle),
    valeurs: i.valeurs as Record<string, unknown>,
  }),
);
mutationBrouillon(
  "beneficiaireSupprimer",
  "Supprime un bénéficiaire dans le brouillon.",
  (t) => ({ cle: t.string({ required: true }) }),
  (i) => ({ bloc: "BENEFICIAIRES", nature: "SUPPRESSION", cle: String(i.cle) }),
);
mutationBrouillon(
  "coordonneesBancairesModifier",
  "Modifie les coordonnées bancaires dans le brouillon.",
  (t) => ({ valeurs: t.field({ type: CoordonneesInput, required: true }) }),
  (i) => ({
    bloc: "COORDONNEES_BANCAIRES",
    nature: "MODIFICATION",
    cle: CLE_COORDONNEES,
    valeurs: i.valeurs as Record<string, unknown>,
  }),
);
mutationBrouillon(
  "informationsModifier",
  "Modifie le courriel de contact et / ou le scénario d'installation dans le brouillon (le scénario suit le verrou du bloc des bénéficiaires).",
  (t) => ({ valeurs: t.field({ type: InformationsInput, required: true }) }),
  (i) => ({
    bloc: "INFORMATIONS",
    nature: "MODIFICATION",
    cle: CLE_INFORMATIONS,
    valeurs: i.valeurs as Record<string, unknown>,
  }),
);
mutationBrouillon(
  "pieceSupprimer",
  "Supprime une pièce justificative dans le brouillon.",
  (t) => ({ cle: t.string({ required: true }) }),
  (i) => ({ bloc: "PIECES", nature: "SUPPRESSION", cle: String(i.cle) }),
);

const PieceAjouterInput = builder.inputType("PieceAjouterInput", {
  fields: (t) => ({
    numero: t.string({ required: true }),
    type: t.field({ type: TypePieceEnum, required: true }),
    fichier: t.field({
      type: "File",
      required: true,
      description: "Fichier PDF (10 Mio au plus), en requête multipart.",
    }),
  }),
});
builder.mutationField("pieceAjouter", (t) =>
  t.field({
    ...ecriture,
    description: "Ajoute une pièce justificative (PDF) au brouillon.",
    type: BrouillonRef,
    errors: erreurs,
    args: { input: t.arg({ type: PieceAjouterInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const contenu = new Uint8Array(await input.fichier.arrayBuffer());
      const b = await stagerOperation(ctx.prisma, ctx.acteur!, input.numero, {
        bloc: "PIECES",
        nature: "AJOUT",
        cle: nouvelleCle("p"),
        fichier: { contenu, nomFichier: input.fichier.name, type: input.type },
      });
      return vueBrouillon(ctx.prisma, b.id);
    },
  }),
);

const NumeroInput = (name: string) =>
  builder.inputType(name, { fields: (t) => ({ numero: t.string({ required: true }) }) });

builder.mutationField("brouillonOuvrir", (t) =>
  t.field({
    ...ecriture,
    description: "Ouvre (ou reprend) mon brouillon sur une demande.",
    type: BrouillonRef,
    errors: erreurs,
    args: { input: t.arg({ type: NumeroInput("BrouillonOuvrirInput"), required: true }) },
    resolve: async (_r, { input }, ctx) =>
      vueBrouillon(ctx.prisma, (await ouvrirBrouillon(ctx.prisma, ctx.acteur!, input.numero)).id),
  }),
);

const OperationAnnulerInput = builder.inputType("BrouillonOperationAnnulerInput", {
  fields: (t) => ({
    numero: t.string({ required: true }),
    bloc: t.field({ type: BlocEnum, required: true }),
    cle: t.string({ required: true }),
  }),
});
builder.mutationField("brouillonOperationAnnuler", (t) =>
  t.field({
    ...ecriture,
    description: "Annule la modification en attente d'une ligne (elle redevient comme enregistrée).",
    type: BrouillonRef,
    errors: erreurs,
    args: { input: t.arg({ type: OperationAnnulerInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      if (input.bloc === "COURRIELS")
        throw new ErreurEtat("BLOC_NON_MODIFIABLE", "Ce bloc ne se modifie pas par brouillon.", ["input", "bloc"]);
      return vueBrouillon(
        ctx.prisma,
        (await annulerOperation(ctx.prisma, ctx.acteur!, input.numero, input.bloc as BlocEditable, input.cle)).id,
      );
    },
  }),
);

builder.mutationField("brouillonRebaser", (t) =>
  t.field({
    ...ecriture,
    description:
      "Après un conflit : reprend mes modifications sur la dernière version (celles qui ne s'appliquent plus sont retirées).",
    type: BrouillonRef,
    errors: erreurs,
    args: { input: t.arg({ type: NumeroInput("BrouillonRebaserInput"), required: true }) },
    resolve: async (_r, { input }, ctx) =>
      vueBrouillon(ctx.prisma, (await rebaserBrouillon(ctx.prisma, ctx.acteur!, input.numero)).brouillon.id),
  }),
);

builder.mutationField("brouillonAbandonner", (t) =>
  t.boolean({
    ...ecriture,
    description: "Abandonne mon brouillon (rien n'est enregistré). Vrai s'il y en avait un.",
    errors: { types: [ErreurIntrouvable, ErreurAutorisation], dataField: { name: "abandonne" } },
    args: { input: t.arg({ type: NumeroInput("BrouillonAbandonnerInput"), required: true }) },
    resolve: (_r, { input }, ctx) => abandonnerBrouillon(ctx.prisma, ctx.acteur!, input.numero),
  }),
);

const ConfirmerInput = builder.inputType("BrouillonConfirmerInput", {
  fields: (t) => ({
    numero: t.string({ required: true }),
    versionBase: t.int({
      required: true,
      description: "versionBase du brouillon : refusé (conflit) si la demande a changé depuis.",
    }),
    commentaire: t.string({ description: "Commentaire de la version (500 caractères au plus)." }),
  }),
});
const ConfirmationRef = builder.objectRef<{ demandeId: number; version: { id: number } }>("Confirmation").implement({
  fields: (t) => ({
    demande: t.prismaField({
      type: DemandeRef,
      resolve: (query, c, _a, ctx) => ctx.prisma.demande.findUniqueOrThrow({ ...query, where: { id: c.demandeId } }),
    }),
    version: t.prismaField({
      type: VersionRef,
      resolve: (query, c, _a, ctx) => ctx.prisma.version.findUniqueOrThrow({ ...query, where: { id: c.version.id } }),
    }),
  }),
});
builder.mutationField("brouillonConfirmer", (t) =>
  t.field({
    ...ecriture,
    description:
      "Enregistre toutes les modifications du brouillon en une fois et crée une nouvelle version — ou rien, avec la raison.",
    type: ConfirmationRef,
    errors: { types: [...ERREURS_ECRITURE], dataField: { name: "confirmation" } },
    args: { input: t.arg({ type: ConfirmerInput, required: true }) },
    resolve: (_r, { input }, ctx) => {
      const lu = commentaireSchema.safeParse(input.commentaire);
      if (!lu.success) throw new ErreurValidation(problemesDepuisZod(lu.error, ["input", "commentaire"]));
      return confirmerBrouillon(ctx.prisma, ctx.acteur!, input.numero, input.versionBase, lu.data ?? null);
    },
  }),
);
