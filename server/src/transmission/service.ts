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
import type { Prisma } from "@segur/prisma";
import type { Context } from "../context.js";
import { ErreurEtat, ErreurValidation } from "../commun/erreurs.js";
import { prendreNumeros } from "../commun/compteur.js";
import { auteurDe, enregistrerEvenement, type Tx } from "../historique/service.js";
import { enregistrerEnvois, enregistrerEvenementsDemandes } from "./envois.js";

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

/** ORDINAIRE: requests never sent; CORRECTIF: requests changed since their last sending, resent (SPEC §10). */
export const NATURES_LOT = ["ORDINAIRE", "CORRECTIF"] as const;
export type NatureLot = (typeof NATURES_LOT)[number];

/**
 * A request changed since its transmission: it has a last sending (dernierEnvoiId), but the change
 * took it out of that batch (brouillon/application.ts resets lotTransmissionId) and back to « à valider ».
 */
export const MODIFIEE_DEPUIS_TRANSMISSION = {
  demandeCertificatServeur: true,
  lotTransmissionId: null,
  dernierEnvoiId: { not: null },
} as const satisfies Prisma.AdministrateurTechniqueWhereInput;

/** The list's filter « modifiée depuis la transmission » (or not): a where on Demande, translated to SQL by commun/where-sql.ts. */
export function filtreModifieeDepuisTransmission(oui: boolean): Prisma.DemandeWhereInput {
  return { administrateurs: oui ? { some: MODIFIEE_DEPUIS_TRANSMISSION } : { none: MODIFIEE_DEPUIS_TRANSMISSION } };
}

/**
 * Certificate requests a batch of this nature takes (SPEC §10): ordered, validated (so neither
 * rejected nor « à valider ») and not in a batch; never sent (ORDINAIRE) or changed since their
 * last sending and validated again (CORRECTIF). The preview and the creation both use it.
 */
export function selectionLot(nature: NatureLot) {
  return {
    demandeCertificatServeur: true,
    validation: "VALIDEE",
    lotTransmissionId: null,
    dernierEnvoiId: nature === "CORRECTIF" ? { not: null } : null,
  } as const satisfies Prisma.AdministrateurTechniqueWhereInput;
}

/** A batch's order: by numéro de dossier, then the block's order. */
const ORDRE_LOT = [
  { demande: { numero: "asc" } },
  { ordre: "asc" },
  { id: "asc" },
] as const satisfies Prisma.AdministrateurTechniqueOrderByWithRelationInput[];

export function compterATransmettre(prisma: Tx, nature: NatureLot = "ORDINAIRE"): Promise<number> {
  return prisma.administrateurTechnique.count({ where: selectionLot(nature) });
}

/** One request as the Transmissions screen lists it (preview, changed or deleted since sent). */
export interface LigneTransmission {
  numeroDossier: string;
  finessJuridique: string;
  nomAdminTechnique: string | null;
  validation: string | null;
  /** Its last sending, if any. */
  lot: string | null;
  envoyeLe: Date | null;
}

const SELECT_LIGNE = {
  finessJuridique: true,
  nomAdminTechnique: true,
  validation: true,
  demande: { select: { numero: true } },
  dernierEnvoi: { select: { envoyeLe: true, lot: { select: { numero: true } } } },
} as const satisfies Prisma.AdministrateurTechniqueSelect;

const ligneDe = (a: {
  finessJuridique: string;
  nomAdminTechnique: string | null;
  validation: string;
  demande: { numero: string };
  dernierEnvoi: { envoyeLe: Date; lot: { numero: string } } | null;
}): LigneTransmission => ({
  numeroDossier: a.demande.numero,
  finessJuridique: a.finessJuridique,
  nomAdminTechnique: a.nomAdminTechnique,
  validation: a.validation,
  lot: a.dernierEnvoi?.lot.numero ?? null,
  envoyeLe: a.dernierEnvoi?.envoyeLe ?? null,
});

export interface Tranche {
  premiers: number;
  decalage: number;
}
/** A page of at most 100 lines and the total. */
export interface PageLignes {
  total: number;
  lignes: LigneTransmission[];
}
const borne = ({ premiers, decalage }: Tranche) => ({
  take: Math.min(Math.max(premiers, 0), 100),
  skip: Math.max(decalage, 0),
});

/** What a batch of this nature would hold now, in its order: the creation's own selection. */
export async function apercuLot(prisma: Tx, nature: NatureLot, tranche: Tranche): Promise<PageLignes> {
  const where = selectionLot(nature);
  const [total, lignes] = await Promise.all([
    prisma.administrateurTechnique.count({ where }),
    prisma.administrateurTechnique.findMany({ where, orderBy: ORDRE_LOT, ...borne(tranche), select: SELECT_LIGNE }),
  ]);
  return { total, lignes: lignes.map(ligneDe) };
}

/** Requests changed since their transmission (validated again or not), oldest sending first. */
export async function lignesModifiees(prisma: Tx, tranche: Tranche): Promise<PageLignes> {
  const where = MODIFIEE_DEPUIS_TRANSMISSION;
  const [total, lignes] = await Promise.all([
    prisma.administrateurTechnique.count({ where }),
    prisma.administrateurTechnique.findMany({ where, orderBy: ORDRE_LOT, ...borne(tranche), select: SELECT_LIGNE }),
  ]);
  return { total, lignes: lignes.map(ligneDe) };
}

/**
 * Requests deleted after their transmission: a request's last sending (none after it) that no
 * row holds any more. A row deleted then added again is a new request (next ordinary batch);
 * until it is sent, its former sending is listed here.
 */
export async function lignesSupprimees(prisma: Tx, tranche: Tranche): Promise<PageLignes> {
  const where = {
    administrateurs: { none: {} },
    envoisSuivants: { none: {} },
  } satisfies Prisma.EnvoiCertificatWhereInput;
  const [total, envois] = await Promise.all([
    prisma.envoiCertificat.count({ where }),
    prisma.envoiCertificat.findMany({
      where,
      orderBy: [{ demande: { numero: "asc" } }, { finessJuridique: "asc" }],
      ...borne(tranche),
      select: {
        finessJuridique: true,
        envoyeLe: true,
        demande: { select: { numero: true } },
        lot: { select: { numero: true } },
      },
    }),
  ]);
  return {
    total,
    lignes: envois.map((e) => ({
      numeroDossier: e.demande.numero,
      finessJuridique: e.finessJuridique,
      nomAdminTechnique: null,
      validation: null,
      lot: e.lot.numero,
      envoyeLe: e.envoyeLe,
    })),
  };
}

/**
 * Creates the batch of every request its nature takes, in one transaction: the batch with its
 * CSV and JSON, each request marked as sent and its sending recorded (EnvoiCertificat: the
 * demande's version, the previous sending), one event per demande sent and one for the batch.
 * Nothing to send → LOT_VIDE / LOT_CORRECTIF_VIDE and nothing created.
 *
 * The requests are claimed first, by one UPDATE with the selection's condition (no list of ids,
 * whatever their number: SQLite binds at most 999 parameters), then the files are built from the
 * requests that UPDATE claimed: a batch holds exactly what the database deemed ready.
 */
export async function creerLot(ctx: Context, input: { commentaire?: string | null; nature?: NatureLot | null }) {
  const acteur = ctx.acteur!;
  const nature = input.nature ?? "ORDINAIRE";
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
        nature,
        nombre: 0,
        csv: "",
        json: "",
      },
    });
    const { count } = await tx.administrateurTechnique.updateMany({
      where: selectionLot(nature),
      data: { lotTransmissionId: lot.id, transmisLe: maintenant },
    });
    // Throwing rolls the batch back too.
    if (!count)
      throw nature === "CORRECTIF"
        ? new ErreurEtat(
            "LOT_CORRECTIF_VIDE",
            "Aucune demande de certificat modifiée depuis sa transmission et validée à nouveau : aucun lot correctif n'a été créé.",
            ["input", "nature"],
          )
        : new ErreurEtat("LOT_VIDE", "Aucune demande de certificat validée à transmettre : aucun lot n'a été créé.");
    await enregistrerEnvois(tx, lot.id);
    const rows = await tx.administrateurTechnique.findMany({
      where: { lotTransmissionId: lot.id },
      orderBy: ORDRE_LOT,
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
    const auteur = auteurDe(acteur);
    // The demande's Historique says « Transmise (LOT-…) » with its requests, in the batch's order.
    await enregistrerEvenementsDemandes(tx, lot.id, auteur, rows, { lot: lot.numero, nature });
    await enregistrerEvenement(tx, {
      demandeId: null,
      type: "LOT_TRANSMISSION",
      auteur,
      motif: commentaire,
      details: {
        lot: lot.numero,
        nature,
        nombre: rows.length,
        commentaire,
        certificats: lignes.map((l) => ({ demande: l.numeroDossier, finessJuridique: l.finessJuridique })),
      },
    });
    return complet;
  });
}
