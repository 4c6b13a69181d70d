import { builder } from "../builder.js";
import { BlocEnum, ERREURS_COMMUNES } from "../commun/types.js";
import { ErreurVerrouillage } from "../commun/erreurs.js";
import { DemandeRef } from "../demande/types.js";
import { demandeParId, deverrouillerBloc, rejeterLigne, validerBloc, validerLigne } from "./service.js";

// Validation and locking of blocks (SPEC §6): gestionnaires only; each answers the demande.

const gestionnaire = { authScopes: { gestionnaire: true } } as const;
const erreurs = { types: [...ERREURS_COMMUNES, ErreurVerrouillage], dataField: { name: "demande" } };

const DESCRIPTION_CLE =
  "Clé de la ligne : FINESS juridique (administrateurs), clé du bénéficiaire ou de la pièce, « coordonnees » (coordonnées bancaires).";
const DESCRIPTION_BLOC = "COORDONNEES_BANCAIRES, BENEFICIAIRES, ADMINISTRATEURS ou PIECES.";

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
  }),
});
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
    resolve: async (query, _r, { input }, ctx) => demandeParId(ctx, query, await validerLigne(ctx, input)),
  }),
  ligneRejeter: t.prismaField({
    ...gestionnaire,
    description: "Rejette une ligne d'un bloc avec un motif (obligatoire).",
    type: DemandeRef,
    errors: erreurs,
    args: { input: t.arg({ type: LigneRejeterInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => demandeParId(ctx, query, await rejeterLigne(ctx, input)),
  }),
  blocValider: t.prismaField({
    ...gestionnaire,
    description: "Valide toutes les lignes d'un bloc en une fois et le verrouille (refusé pour un bloc vide).",
    type: DemandeRef,
    errors: erreurs,
    args: { input: t.arg({ type: BlocValiderInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => demandeParId(ctx, query, await validerBloc(ctx, input)),
  }),
  blocDeverrouiller: t.prismaField({
    ...gestionnaire,
    description: "Déverrouille un bloc avec un motif (obligatoire) : il redevient modifiable ; les lignes gardent leur validation.",
    type: DemandeRef,
    errors: erreurs,
    args: { input: t.arg({ type: BlocDeverrouillerInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => demandeParId(ctx, query, await deverrouillerBloc(ctx, input)),
  }),
}));
