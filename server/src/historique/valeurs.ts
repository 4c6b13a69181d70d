import type { GenericFieldRef } from "@pothos/core";
import { builder } from "../builder.js";
import {
  RAISON_MONTANT_CENTIMES,
  StatutAdminTechniqueEnum,
  TypePieceEnum,
  UtiliteCertificatEnum,
  centimesInt32,
  enumDepuis,
} from "../commun/types.js";
import { CHAMPS_VERSIONNES, depuisTexte, type BlocVersionne, type Ligne, type TypeChamp } from "./champs.js";

/** Any enum built by `enumDepuis`: its stored text is the GraphQL value. */
type RefEnum = ReturnType<typeof enumDepuis<readonly string[]>>;

const ENUMS: Record<string, RefEnum> = {
  statutAdminTechnique: StatutAdminTechniqueEnum,
  utiliteCertificat: UtiliteCertificatEnum,
};

/** A field's resolver: its text typed back by `depuisTexte`, as the type its GraphQL field declares. */
function lecteur<T>(champ: string, type: TypeChamp, est: (v: unknown) => v is T) {
  return (l: Ligne): T | null => {
    const v = depuisTexte(type, l[champ] ?? null);
    return v === null || est(v) ? v : null;
  };
}
const estTexte = (v: unknown): v is string => typeof v === "string";
const estBooleen = (v: unknown): v is boolean => typeof v === "boolean";
const estEntier = (v: unknown): v is number => typeof v === "number";
const estCentimes = (v: unknown): v is bigint => typeof v === "bigint";
const estDate = (v: unknown): v is Date => v instanceof Date;

/** GraphQL object of a block's row values (drafts' previews, past versions), typed from CHAMPS_VERSIONNES. */
function valeursDe(bloc: BlocVersionne, name: string, enums: Record<string, RefEnum> = ENUMS) {
  return builder.objectRef<Ligne>(name).implement({
    fields: (t) =>
      Object.fromEntries(
        Object.entries(CHAMPS_VERSIONNES[bloc]).flatMap(([champ, type]): [string, GenericFieldRef<unknown>][] => {
          const enumRef = enums[champ];
          if (enumRef)
            return [[champ, t.field({ type: enumRef, nullable: true, resolve: lecteur(champ, type, estTexte) })]];
          if (type === "booleen")
            return [[champ, t.boolean({ nullable: true, resolve: lecteur(champ, type, estBooleen) })]];
          if (type === "entier") return [[champ, t.int({ nullable: true, resolve: lecteur(champ, type, estEntier) })]];
          if (type === "centimes") {
            // montantCentimes → montant (exact) + the deprecated 32-bit field, null when too large.
            const centimes = lecteur(champ, type, estCentimes);
            return [
              [
                champ.replace(/Centimes$/, ""),
                t.field({
                  type: "Montant",
                  nullable: true,
                  description: "Montant Ségur déclaré, ex. « 2920.00 ».",
                  resolve: centimes,
                }),
              ],
              [
                champ,
                t.int({
                  nullable: true,
                  deprecationReason: RAISON_MONTANT_CENTIMES,
                  resolve: (l) => centimesInt32(centimes(l)),
                }),
              ],
            ];
          }
          if (type === "date")
            return [[champ, t.field({ type: "Date", nullable: true, resolve: lecteur(champ, type, estDate) })]];
          return [[champ, t.string({ nullable: true, resolve: lecteur(champ, type, estTexte) })]];
        }),
      ),
  });
}

/** The GraphQL object of one block's row values. */
export type RefValeurs = ReturnType<typeof valeursDe>;

export const ValeursInformationsRef = valeursDe("INFORMATIONS", "ValeursInformations");
export const ValeursCoordonneesRef = valeursDe("COORDONNEES_BANCAIRES", "ValeursCoordonneesBancaires");
export const ValeursBeneficiaireRef = valeursDe("BENEFICIAIRES", "ValeursBeneficiaire");
export const ValeursAdministrateurRef = valeursDe("ADMINISTRATEURS", "ValeursAdministrateur");
export const ValeursPieceRef = valeursDe("PIECES", "ValeursPiece", { type: TypePieceEnum });
