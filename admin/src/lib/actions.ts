import {
  compte,
  BLOCS_LABELS,
  libelleChamp,
  messageFournisseurSchema,
  motifSchema,
  planValidationBloc,
  STATUTS_AVEC_MESSAGE,
  STATUTS_DEMANDE,
  STATUTS_DEMANDE_LABELS,
  type BlocValidable,
  type StatutDemande,
  TRANSITIONS_STATUT,
} from "@segur/shared";
import { z } from "zod";
import type { BlocValiderMutation } from "~/gql/graphql";
import type { Issue } from "~/lib/resultat";

/*
 * Gestionnaire actions on a demande: validate / reject a row, validate / unlock a block,
 * change the statut. Rules come from @segur/shared; the server checks them again.
 */

// ——— forms

/** Rejecting a row or unlocking a block: a reason is required (shared rule and messages). */
export const motifFormulaireSchema = z.object({ motif: motifSchema });
export type MotifFormulaire = z.input<typeof motifFormulaireSchema>;

export function messageRequis(statut: StatutDemande | "" | null | undefined): boolean {
  return !!statut && STATUTS_AVEC_MESSAGE.includes(statut);
}

export const MESSAGES_STATUT = {
  statutRequis: "Nouveau statut : choisissez un statut.",
  messageRequis: `${libelleChamp("messageFournisseur")} : champ obligatoire pour ce statut, il est repris dans le courriel au fournisseur.`,
} as const;

/** Changing the statut: a target among the allowed transitions, and a message when it needs one. */
export function statutFormulaireSchema(courant: StatutDemande) {
  const cibles = TRANSITIONS_STATUT[courant];
  return z
    .object({
      statut: z.unknown().transform((v, ctx): StatutDemande => {
        if (typeof v === "string" && (cibles as readonly string[]).includes(v)) return v as StatutDemande;
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: MESSAGES_STATUT.statutRequis });
        return courant;
      }),
      message: messageFournisseurSchema,
    })
    .superRefine((valeurs, ctx) => {
      if (messageRequis(valeurs.statut) && !valeurs.message)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["message"], message: MESSAGES_STATUT.messageRequis });
    });
}

export interface OptionStatut {
  value: StatutDemande;
  text: string;
}

/** The statuts a gestionnaire may move the demande to, with their labels. */
export function optionsStatut(courant: StatutDemande): OptionStatut[] {
  return TRANSITIONS_STATUT[courant].map((value) => ({ value, text: STATUTS_DEMANDE_LABELS[value] }));
}

export function estStatut(v: unknown): v is StatutDemande {
  return typeof v === "string" && (STATUTS_DEMANDE as readonly string[]).includes(v);
}

// ——— results (read by lib/resultat.ts)

/** Any action's answer: done, or the server's refusal (message, code, field errors). */
export type IssueAction = Issue<unknown>;

// ——— validating a whole block (SPEC §10: a rejected row is never validated silently)

/** A row the server left rejected, as the block validation answers it. */
export type LigneRejeteeBloc = Extract<
  BlocValiderMutation["blocValider"],
  { __typename: "BlocValiderSucces" }
>["lignesRejetees"][number];

/** « Valider le bloc »'s answer: on success, the rows left rejected. */
export type IssueValidationBloc = Issue<{ lignesRejetees: readonly LigneRejeteeBloc[] }>;

/** A row of the block as the confirmation lists it: its name and its rejection reason. */
export interface LigneRejeteeVue {
  cle: string;
  libelle: string;
  motif: string | null;
}

/** The block's rejected rows, the ones « Valider le bloc » must ask about (shared rule). */
export function lignesRejeteesDuBloc(
  lignes: readonly { cle: string; libelle: string; validation?: { etat: string; motif?: string | null } | null }[],
): LigneRejeteeVue[] {
  const etats = lignes.map((l) => ({
    cle: l.cle,
    libelle: l.libelle,
    motif: l.validation?.motif ?? null,
    validation: l.validation?.etat ?? "A_VALIDER",
  }));
  return planValidationBloc(etats, false).restentRejetees.map(({ cle, libelle, motif }) => ({ cle, libelle, motif }));
}

/** The success message: locked, or which rows stay rejected (then the block stays open). */
export function messageValidationBloc(bloc: BlocValidable, restentRejetees: number): string {
  if (restentRejetees === 0) return `Bloc « ${BLOCS_LABELS[bloc]} » validé et verrouillé.`;
  return `Bloc « ${BLOCS_LABELS[bloc]} » : les autres lignes sont validées ; ${compte(restentRejetees, "ligne reste rejetée", "lignes restent rejetées")}, le bloc n’est pas verrouillé.`;
}

// ——— texts

export function titreBloc(bloc: BlocValidable): string {
  return BLOCS_LABELS[bloc];
}

/** Accessible name of a row button: « Valider la ligne 330058066 du bloc … ». */
export function libelleActionLigne(action: "Valider" | "Rejeter", bloc: BlocValidable, libelleLigne: string): string {
  return `${action} la ligne ${libelleLigne} — ${BLOCS_LABELS[bloc]}`;
}
