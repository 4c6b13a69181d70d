import { REGISTRE_BLOCS, normaliserRecherche } from "@segur/shared";
import { dialecte, type Db } from "@segur/prisma";
import type { Acteur } from "../auth/acteur.js";
import { etatDepuisLignes, etatVide, pourBlocsACle, type Etat } from "./champs.js";
import { parRelationACle } from "../demande/blocs.js";
import { rejouer, type Changement, type ChangementStocke } from "./changements.js";
import { HASH_INITIAL, hashEvenement, hashVersion } from "./chaine.js";
import { insererParJson } from "../commun/insertion-en-masse.js";
import { deserialiserEtat, serialiserEtat, serialiserEtatCompact, versionAvecInstantane } from "./instantanes.js";
import { changementsStockesOuDerives } from "./version-initiale.js";

/** A Prisma client or an interactive transaction: services run inside the caller's transaction. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export interface Auteur {
  nom: string;
  cle: string;
  role: string;
}
export const auteurDe = (a: Acteur): Auteur => ({ nom: a.nom, cle: a.cle, role: a.role });
export const AUTEUR_SYSTEME: Auteur = { nom: "Système", cle: "SYSTEME", role: "SYSTEME" };

/** Prisma's `select` of these columns. */
const selection = <C extends string>(colonnes: readonly C[]) =>
  Object.fromEntries(colonnes.map((c) => [c, true])) as Record<C, true>;

/** The demande's current versioned state, read from its tables (one read, the versioned columns of row blocks). */
export async function etatActuel(tx: Tx, demandeId: number): Promise<Etat> {
  const d = await tx.demande.findUniqueOrThrow({
    where: { id: demandeId },
    include: {
      coordonneesBancaires: true,
      administrateurs: { where: { demandeCertificatServeur: true } },
      // Keyed row blocks: their key and versioned fields only (never a pièce's file).
      ...parRelationACle((b) => ({ select: { cle: true, ...selection(REGISTRE_BLOCS[b].champsVersionnes) } })),
    },
  });
  return etatDepuisLignes({
    ...pourBlocsACle((b): Iterable<Record<string, unknown>> => d[REGISTRE_BLOCS[b].relation]),
    INFORMATIONS: [d],
    COORDONNEES_BANCAIRES: d.coordonneesBancaires ? [d.coordonneesBancaires] : [],
    ADMINISTRATEURS: d.administrateurs,
  });
}

/** Appends version n+1 with its field changes, hash-chained to version n. */
export async function enregistrerVersion(
  tx: Tx,
  args: {
    demandeId: number;
    demandeNumero: string;
    numero: number;
    auteur: Auteur;
    commentaire: string | null;
    changements: Changement[];
  },
) {
  const prev = await tx.version.findFirst({
    where: { demandeId: args.demandeId },
    orderBy: { numero: "desc" },
    select: { hash: true },
  });
  const hashPrecedent = prev?.hash ?? HASH_INITIAL;
  const creeLe = new Date();
  const hash = hashVersion(hashPrecedent, {
    demandeNumero: args.demandeNumero,
    numero: args.numero,
    auteur: args.auteur.nom,
    acteur: args.auteur.cle,
    role: args.auteur.role,
    creeLe,
    commentaire: args.commentaire,
    changements: args.changements,
  });
  const version = await tx.version.create({
    data: {
      demandeId: args.demandeId,
      numero: args.numero,
      auteur: args.auteur.nom,
      acteur: args.auteur.cle,
      role: args.auteur.role,
      creeLe,
      commentaire: args.commentaire,
      hashPrecedent,
      hash,
      nombreChangements: args.changements.length,
    },
  });
  // One statement per few thousand changes (a nested create costs a statement and client work per row).
  await insererParJson(
    tx,
    "ChangementVersion",
    args.changements.map((c, ordre) => ({ versionId: version.id, ordre, ...c })),
  );
  // Same transaction: a snapshot exists only for a committed version, and is its exact replay.
  if (versionAvecInstantane(args.numero)) {
    const etat = await etatALaVersion(tx, args.demandeId, args.numero);
    await tx.instantaneVersion.create({
      data: { demandeId: args.demandeId, numero: args.numero, etat: serialiserEtat(etat) },
    });
  }
  return version;
}

export type TypeEvenement =
  | "IMPORT"
  | "VERSION"
  | "LIGNE_VALIDEE"
  | "LIGNE_REJETEE"
  | "BLOC_VALIDE"
  | "REJET_LEVE"
  | "BLOC_VERROUILLE"
  | "BLOC_DEVERROUILLE"
  | "STATUT_MODIFIE"
  | "COURRIEL_ENVOYE"
  | "COURRIEL_ECHEC"
  | "COURRIEL_RELANCE"
  | "LOT_TRANSMISSION"
  | "SUIVI_MODIFIE"
  | "CONNEXION_LIMITEE";

/** PostgreSQL advisory lock of the chain of events without a demande (any constant of this product's own). */
const VERROU_CHAINE_SANS_DEMANDE = 7270737001;

/**
 * Appends an audit event, hash-chained per demande (or globally for events without demande).
 * Two instances never fork a chain: test/integration/plusieurs-instances.test.ts.
 */
export async function enregistrerEvenement(
  tx: Tx,
  args: {
    demandeId: number | null;
    type: TypeEvenement;
    auteur: Auteur;
    bloc?: string | null;
    cle?: string | null;
    motif?: string | null;
    details?: unknown;
  },
) {
  const e = {
    demandeId: args.demandeId,
    type: args.type,
    auteur: args.auteur.nom,
    acteur: args.auteur.cle,
    role: args.auteur.role,
    creeLe: new Date(),
    bloc: args.bloc ?? null,
    cle: args.cle ?? null,
    motif: args.motif ?? null,
    details: JSON.stringify(args.details ?? {}),
  };
  // The chain is locked BEFORE its last link is read, or two instances' concurrent events would
  // both follow it (a fork; PostgreSQL at READ COMMITTED): the demande's row, whose update (any
  // event changes what a supplier's portal must re-read, filter modifieeDepuis) holds it until
  // commit; events without a demande take a transaction advisory lock. SQLite's writers are
  // already one at a time (BEGIN IMMEDIATE).
  if (args.demandeId !== null) await tx.demande.update({ where: { id: args.demandeId }, data: { majLe: e.creeLe } });
  else if (dialecte(tx) === "postgresql")
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${VERROU_CHAINE_SANS_DEMANDE})`);
  const prev = await tx.evenementAudit.findFirst({
    where: { demandeId: args.demandeId },
    orderBy: { id: "desc" },
    select: { hash: true },
  });
  const hashPrecedent = prev?.hash ?? HASH_INITIAL;
  return tx.evenementAudit.create({
    data: {
      ...e,
      auteurRecherche: normaliserRecherche(e.auteur),
      hashPrecedent,
      hash: hashEvenement(hashPrecedent, e),
    },
  });
}

/**
 * The demande as it was right after version k: the nearest snapshot at or before k, then the
 * changes of the versions after it (at most K-1; all of them when the history has no snapshot).
 */
export async function etatALaVersion(prisma: Tx, demandeId: number, k: number): Promise<Etat> {
  const instantane = await prisma.instantaneVersion.findFirst({
    where: { demandeId, numero: { lte: k } },
    orderBy: { numero: "desc" },
    select: { numero: true, etat: true },
  });
  const depart = instantane ? deserialiserEtat(instantane.etat) : etatVide();
  const changements = await changementsDesVersions(prisma, demandeId, instantane?.numero ?? 0, k);
  return rejouer(
    [...changements.values()].map((c) => ({ changements: c })),
    depart,
  );
}

/** The largest version number: `numero` is a 32-bit Int, and PostgreSQL refuses a larger bound as out of range. */
const NUMERO_MAX = 2 ** 31 - 1;

interface LigneChangement extends ChangementStocke {
  versionId: number;
}

/**
 * Changes of a demande's versions de+1..a by version id, in version order: one range query on
 * the (demandeId, numero) index joined to the changes' (versionId, ordre) index, never a list
 * of bound ids, and no row outside the range is read.
 */
async function changementsDesVersions(
  prisma: Tx,
  demandeId: number,
  de: number,
  a: number = NUMERO_MAX,
): Promise<Map<number, ChangementStocke[]>> {
  const rows = await prisma.$queryRaw<LigneChangement[]>`
    SELECT c."versionId", c."bloc", c."cle", c."nature", c."champ", c."ancienneValeur", c."nouvelleValeur"
    FROM "Version" v JOIN "ChangementVersion" c ON c."versionId" = v."id"
    WHERE v."demandeId" = ${demandeId} AND v."numero" > ${de} AND v."numero" <= ${a}
    ORDER BY v."numero", c."ordre"`;
  const parVersion = new Map<number, ChangementStocke[]>();
  for (const { versionId, ...c } of rows) {
    const id = Number(versionId);
    const liste = parVersion.get(id) ?? [];
    liste.push(c);
    parVersion.set(id, liste);
  }
  return parVersion;
}

/**
 * Writes the snapshots a history lacks (versions written before snapshots existed, or in bulk):
 * one replay of the demande's whole history, then one row per missing K-th version.
 */
export async function completerInstantanes(prisma: Tx, demandeId: number): Promise<number> {
  const existants = new Map(
    (await prisma.instantaneVersion.findMany({ where: { demandeId }, select: { numero: true, etat: true } })).map(
      (i) => [i.numero, i.etat],
    ),
  );
  const versions = await prisma.version.findMany({
    where: { demandeId },
    orderBy: { numero: "asc" },
    select: { id: true, numero: true },
  });
  const changements = await changementsDesVersions(prisma, demandeId, 0);
  const manquants: { demandeId: number; numero: number; etat: string }[] = [];
  let etat = etatVide();
  for (const v of versions) {
    etat = rejouer(
      [{ changements: changementsStockesOuDerives(v.numero, changements.get(v.id), existants.get(1)) }],
      etat,
    );
    if (versionAvecInstantane(v.numero) && !existants.has(v.numero))
      manquants.push({ demandeId, numero: v.numero, etat: serialiserEtat(etat) });
  }
  if (manquants.length) await prisma.instantaneVersion.createMany({ data: manquants });
  return manquants.length;
}

export interface RuptureChaine {
  demande: string | null;
  nature: "VERSION" | "EVENEMENT";
  numero: number;
  raison: string;
}

/** Recomputes every hash: reports any stored version, change or event that was altered. */
export async function verifierChaines(
  prisma: Db,
): Promise<{ versions: number; evenements: number; ruptures: RuptureChaine[] }> {
  const ruptures: RuptureChaine[] = [];
  let nbVersions = 0;
  let nbEvenements = 0;
  const demandes = await prisma.demande.findMany({ select: { id: true, numero: true }, orderBy: { id: "asc" } });
  for (const d of [...demandes, { id: null, numero: null }]) {
    if (d.id !== null) {
      const versions = await prisma.version.findMany({ where: { demandeId: d.id }, orderBy: { numero: "asc" } });
      const changements = await changementsDesVersions(prisma, d.id, 0);
      const instantanes = new Map(
        (
          await prisma.instantaneVersion.findMany({ where: { demandeId: d.id }, select: { numero: true, etat: true } })
        ).map((i) => [i.numero, i.etat]),
      );
      let prev = HASH_INITIAL;
      let etat = etatVide();
      for (const v of versions) {
        nbVersions++;
        // A compact version 1 (no rows, snapshot 1): its changes are derived from the snapshot, then hashed and counted.
        const sesChangements = changementsStockesOuDerives(v.numero, changements.get(v.id), instantanes.get(1));
        // nombreChangements and snapshots are derived from the hashed changes: checked against them, not hashed.
        const attendu = hashVersion(prev, {
          demandeNumero: d.numero!,
          numero: v.numero,
          auteur: v.auteur,
          acteur: v.acteur,
          role: v.role,
          creeLe: v.creeLe,
          commentaire: v.commentaire,
          changements: sesChangements,
        });
        if (v.hashPrecedent !== prev)
          ruptures.push({
            demande: d.numero,
            nature: "VERSION",
            numero: v.numero,
            raison: "maillon précédent différent",
          });
        if (v.hash !== attendu)
          ruptures.push({ demande: d.numero, nature: "VERSION", numero: v.numero, raison: "contenu modifié" });
        if (v.nombreChangements !== sesChangements.length)
          ruptures.push({
            demande: d.numero,
            nature: "VERSION",
            numero: v.numero,
            raison: "nombre de changements différent",
          });
        etat = rejouer([{ changements: sesChangements }], etat);
        const instantane = instantanes.get(v.numero);
        // Version 1's snapshot is written compact (version-initiale.ts), the K-th ones with field names.
        const texte = v.numero === 1 ? serialiserEtatCompact(etat) : serialiserEtat(etat);
        if (instantane !== undefined && instantane !== texte)
          ruptures.push({
            demande: d.numero,
            nature: "VERSION",
            numero: v.numero,
            raison: "instantané différent de l'historique",
          });
        prev = v.hash;
      }
    }
    const evenements = await prisma.evenementAudit.findMany({ where: { demandeId: d.id }, orderBy: { id: "asc" } });
    let prev = HASH_INITIAL;
    for (const e of evenements) {
      nbEvenements++;
      if (e.hashPrecedent !== prev)
        ruptures.push({ demande: d.numero, nature: "EVENEMENT", numero: e.id, raison: "maillon précédent différent" });
      if (e.hash !== hashEvenement(prev, e))
        ruptures.push({ demande: d.numero, nature: "EVENEMENT", numero: e.id, raison: "contenu modifié" });
      prev = e.hash;
    }
  }
  return { versions: nbVersions, evenements: nbEvenements, ruptures };
}
