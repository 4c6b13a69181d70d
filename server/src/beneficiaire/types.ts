import { avertissementsBeneficiaire } from "@segur/shared";
import { builder } from "../builder.js";
import { ProblemeRef } from "../commun/types.js";
import { SELECT_VALIDATION, ValidationLigneRef } from "../commun/validation-ligne.js";

export const BeneficiaireRef = builder.prismaObject("Beneficiaire", {
  description: "Établissement bénéficiaire et son responsable.",
  fields: (t) => ({
    cle: t.exposeString("cle", { description: "Clé stable de la ligne (pour les modifications)." }),
    nomResponsable: t.exposeString("nomResponsable"),
    emailResponsable: t.exposeString("emailResponsable"),
    telResponsable: t.exposeString("telResponsable"),
    finessJuridique: t.exposeString("finessJuridique"),
    finessGeographique: t.exposeString("finessGeographique"),
    presentSolde: t.exposeBoolean("presentSolde"),
    ancienneVersion: t.exposeString("ancienneVersion", { nullable: true }),
    maitreIdentite: t.exposeString("maitreIdentite", { nullable: true }),
    stockageIdentite: t.exposeString("stockageIdentite", { nullable: true }),
    operateurMessagerie: t.exposeString("operateurMessagerie", { nullable: true }),
    validation: t.field({ type: ValidationLigneRef, select: SELECT_VALIDATION, resolve: (b) => b }),
    avertissements: t.field({ type: [ProblemeRef], resolve: (b) => avertissementsBeneficiaire(b) }),
  }),
});
