import { commentaireSchema, formatDateHeureParis } from "@segur/shared";
import { z } from "zod";
import type {
  ChampsLigneTransmissionFragment,
  LotsTransmissionQuery,
  LotsTransmissionQueryVariables,
} from "~/gql/graphql";
import { type EtatPage, variablesPage } from "~/lib/pagination";

/*
 * Transmission of certificate orders (SPEC §7): the validated certificate requests not yet
 * sent go out as one batch (CSV, XLSX and JSON) for the health agency. The list of batches keeps its
 * page in the URL, like the demandes list (documents: graphql/transmissions.ts).
 */

export type Lot = LotsTransmissionQuery["lotsTransmission"]["edges"][number]["node"];

// ——— the list of batches (newest first, cursor pagination)

export const TAILLE_PAGE_LOTS = 20;

/** The batches list's page: generic cursor pagination (lib/pagination.ts). */
export type EtatLots = EtatPage;

export function variablesLots(etat: EtatLots, taille = TAILLE_PAGE_LOTS): LotsTransmissionQueryVariables {
  return variablesPage(etat, taille);
}

// ——— the creation form

/** Optional comment of the batch: the shared rule (trimmed, empty → null, 500 characters). */
export const lotFormulaireSchema = z.object({ commentaire: commentaireSchema });
export type LotFormulaire = z.input<typeof lotFormulaireSchema>;

// ——— texts

const FRANCAIS = "fr-FR";

function nombre(n: number): string {
  return n.toLocaleString(FRANCAIS);
}

/** « Aucune demande de certificat validée à transmettre », « 3 demandes de certificat validées à transmettre ». */
export function libelleATransmettre(n: number): string {
  if (n === 0) return "Aucune demande de certificat validée à transmettre";
  return n > 1
    ? `${nombre(n)} demandes de certificat validées à transmettre`
    : "1 demande de certificat validée à transmettre";
}

/** The confirmation: « 3 demandes seront marquées transmises ». */
export function libelleMarquees(n: number): string {
  return n > 1 ? `${nombre(n)} demandes seront marquées transmises` : `${nombre(n)} demande sera marquée transmise`;
}

/** « 1 demande », « 12 demandes ». */
export function libelleDemandes(n: number): string {
  return `${nombre(n)} demande${n > 1 ? "s" : ""}`;
}

/** The success message: « Lot LOT-20261125-001 créé : 3 demandes ». */
export function messageLotCree(lot: Pick<Lot, "numero" | "nombre"> & { nature?: Lot["nature"] }): string {
  return `Lot ${lot.nature === "CORRECTIF" ? "correctif " : ""}${lot.numero} créé : ${libelleDemandes(lot.nombre)}`;
}

/** Accessible name of a download link: « Télécharger le lot LOT-20261125-001 en CSV ». */
export function libelleTelechargement(numero: string, format: "CSV" | "XLSX" | "JSON"): string {
  return `Télécharger le lot ${numero} en ${format}`;
}

/** A batch's files, in the order they are offered: the spreadsheet ones first, JSON for machines. */
export function telechargementsLot(lot: Pick<Lot, "numero" | "urlCsv" | "urlXlsx" | "urlJson">) {
  return (["CSV", "XLSX", "JSON"] as const).map((format) => ({
    format,
    url: { CSV: lot.urlCsv, XLSX: lot.urlXlsx, JSON: lot.urlJson }[format],
    libelle: libelleTelechargement(lot.numero, format),
  }));
}

/** « Lots de transmission — 3 lots, page 1 sur 1 » (table caption and region name). */
export function legendeLots(total: number, page: number, pages: number): string {
  return `Lots de transmission — ${nombre(total)} lot${total > 1 ? "s" : ""}, page ${page} sur ${pages}, du plus récent au plus ancien`;
}

// ——— corrective batches and what the agency holds stale (SPEC §10)

export type NatureLot = "ORDINAIRE" | "CORRECTIF";
export type LigneTransmission = ChampsLigneTransmissionFragment;

/** « Transmise le 02/12/2026 (LOT-20261202-001) »: the day in Paris time. */
export function mentionTransmission(t: { lot: string; envoyeLe: string }): string {
  return `Transmise le ${formatDateHeureParis(t.envoyeLe).slice(0, 10)} (${t.lot})`;
}

/** « Aucune demande de certificat à corriger », « 2 demandes de certificat modifiées à renvoyer (lot correctif) ». */
export function libelleACorriger(n: number): string {
  if (n === 0) return "Aucune demande de certificat modifiée et validée à renvoyer";
  return n > 1
    ? `${nombre(n)} demandes de certificat modifiées et validées à renvoyer`
    : "1 demande de certificat modifiée et validée à renvoyer";
}

/** « 1 demande de certificat modifiée depuis sa transmission », « 3 … depuis leur transmission ». */
export function libelleModifiees(n: number): string {
  if (n === 0) return "Aucune demande de certificat modifiée depuis sa transmission";
  return n > 1
    ? `${nombre(n)} demandes de certificat modifiées depuis leur transmission`
    : "1 demande de certificat modifiée depuis sa transmission";
}

/** « 1 demande de certificat supprimée après sa transmission », plural likewise. */
export function libelleSupprimees(n: number): string {
  if (n === 0) return "Aucune demande de certificat supprimée après sa transmission";
  return n > 1
    ? `${nombre(n)} demandes de certificat supprimées après leur transmission`
    : "1 demande de certificat supprimée après sa transmission";
}

/** The confirmation of a corrective batch: « 2 demandes seront renvoyées ». */
export function libelleRenvoyees(n: number): string {
  return n > 1 ? `${nombre(n)} demandes seront renvoyées` : `${nombre(n)} demande sera renvoyée`;
}

/** « Lignes 1 à 10 sur 24 ». */
export function libelleTranche(decalage: number, taille: number, total: number): string {
  if (total === 0) return "Aucune ligne";
  return `Lignes ${nombre(decalage + 1)} à ${nombre(Math.min(decalage + taille, total))} sur ${nombre(total)}`;
}
