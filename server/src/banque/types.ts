import { formatIban } from "@segur/shared";
import { builder } from "../builder.js";
import { SELECT_VALIDATION, ValidationLigneRef } from "../commun/validation-ligne.js";

export const CoordonneesBancairesRef = builder.prismaObject("CoordonneesBancaires", {
  fields: (t) => ({
    iban: t.exposeString("iban"),
    ibanFormate: t.string({ select: { iban: true }, resolve: (c) => formatIban(c.iban) }),
    bic: t.exposeString("bic"),
    titulaire: t.exposeString("titulaire"),
    domiciliation: t.exposeString("domiciliation"),
    validation: t.field({ type: ValidationLigneRef, select: SELECT_VALIDATION, resolve: (c) => c }),
  }),
});
