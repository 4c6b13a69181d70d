import { GraphQLError } from "graphql";
import type { Prisma } from "@segur/prisma";
import type { Acteur } from "../auth/acteur.js";

/** `suiviPar` of the list's filter: « Mes demandes », « Non suivies », or a gestionnaire's id. */
export const SUIVI_MOI = "MOI";
export const SUIVI_PERSONNE = "PERSONNE";

function refus(code: string, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, argument: "filtre.suiviPar", path: ["filtre", "suiviPar"] },
  });
}

/**
 * `MOI` → followed by the actor, `PERSONNE` → followed by nobody, `12` → by user 12. Agency staff
 * only: a supplier does not see who follows its demandes, so it may not filter on it either.
 */
export function filtreSuiviPar(valeur: string, acteur: Acteur | null): Prisma.DemandeWhereInput {
  if (acteur?.type !== "UTILISATEUR")
    throw refus("INTERDIT", "Filtre « suiviPar » : réservé aux agents de l'agence (gestionnaires, auditeurs).");
  const v = valeur.trim().toUpperCase();
  if (v === SUIVI_MOI) return { suiviParId: acteur.id };
  if (v === SUIVI_PERSONNE) return { suiviParId: null };
  if (/^[1-9][0-9]{0,9}$/.test(v) && Number(v) <= 2_147_483_647) return { suiviParId: Number(v) };
  throw refus(
    "VALEUR",
    "Filtre « suiviPar » : valeur inconnue, valeurs possibles : MOI, PERSONNE ou l'identifiant d'un gestionnaire.",
  );
}
