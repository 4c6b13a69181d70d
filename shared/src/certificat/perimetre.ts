import { COULOIRS_CERTIFICAT } from "../enums.js";

/** Default first filing date of the certificate feature; servers read it from configuration. */
export const DATE_DEBUT_CERTIFICAT_DEFAUT = "2023-09-21";

/** Configuration value (yyyy-mm-dd, or empty for the default) → UTC-midnight date. */
export function lireDateDebutCertificat(valeur?: string | null): Date {
  const texte = valeur && valeur.trim() !== "" ? valeur.trim() : DATE_DEBUT_CERTIFICAT_DEFAUT;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(texte) ? `${texte}T00:00:00Z` : texte);
  if (Number.isNaN(d.getTime())) throw new Error(`Date de début des certificats invalide : ${texte}`);
  return d;
}

export interface DemandePerimetre {
  type: string;
  couloir: string;
  dateDepot: Date;
  /** Time of the latest confirmed modification, if any. */
  derniereModification?: Date | null;
}

/** Which demandes may carry the certificate block at all: the AVANCE of a couloir MS1/MS2 (SPEC §3.1). */
export function couloirCertificat(d: Pick<DemandePerimetre, "type" | "couloir">): boolean {
  return d.type === "AVANCE" && COULOIRS_CERTIFICAT.includes(d.couloir);
}

/**
 * SPEC §3.1: AVANCE of couloir MS1/MS2, filed on or after dateDebut — or filed before but
 * modified (confirmed) on or after it.
 */
export function perimetreCertificat(d: DemandePerimetre, dateDebut: Date): boolean {
  if (!couloirCertificat(d)) return false;
  const debut = dateDebut.getTime();
  if (d.dateDepot.getTime() >= debut) return true;
  return d.derniereModification != null && d.derniereModification.getTime() >= debut;
}
