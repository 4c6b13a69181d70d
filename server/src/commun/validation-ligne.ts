import { builder } from "../builder.js";
import { ETATS_VALIDATION } from "@segur/shared";
import { EtatValidationEnum, valeurEnum } from "./types.js";

/** Validation state shared by every validatable row (bank details, bénéficiaire, admin, pièce). */
export interface EtatLigne {
  validation: string;
  validationMotif: string | null;
  valideePar: string | null;
  valideeLe: Date | null;
}

export const ValidationLigneRef = builder.objectRef<EtatLigne>("ValidationLigne").implement({
  fields: (t) => ({
    etat: t.field({ type: EtatValidationEnum, resolve: (l) => valeurEnum(ETATS_VALIDATION, l.validation) }),
    motif: t.exposeString("validationMotif", { nullable: true }),
    par: t.string({
      nullable: true,
      description: "Gestionnaire qui a validé ou rejeté (non communiqué aux fournisseurs).",
      resolve: (l, _a, ctx) => (ctx.acteur?.role === "FOURNISSEUR" ? null : l.valideePar),
    }),
    le: t.expose("valideeLe", { type: "DateTime", nullable: true }),
  }),
});

export const SELECT_VALIDATION = {
  validation: true,
  validationMotif: true,
  valideePar: true,
  valideeLe: true,
} as const;
