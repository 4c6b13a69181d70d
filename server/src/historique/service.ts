import type { Db } from "@segur/prisma";
import type { Acteur } from "../auth/acteur.js";
import { CLE_COORDONNEES, CLE_INFORMATIONS, etatVide, ligneDepuis, type Etat } from "./champs.js";
import { rejouer, type Changement, type ChangementStocke } from "./changements.js";
import { HASH_INITIAL, hashEvenement, hashVersion } from "./chaine.js";

/** A Prisma client or an interactive transaction: services run inside the caller's transaction. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export interface Auteur {
  nom: string;
  cle: string;
  role: string;
}
export const auteurDe = (a: Acteur): Auteur => ({ nom: a.nom, cle: a.cle, role: a.role });
export const AUTEUR_SYSTEME: Auteur = { nom: "Système", cle: "SYSTEME", role: "SYSTEME" };

/** The demande's current versioned state, read from its tables. */
export async function etatActuel(tx: Tx, demandeId: number): Promise<Etat> {
  const d = await tx.demande.findUniqueOrThrow({
    where: { id: demandeId },
    include: {
      coordonneesBancaires: true,
      beneficiaires: true,
      administrateurs: { where: { demandeCertificatServeur: true } },
      pieces: { select: { cle: true, nomFichier: true, type: true, taille: true, sha256: true } },
    },
  });
  const etat = etatVide();
  etat.INFORMATIONS.set(CLE_INFORMATIONS, ligneDepuis("INFORMATIONS", d));
  if (d.coordonneesBancaires) etat.COORDONNEES_BANCAIRES.set(CLE_COORDONNEES, ligneDepuis("COORDONNEES_BANCAIRES", d.coordonneesBancaires));
  for (const b of d.beneficiaires) etat.BENEFICIAIRES.set(b.cle, ligneDepuis("BENEFICIAIRES", b));
  for (const a of d.administrateurs) etat.ADMINISTRATEURS.set(a.finessJuridique, ligneDepuis("ADMINISTRATEURS", a));
  for (const p of d.pieces) etat.PIECES.set(p.cle, ligneDepuis("PIECES", p));
  return etat;
}

/** Appends version n+1 with its field changes, hash-chained to version n. */
export async function enregistrerVersion(
  tx: Tx,
  args: { demandeId: number; demandeNumero: string; numero: number; auteur: Auteur; commentaire: string | null; changements: Changement[] },
) {
  const prev = await tx.version.findFirst({ where: { demandeId: args.demandeId }, orderBy: { numero: "desc" }, select: { hash: true } });
  const hashPrecedent = prev?.hash ?? HASH_INITIAL;
  const creeLe = new Date();
  const hash = hashVersion(hashPrecedent, {
    demandeNumero: args.demandeNumero, numero: args.numero, auteur: args.auteur.nom, acteur: args.auteur.cle, role: args.auteur.role,
    creeLe, commentaire: args.commentaire, changements: args.changements,
  });
  return tx.version.create({
    data: {
      demandeId: args.demandeId, numero: args.numero, auteur: args.auteur.nom, acteur: args.auteur.cle, role: args.auteur.role, creeLe,
      commentaire: args.commentaire, hashPrecedent, hash,
      changements: { create: args.changements.map((c, ordre) => ({ ordre, ...c })) },
    },
  });
}

export type TypeEvenement =
  | "IMPORT" | "VERSION" | "LIGNE_VALIDEE" | "LIGNE_REJETEE" | "BLOC_VALIDE" | "REJET_LEVE" | "BLOC_VERROUILLE" | "BLOC_DEVERROUILLE"
  | "STATUT_MODIFIE" | "COURRIEL_ENVOYE" | "COURRIEL_ECHEC" | "COURRIEL_RELANCE" | "LOT_TRANSMISSION" | "CONNEXION_LIMITEE";

/** Appends an audit event, hash-chained per demande (or globally for events without demande). */
export async function enregistrerEvenement(
  tx: Tx,
  args: { demandeId: number | null; type: TypeEvenement; auteur: Auteur; bloc?: string | null; cle?: string | null; motif?: string | null; details?: unknown },
) {
  const prev = await tx.evenementAudit.findFirst({ where: { demandeId: args.demandeId }, orderBy: { id: "desc" }, select: { hash: true } });
  const hashPrecedent = prev?.hash ?? HASH_INITIAL;
  const e = {
    demandeId: args.demandeId, type: args.type, auteur: args.auteur.nom, acteur: args.auteur.cle, role: args.auteur.role, creeLe: new Date(),
    bloc: args.bloc ?? null, cle: args.cle ?? null, motif: args.motif ?? null, details: JSON.stringify(args.details ?? {}),
  };
  // Any event changes what a supplier's portal must re-read (filter modifieeDepuis).
  if (args.demandeId !== null) await tx.demande.update({ where: { id: args.demandeId }, data: { majLe: e.creeLe } });
  return tx.evenementAudit.create({ data: { ...e, hashPrecedent, hash: hashEvenement(hashPrecedent, e) } });
}

/** The demande as it was right after version k (replaying versions 1..k). */
export async function etatALaVersion(prisma: Tx, demandeId: number, k: number): Promise<Etat> {
  return rejouer([...(await changementsDesVersions(prisma, demandeId, k)).values()].map((changements) => ({ changements })));
}

/**
 * Changes of a demande's versions 1..k by version id, in version order: one query filtered
 * through the version (a join), never a Prisma include binding one parameter per version.
 */
async function changementsDesVersions(prisma: Tx, demandeId: number, k?: number): Promise<Map<number, ChangementStocke[]>> {
  const rows = await prisma.changementVersion.findMany({
    where: { version: { demandeId, ...(k === undefined ? {} : { numero: { lte: k } }) } },
    orderBy: [{ version: { numero: "asc" } }, { ordre: "asc" }],
    select: { versionId: true, bloc: true, cle: true, nature: true, champ: true, ancienneValeur: true, nouvelleValeur: true },
  });
  const parVersion = new Map<number, ChangementStocke[]>();
  for (const { versionId, ...c } of rows) {
    const liste = parVersion.get(versionId) ?? [];
    liste.push(c);
    parVersion.set(versionId, liste);
  }
  return parVersion;
}

export interface RuptureChaine {
  demande: string | null;
  nature: "VERSION" | "EVENEMENT";
  numero: number;
  raison: string;
}

/** Recomputes every hash: reports any stored version, change or event that was altered. */
export async function verifierChaines(prisma: Db): Promise<{ versions: number; evenements: number; ruptures: RuptureChaine[] }> {
  const ruptures: RuptureChaine[] = [];
  let nbVersions = 0;
  let nbEvenements = 0;
  const demandes = await prisma.demande.findMany({ select: { id: true, numero: true }, orderBy: { id: "asc" } });
  for (const d of [...demandes, { id: null, numero: null }]) {
    if (d.id !== null) {
      const versions = await prisma.version.findMany({ where: { demandeId: d.id }, orderBy: { numero: "asc" } });
      const changements = await changementsDesVersions(prisma, d.id);
      let prev = HASH_INITIAL;
      for (const v of versions) {
        nbVersions++;
        const attendu = hashVersion(prev, {
          demandeNumero: d.numero!, numero: v.numero, auteur: v.auteur, acteur: v.acteur, role: v.role, creeLe: v.creeLe, commentaire: v.commentaire,
          changements: changements.get(v.id) ?? [],
        });
        if (v.hashPrecedent !== prev) ruptures.push({ demande: d.numero, nature: "VERSION", numero: v.numero, raison: "maillon précédent différent" });
        if (v.hash !== attendu) ruptures.push({ demande: d.numero, nature: "VERSION", numero: v.numero, raison: "contenu modifié" });
        prev = v.hash;
      }
    }
    const evenements = await prisma.evenementAudit.findMany({ where: { demandeId: d.id }, orderBy: { id: "asc" } });
    let prev = HASH_INITIAL;
    for (const e of evenements) {
      nbEvenements++;
      if (e.hashPrecedent !== prev) ruptures.push({ demande: d.numero, nature: "EVENEMENT", numero: e.id, raison: "maillon précédent différent" });
      if (e.hash !== hashEvenement(prev, e)) ruptures.push({ demande: d.numero, nature: "EVENEMENT", numero: e.id, raison: "contenu modifié" });
      prev = e.hash;
    }
  }
  return { versions: nbVersions, evenements: nbEvenements, ruptures };
}
