import { csvTableur, texte, type Colonne } from "../export/tableur.js";
import { enPages, xlsxFlux } from "../export/xlsx-flux.js";
import {
  STATUTS_ADMIN_TECHNIQUE_LABELS,
  UTILITES_CERTIFICAT_LABELS,
  commentaireSchema,
  ouiNon,
  problemesDepuisZod,
  type StatutAdminTechnique,
  type UtiliteCertificat,
} from "@segur/shared";
import type { Context } from "../context.js";
import { ErreurEtat, ErreurValidation } from "../commun/erreurs.js";
import { prendreNumeros } from "../commun/compteur.js";
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

/**
 * The batch files' columns, for CSV and XLSX (docs/exports.md): Oui/Non, Editeur/Structure,
 * « DMP, INS »; every identifier (numéro éditeur, FINESS, CPX, phone) is text.
 */
export const COLONNES_LOT: readonly Colonne<LigneLot>[] = [
  texte("Numéro de dossier", (l) => l.numeroDossier, 18),
  texte("Numéro éditeur", (l) => l.numeroEditeur, 16),
  texte("FINESS juridique", (l) => l.finessJuridique, 16),
  texte("Contractualisation organisme de gestion", (l) => ouiNon(l.contractualisationOG)),
  texte("Statut administrateur", (l) =>
    l.statutAdminTechnique
      ? (STATUTS_ADMIN_TECHNIQUE_LABELS[l.statutAdminTechnique as StatutAdminTechnique] ?? l.statutAdminTechnique)
      : null,
  ),
  texte("Contractualisation éditeur", (l) => ouiNon(l.contractualisationEditeur)),
  texte("Numéro de carte CPX", (l) => l.numeroCarteCPX, 20),
  texte("Nom", (l) => l.nomAdminTechnique, 24),
  texte("Téléphone", (l) => l.telAdminTechnique, 20),
  texte("Email", (l) => l.emailAdminTechnique, 30),
  texte("Utilité certificat", (l) =>
    l.utiliteCertificat
      ? (UTILITES_CERTIFICAT_LABELS[l.utiliteCertificat.replace(",", "_") as UtiliteCertificat] ?? l.utiliteCertificat)
      : null,
  ),
];

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
    utiliteCertificat: a.utiliteCertificat
      ? (UTILITE_JSON[a.utiliteCertificat as UtiliteCertificat] ?? a.utiliteCertificat)
      : null,
  };
}

/** The batch as CSV (stored with the batch): UTF-8 with BOM, `;`, every cell neutralised. */
export function csvLot(lignes: readonly LigneLot[]): string {
  return csvTableur(COLONNES_LOT, lignes);
}

/** The batch as XLSX, built from its stored JSON at download, streamed. */
export function xlsxLot(lignes: readonly LigneLot[]): ReadableStream<Uint8Array> {
  return xlsxFlux("Certificats", COLONNES_LOT, enPages(lignes));
}

export function jsonLot(lignes: readonly LigneLot[]): string {
  return `${JSON.stringify(lignes, null, 2)}\n`;
}

/** The calendar day in France (batches are numbered per French day). */
export function jourFrance(d: Date): string {
  return new Intl.DateTimeFormat("fr-CA", {
    timeZone: "Europe/Paris",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  })
    .format(d)
    .replaceAll("-", "");
}

/** LOT-20261125-001, LOT-20261125-002… given the day's last batch number (or null). */
export function prochainNumeroLot(maintenant: Date, dernierDuJour: string | null): string {
  const prefixe = `LOT-${jourFrance(maintenant)}-`;
  const rang = dernierDuJour?.startsWith(prefixe) ? Number(dernierDuJour.slice(prefixe.length)) + 1 : 1;
  return `${prefixe}${String(rang).padStart(3, "0")}`;
}

/**
 * Certificate requests ready to send (SPEC §10): ordered, validated (so neither rejected nor
 * « à valider ») and not yet in a batch. A request changed after sending left its batch and
 * went back to « à valider » (brouillon), so only its new, validated version can go again.
 */
export const A_TRANSMETTRE = {
  demandeCertificatServeur: true,
  validation: "VALIDEE",
  lotTransmissionId: null,
} as const;

export function compterATransmettre(prisma: Tx): Promise<number> {
  return prisma.administrateurTechnique.count({ where: A_TRANSMETTRE });
}

/**
 * Creates the batch of every request ready to send, in one transaction: the batch with its
 * CSV and JSON, each request marked as sent. Nothing to send → LOT_VIDE and nothing created.
 *
 * The requests are claimed first, by one UPDATE with the A_TRANSMETTRE condition (no list of
 * ids, whatever their number: SQLite binds at most 999 parameters), then the files are built
 * from the requests that UPDATE claimed: a batch holds exactly what the database deemed ready.
 */
export async function creerLot(ctx: Context, input: { commentaire?: string | null }) {
  const acteur = ctx.acteur!;
  const lu = commentaireSchema.safeParse(input.commentaire);
  if (!lu.success) throw new ErreurValidation(problemesDepuisZod(lu.error, ["input", "commentaire"]));
  const commentaire = lu.data;
  return ctx.prisma.$transaction(async (tx) => {
    const maintenant = new Date();
    const prefixe = `LOT-${jourFrance(maintenant)}-`;
    const dernier = await tx.lotTransmission.findFirst({
      where: { numero: { startsWith: prefixe } },
      orderBy: { numero: "desc" },
      select: { numero: true },
    });
    // The day's counter (commun/compteur.ts): two instances creating a batch at once never share a number.
    const rang = await prendreNumeros(tx, prefixe, 1, dernier ? Number(dernier.numero.slice(prefixe.length)) || 0 : 0);
    // Files filled in below, once the requests are claimed (same transaction: never seen empty).
    const lot = await tx.lotTransmission.create({
      data: {
        numero: `${prefixe}${String(rang).padStart(3, "0")}`,
        creeLe: maintenant,
        auteur: acteur.nom,
        commentaire,
        nombre: 0,
        csv: "",
        json: "",
      },
    });
    const { count } = await tx.administrateurTechnique.updateMany({
      where: A_TRANSMETTRE,
      data: { lotTransmissionId: lot.id, transmisLe: maintenant },
    });
    // Throwing rolls the batch back too.
    if (!count)
      throw new ErreurEtat("LOT_VIDE", "Aucune demande de certificat validée à transmettre : aucun lot n'a été créé.");
    const rows = await tx.administrateurTechnique.findMany({
      where: { lotTransmissionId: lot.id },
      orderBy: [{ demande: { numero: "asc" } }, { ordre: "asc" }, { id: "asc" }],
    });
    // Their demandes by a subquery: an `include` would bind one parameter per demande.
    const demandes = new Map(
      (
        await tx.demande.findMany({
          where: { administrateurs: { some: { lotTransmissionId: lot.id } } },
          select: { id: true, numero: true, numeroEditeur: true },
        })
      ).map((d) => [d.id, d]),
    );
    const lignes = rows.map((a) => ligneLot({ ...a, demande: demandes.get(a.demandeId)! }));
    const complet = await tx.lotTransmission.update({
      where: { id: lot.id },
      data: { nombre: rows.length, csv: csvLot(lignes), json: jsonLot(lignes) },
    });
    await enregistrerEvenement(tx, {
      demandeId: null,
      type: "LOT_TRANSMISSION",
      auteur: auteurDe(acteur),
      motif: commentaire,
      details: {
        lot: lot.numero,
        nombre: rows.length,
        commentaire,
        certificats: lignes.map((l) => ({ demande: l.numeroDossier, finessJuridique: l.finessJuridique })),
      },
    });
    return complet;
  });
}
