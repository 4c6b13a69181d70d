import { commentaireSchema } from "@segur/shared";
import { z } from "zod";
import type { LotsTransmissionQuery, LotsTransmissionQueryVariables } from "~/gql/graphql";
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
export function messageLotCree(lot: Pick<Lot, "numero" | "nombre">): string {
  return `Lot ${lot.numero} créé : ${libelleDemandes(lot.nombre)}`;
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
