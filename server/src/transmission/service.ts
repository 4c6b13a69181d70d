import { csvTableur } from "../export/tableur.js";
import {
  STATUTS_ADMIN_TECHNIQUE_LABELS, UTILITES_CERTIFICAT_LABELS, commentaireSchema, ouiNon, problemesDepuisZod,
  type StatutAdminTechnique, type UtiliteCertificat,
} from "@segur/shared";
import type { Context } from "../context.js";
import { ErreurEtat, ErreurValidation } from "../commun/erreurs.js";
import { auteurDe, enregistrerEvenement, type Tx } from "../historique/service.js";

/*
 * Transmission of certificate orders to the health agency (SPEC §7): the validated certificate
 * requests not yet sent go out as one batch (CSV and JSON); each request records its batch, so
 * none is ever sent twice.
 */

/** One certificate request of a batch; keys in the import format's French camelCase. */
export interface LigneLot {
  numeroDossier: string;
  numeroEditeur: string;
  finessJuridique: string;
  contractualisationOG: boolean | null;
  statutAdminTechnique: string | null;
  contractualisationEditeur: boolean | null;
  numeroCarteCPX: string | null;
  nomAdminTechnique: string | null;
  telAdminTechnique: string | null;
  emailAdminTechnique: string | null;
  /** As in the import format: DMP, INS or DMP,INS. */
  utiliteCertificat: string | null;
}

export const COLONNES_LOT = [
  "Numéro de dossier", "Numéro éditeur", "FINESS juridique", "Contractualisation organisme de gestion", "Statut administrateur",
  "Contractualisation éditeur", "Numéro de carte CPX", "Nom", "Téléphone", "Email", "Utilité certificat",
] as const;

type AdministrateurALot = {
  finessJuridique: string;
  contractualisationOG: boolean | null;
  statutAdminTechnique: string | null;
  contractualisationEditeur: boolean | null;
  numeroCarteCPX: string | null;
  nomAdminTechnique: string | null;
  telAdminTechnique: string | null;
  emailAdminTechnique: string | null;
  utiliteCertificat: string | null;
  demande: { numero: string; numeroEditeur: string };
};

const UTILITE_JSON: Record<UtiliteCertificat, string> = { DMP: "DMP", INS: "INS", DMP_INS: "DMP,INS" };

export function ligneLot(a: AdministrateurALot): LigneLot {
  return {
    numeroDossier: a.demande.numero,
    numeroEditeur: a.demande.numeroEditeur,
    finessJuridique: a.finessJuridique,
    contractualisationOG: a.contractualisationOG,
    statutAdminTechnique: a.statutAdminTechnique,
    contractualisationEditeur: a.contractualisationEditeur,
    numeroCarteCPX: a.numeroCarteCPX,
    nomAdminTechnique: a.nomAdminTechnique,
    telAdminTechnique: a.telAdminTechnique,
    emailAdminTechnique: a.emailAdminTechnique,
    utiliteCertificat: a.utiliteCertificat ? (UTILITE_JSON[a.utiliteCertificat as UtiliteCertificat] ?? a.utiliteCertificat) : null,
  };
}

/** CSV for a French spreadsheet: UTF-8 with BOM, `;`, Oui/Non, Editeur/Structure, « DMP, INS ». */
export function csvLot(lignes: readonly LigneLot[]): string {
  return csvTableur(
    COLONNES_LOT,
    lignes.map((l) => [
      l.numeroDossier, l.numeroEditeur, l.finessJuridique, ouiNon(l.contractualisationOG),
      l.statutAdminTechnique ? (STATUTS_ADMIN_TECHNIQUE_LABELS[l.statutAdminTechnique as StatutAdminTechnique] ?? l.statutAdminTechnique) : "",
      ouiNon(l.contractualisationEditeur), l.numeroCarteCPX ?? "", l.nomAdminTechnique ?? "", l.telAdminTechnique ?? "", l.emailAdminTechnique ?? "",
      l.utiliteCertificat ? (UTILITES_CERTIFICAT_LABELS[l.utiliteCertificat.replace(",", "_") as UtiliteCertificat] ?? l.utiliteCertificat) : "",
    ]),
  );
}

export function jsonLot(lignes: readonly LigneLot[]): string {
  return `${JSON.stringify(lignes, null, 2)}\n`;
}

/** The calendar day in France (batches are numbered per French day). */
export function jourFrance(d: Date): string {
  return new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(d).replaceAll("-", "");
}

/** LOT-20261125-001, LOT-20261125-002… given the day's last batch number (or null). */
export function prochainNumeroLot(maintenant: Date, dernierDuJour: string | null): string {
  const prefixe = `LOT-${jourFrance(maintenant)}-`;
  const rang = dernierDuJour?.startsWith(prefixe) ? Number(dernierDuJour.slice(prefixe.length)) + 1 : 1;
  return `${prefixe}${String(rang).padStart(3, "0")}`;
}

/** Certificate requests ready to send: validated and not yet in a batch. */
export const A_TRANSMETTRE = { demandeCertificatServeur: true, validation: "VALIDEE", lotTransmissionId: null } as const;

export function compterATransmettre(prisma: Tx): Promise<number> {
  return prisma.administrateurTechnique.count({ where: A_TRANSMETTRE });
}

/**
 * Creates the batch of every request ready to send, in one transaction: the batch with its
 * CSV and JSON, each request marked as sent. Nothing to send → LOT_VIDE and nothing created.
 */
export async function creerLot(ctx: Context, input: { commentaire?: string | null }) {
  const acteur = ctx.acteur!;
  const lu = commentaireSchema.safeParse(input.commentaire);
  if (!lu.success) throw new ErreurValidation(problemesDepuisZod(lu.error, ["input", "commentaire"]));
  const commentaire = lu.data;
  return ctx.prisma.$transaction(async (tx) => {
    const rows = await tx.administrateurTechnique.findMany({
      where: A_TRANSMETTRE,
      orderBy: [{ demande: { numero: "asc" } }, { ordre: "asc" }, { id: "asc" }],
      include: { demande: { select: { numero: true, numeroEditeur: true } } },
    });
    if (!rows.length) throw new ErreurEtat("LOT_VIDE", "Aucune demande de certificat validée à transmettre : aucun lot n'a été créé.");
    const maintenant = new Date();
    const dernier = await tx.lotTransmission.findFirst({
      where: { numero: { startsWith: `LOT-${jourFrance(maintenant)}-` } }, orderBy: { numero: "desc" }, select: { numero: true },
    });
    const lignes = rows.map(ligneLot);
    const lot = await tx.lotTransmission.create({
      data: { numero: prochainNumeroLot(maintenant, dernier?.numero ?? null), creeLe: maintenant, auteur: acteur.nom, commentaire, nombre: rows.length, csv: csvLot(lignes), json: jsonLot(lignes) },
    });
    // The `lotTransmissionId: null` condition makes a request join one batch only, even under concurrency.
    const { count } = await tx.administrateurTechnique.updateMany({
      where: { id: { in: rows.map((r) => r.id) }, lotTransmissionId: null },
      data: { lotTransmissionId: lot.id, transmisLe: maintenant },
    });
    if (count !== rows.length) throw new ErreurEtat("LOT_CONCURRENT", "Un autre lot vient d'être créé en même temps : recommencez.");
    await enregistrerEvenement(tx, {
      demandeId: null, type: "LOT_TRANSMISSION", auteur: auteurDe(acteur), motif: commentaire,
      details: { lot: lot.numero, nombre: rows.length, commentaire, certificats: lignes.map((l) => ({ demande: l.numeroDossier, finessJuridique: l.finessJuridique })) },
    });
    return lot;
  });
}
