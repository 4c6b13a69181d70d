import type { GenericFieldRef } from "@pothos/core";
import { builder } from "../builder.js";
import { RAISON_MONTANT_CENTIMES, StatutAdminTechniqueEnum, TypePieceEnum, UtiliteCertificatEnum, centimesInt32 } from "../commun/types.js";
import { CHAMPS_VERSIONNES, depuisTexte, type BlocVersionne, type Ligne } from "./champs.js";

const ENUMS: Record<string, unknown> = {
  statutAdminTechnique: StatutAdminTechniqueEnum,
  utiliteCertificat: UtiliteCertificatEnum,
};

/** GraphQL object of a block's row values (drafts' previews, past versions), typed from CHAMPS_VERSIONNES. */
function valeursDe(bloc: BlocVersionne, name: string, enums: Record<string, unknown> = ENUMS) {
  return builder.objectRef<Ligne>(name).implement({
    fields: (t) =>
      Object.fromEntries(
        Object.entries(CHAMPS_VERSIONNES[bloc]).flatMap(([champ, type]): [string, GenericFieldRef<unknown>][] => {
          const resolve = (l: Ligne) => depuisTexte(type, l[champ] ?? null) as never;
          const enumRef = enums[champ];
          if (enumRef) return [[champ, t.field({ type: enumRef as never, nullable: true, resolve })]];
          if (type === "booleen") return [[champ, t.boolean({ nullable: true, resolve })]];
          if (type === "entier") return [[champ, t.int({ nullable: true, resolve })]];
          if (type === "centimes") {
            // montantCentimes → montant (exact) + the deprecated 32-bit field, null when too large.
            const centimes = (l: Ligne) => depuisTexte(type, l[champ] ?? null) as bigint | null;
            return [
              [champ.replace(/Centimes$/, ""), t.field({ type: "Montant", nullable: true, description: "Montant Ségur déclaré, ex. « 2920.00 ».", resolve: centimes })],
              [champ, t.int({ nullable: true, deprecationReason: RAISON_MONTANT_CENTIMES, resolve: (l) => centimesInt32(centimes(l)) })],
            ];
          }
          if (type === "date") return [[champ, t.field({ type: "Date", nullable: true, resolve })]];
          return [[champ, t.string({ nullable: true, resolve })]];
        }),
      ),
  });
}

export const ValeursInformationsRef = valeursDe("INFORMATIONS", "ValeursInformations");
export const ValeursCoordonneesRef = valeursDe("COORDONNEES_BANCAIRES", "ValeursCoordonneesBancaires");
export const ValeursBeneficiaireRef = valeursDe("BENEFICIAIRES", "ValeursBeneficiaire");
export const ValeursAdministrateurRef = valeursDe("ADMINISTRATEURS", "ValeursAdministrateur");
export const ValeursPieceRef = valeursDe("PIECES", "ValeursPiece", { type: TypePieceEnum });
