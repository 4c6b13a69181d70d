import { BLOCS_VALIDABLES, CLE_COORDONNEES } from "@segur/shared";
import { builder } from "../builder.js";
import { BlocEnum, ERREURS_COMMUNES } from "../commun/types.js";
import { ErreurVerrouillage } from "../commun/erreurs.js";
import { DemandeRef } from "../demande/types.js";
import {
  demandeParId,
  deverrouillerBloc,
  type LigneRejetee,
  rejeterLigne,
  validerBloc,
  validerLigne,
} from "./service.js";

// Validation and locking of blocks (SPEC §6): gestionnaires only; each answers the demande.

const gestionnaire = { authScopes: { gestionnaire: true } } as const;
const erreurs = { types: [...ERREURS_COMMUNES, ErreurVerrouillage], dataField: { name: "demande" } };

const DESCRIPTION_CLE = `Clé de la ligne : FINESS juridique (administrateurs), clé du bénéficiaire ou de la pièce, « ${CLE_COORDONNEES} » (coordonnées bancaires).`;
const DESCRIPTION_BLOC = `${BLOCS_VALIDABLES.slice(0, -1).join(", ")} ou ${BLOCS_VALIDABLES.at(-1)}.`;

const LigneValiderInput = builder.inputType("LigneValiderInput", {
  fields: (t) => ({
    numero: t.string({ required: true, description: "Numéro de dossier." }),
    bloc: t.field({ type: BlocEnum, required: true, description: DESCRIPTION_BLOC }),
    cle: t.string({ required: true, description: DESCRIPTION_CLE }),
  }),
});
const LigneRejeterInput = builder.inputType("LigneRejeterInput", {
  fields: (t) => ({
    numero: t.string({ required: true, description: "Numéro de dossier." }),
    bloc: t.field({ type: BlocEnum, required: true, description: DESCRIPTION_BLOC }),
    cle: t.string({ required: true, description: DESCRIPTION_CLE }),
    motif: t.string({ required: true, description: "Motif du rejet (obligatoire, 1000 caractères au plus)." }),
  }),
});
const BlocValiderInput = builder.inputType("BlocValiderInput", {
  fields: (t) => ({
    numero: t.string({ required: true, description: "Numéro de dossier." }),
    bloc: t.field({ type: BlocEnum, required: true, description: DESCRIPTION_BLOC }),
    inclureRejetees: t.boolean({
      defaultValue: false,
      description:
        "Valider aussi les lignes rejetées (chaque rejet levé est journalisé). Par défaut non : les lignes rejetées le restent et le bloc n'est pas verrouillé.",
    }),
  }),
});

const LigneRejeteeRef = builder.objectRef<LigneRejetee>("LigneRejetee").implement({
  description: "Ligne restée rejetée après la validation du bloc.",
  fields: (t) => ({
    cle: t.exposeString("cle", { description: DESCRIPTION_CLE }),
    motif: t.exposeString("motif", { nullable: true, description: "Motif du rejet." }),
  }),
});

/*
 * The rows left rejected travel with the demande the mutation answers: the success type's
 * fields only receive that object. A symbol key keeps them out of the demande's own fields.
 */
const LIGNES_REJETEES = Symbol("lignesRejetees");
type AvecLignesRejetees = { [LIGNES_REJETEES]?: LigneRejetee[] };
const BlocDeverrouillerInput = builder.inputType("BlocDeverrouillerInput", {
  fields: (t) => ({
    numero: t.string({ required: true, description: "Numéro de dossier." }),
    bloc: t.field({ type: BlocEnum, required: true, description: DESCRIPTION_BLOC }),
    motif: t.string({ required: true, description: "Motif du déverrouillage (obligatoire, 1000 caractères au plus)." }),
  }),
});

builder.mutationFields((t) => ({
  ligneValider: t.prismaField({
    ...gestionnaire,
    description: "Valide une ligne d'un bloc ; quand toutes les lignes du bloc sont validées, le bloc est verrouillé.",
    type: DemandeRef,
    errors: erreurs,
    args: { input: t.arg({ type: LigneValiderInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) =>
      demandeParId(ctx.prisma, query, await validerLigne(ctx.prisma, ctx.acteur!, input)),
  }),
  ligneRejeter: t.prismaField({
    ...gestionnaire,
    description: "Rejette une ligne d'un bloc avec un motif (obligatoire).",
    type: DemandeRef,
    errors: erreurs,
    args: { input: t.arg({ type: LigneRejeterInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) =>
      demandeParId(ctx.prisma, query, await rejeterLigne(ctx.prisma, ctx.acteur!, input)),
  }),
  blocValider: t.prismaField({
    ...gestionnaire,
    description:
      "Valide en une fois les lignes à valider d'un bloc (refusé pour un bloc vide). Les lignes rejetées le restent, sauf avec inclureRejetees ; " +
      "le bloc n'est verrouillé que si toutes ses lignes sont alors validées.",
    type: DemandeRef,
    errors: {
      ...erreurs,
      result: {
        fields: (r) => ({
          lignesRejetees: r.field({
            type: [LigneRejeteeRef],
            description: "Lignes restées rejetées (le bloc n'est alors pas verrouillé) ; vide si toutes sont validées.",
            resolve: (d) => (d as AvecLignesRejetees)[LIGNES_REJETEES] ?? [],
          }),
        }),
      },
    },
    args: { input: t.arg({ type: BlocValiderInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const { demandeId, lignesRejetees } = await validerBloc(ctx.prisma, ctx.acteur!, input);
      return Object.assign(await demandeParId(ctx.prisma, query, demandeId), { [LIGNES_REJETEES]: lignesRejetees });
    },
  }),
  blocDeverrouiller: t.prismaField({
    ...gestionnaire,
    description:
      "Déverrouille un bloc avec un motif (obligatoire) : il redevient modifiable ; les lignes gardent leur validation.",
    type: DemandeRef,
    errors: erreurs,
    args: { input: t.arg({ type: BlocDeverrouillerInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) =>
      demandeParId(ctx.prisma, query, await deverrouillerBloc(ctx.prisma, ctx.acteur!, input)),
  }),
}));
