import { ETATS_COURRIEL_LABELS, formatDateHeureParis } from "@segur/shared";
import type { ChampsCourrielFragment } from "~/gql/graphql";
import type { TypeBadge } from "~/lib/demande";

/** What the Courriels block needs of an email; `derniereErreur` is null for a supplier. */
export type CourrielRemise = Pick<ChampsCourrielFragment, "etat" | "tentatives" | "derniereErreur" | "prochainEssaiLe">;

export interface RemiseCourriel {
  label: string;
  type: TypeBadge;
  /** The reason and attempts, in French; null when there is nothing to add. */
  detail: string | null;
}

const essais = (n: number) => `${n} essai${n > 1 ? "s" : ""}`;

/** The delivery badge of an email in the outbox: en attente / envoyé / échec, with why. */
export function remiseCourriel(c: CourrielRemise): RemiseCourriel {
  const label = ETATS_COURRIEL_LABELS[c.etat] ?? c.etat;
  const erreur = c.derniereErreur ? ` Dernière erreur : ${c.derniereErreur}` : "";
  if (c.etat === "ENVOYE") return { label, type: "success", detail: null };
  if (c.etat === "ECHEC") return { label, type: "error", detail: `Abandonné après ${essais(c.tentatives)}.${erreur}` };
  if (c.tentatives === 0) return { label, type: "info", detail: null };
  const prochain = c.prochainEssaiLe ? ` Nouvel essai le ${formatDateHeureParis(c.prochainEssaiLe)}.` : "";
  return { label, type: "warning", detail: `${essais(c.tentatives)} sans succès.${prochain}${erreur}` };
}
