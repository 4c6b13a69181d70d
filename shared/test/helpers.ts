import type { AdministrateurValeurs } from "../src/index.js";

/** A complete administrateur that satisfies every rule (CPX given). */
export function adminValide(
  surcharge: Partial<Record<keyof AdministrateurValeurs, unknown>> = {},
): Record<string, unknown> {
  return {
    finessJuridique: "330058066",
    contractualisationOG: true,
    statutAdminTechnique: "E",
    contractualisationEditeur: true,
    numeroCarteCPX: "8001234567",
    nomAdminTechnique: "STU",
    telAdminTechnique: "0603334174",
    emailAdminTechnique: "a.st@mail.com",
    utiliteCertificat: "DMP",
    ...surcharge,
  };
}
