import type { Role } from "@segur/shared";

/** Who is acting: a logged-in user (gestionnaire, auditeur) or a supplier's API key. */
export type Acteur =
  | {
      type: "UTILISATEUR";
      id: number;
      cle: string;
      nom: string;
      email: string;
      role: "GESTIONNAIRE" | "AUDITEUR";
      numeroEditeur: null;
    }
  | {
      type: "CLE_API";
      id: number;
      cle: string;
      nom: string;
      email: null;
      role: "FOURNISSEUR";
      numeroEditeur: string;
      lectureSeule: boolean;
    };

/** A supplier's key that may only read. */
export const enLectureSeule = (a: Acteur | null): boolean => a?.type === "CLE_API" && a.lectureSeule;

export const estGestionnaire = (a: Acteur | null): boolean => a?.role === "GESTIONNAIRE";
export const estFournisseur = (a: Acteur | null): a is Extract<Acteur, { role: "FOURNISSEUR" }> =>
  a?.role === "FOURNISSEUR";

export function roleDe(a: Acteur): Role {
  return a.role;
}

/** Prisma filter that restricts demandes to what the actor may see. */
export function perimetreDemandes(a: Acteur | null): { numeroEditeur?: string; id?: number } {
  if (!a) return { id: -1 };
  return a.role === "FOURNISSEUR" ? { numeroEditeur: a.numeroEditeur } : {};
}
