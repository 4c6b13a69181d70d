import { randomBytes, createHash } from "node:crypto";
import { compte, normaliserRecherche, validerDocumentImport, type DemandeImportee, type Probleme } from "@segur/shared";
import type { Db } from "@segur/prisma";
import type { Config } from "../config.js";
import { ErreurValidation } from "../commun/erreurs.js";
import { chercherParLots } from "../commun/lots.js";
import { prendreNumeros } from "../commun/compteur.js";
import type { CertificatAilleurs } from "../administrateur/doublons.js";
import { certificatsDuFichier } from "./doublons-fichier.js";
import { BLOCS_VERSIONNES, etatVide, poserLigne, type BlocVersionne } from "../historique/champs.js";
import type { Auteur, Tx } from "../historique/service.js";
import { enregistrerVersionsInitiales } from "../historique/versions-initiales.js";
import { insererEnMasse, insererEtRelire } from "../commun/insertion-en-masse.js";
import { fileAttente } from "./file-attente.js";

// Random bytes drawn 5 KiB at a time: one call per row was 4 % of a 1,000-demande import
// (per process and safe: random row keys, unique whatever the instance).
let alea = Buffer.alloc(0);
let lu = 0;
export function nouvelleCle(prefixe: string): string {
  if (lu + 5 > alea.length) [alea, lu] = [randomBytes(5_120), 0];
  return `${prefixe}-${alea.toString("hex", lu, (lu += 5))}`;
}

export interface OptionsImport {
  auteur: Auteur;
  /** Set for a supplier: every demande of the file must be its own. */
  numeroEditeur?: string | null;
  dateDepot?: Date;
  /** Seed / migration of historic data only: keep these numbers instead of assigning new ones. */
  numeros?: (string | undefined)[];
  statuts?: ({ statut?: string; etatPaiement?: string } | undefined)[];
}

/**
 * Imports a whole JSON document: everything is checked first and any error rejects the file
 * with every problem listed; otherwise all its demandes are created in one transaction.
 */
export async function importerDocument(prisma: Db, config: Config, json: unknown, options: OptionsImport) {
  // One file at a time per process: a waiting file holds only its JSON, never its checked and
  // decoded form nor an open transaction (SQLite has one writer anyway).
  return fileImports.executer(() => importerMaintenant(prisma, config, json, options));
}

// Per process by design (file-attente.ts): it orders this process's own imports; numbers and
// all-or-nothing hold across instances through the database (Compteur, one transaction).
const fileImports = fileAttente();
/** Imports waiting or running in this process (metrics). */
export const longueurFileImports = () => fileImports.longueur;

/** The import itself, without this process's queue (tests: two instances in one process). */
export async function importerMaintenant(prisma: Db, config: Config, json: unknown, options: OptionsImport) {
  const dateDepot = options.dateDepot ?? new Date();
  const resultat = validerDocumentImport(json, {
    dateDebutCertificat: config.dateDebutCertificat,
    dateDepot,
    montantMaxCentimes: config.montantMaxCentimes,
    numeroEditeur: options.numeroEditeur ?? null,
  });
  const erreurs: Probleme[] = [...resultat.erreurs];
  erreurs.push(...(await referencesDejaImportees(prisma, resultat.demandes)));
  if (erreurs.length)
    throw new ErreurValidation(
      erreurs,
      `Fichier refusé : ${compte(erreurs.length, "erreur", "erreurs")}. Aucune demande n'a été créée.`,
    );

  return prisma.$transaction(
    async (tx) => {
      const numeros = await numeroter(
        tx,
        resultat.demandes,
        resultat.demandes.map((_, i) => options.numeros?.[i] ?? undefined),
      );
      const doublons = await doublonsAutresDemandes(tx, resultat.demandes, numeros, json);
      const aCreer = resultat.demandes.map((d, i) => ({
        d,
        numero: numeros[i]!,
        avertissements: [...d.avertissements, ...doublons[i]!],
        ...options.statuts?.[i],
      }));
      return {
        demandes: await creerDemandes(tx, aCreer, { auteur: options.auteur, dateDepot }),
        avertissements: resultat.avertissements,
      };
    },
    // The whole file is one transaction: its time grows with the file, not with the queue.
    { timeout: 120_000, maxWait: 120_000 },
  );
}

/** A reference already imported makes a retry safe: refused, naming the existing demande. */
async function referencesDejaImportees(prisma: Db, demandes: DemandeImportee[]): Promise<Probleme[]> {
  const avecRef = demandes.filter((d) => d.referenceFournisseur);
  if (!avecRef.length) return [];
  const cle = (numeroEditeur: string, ref: string | null) => `${numeroEditeur}\u0000${ref}`;
  const existantes = new Map<string, string>();
  // One query per éditeur and slice of references (a file may hold thousands).
  const parEditeur = new Map<string, Set<string>>();
  for (const d of avecRef)
    parEditeur.set(d.numeroEditeur, (parEditeur.get(d.numeroEditeur) ?? new Set()).add(d.referenceFournisseur!));
  for (const [numeroEditeur, refs] of parEditeur) {
    const trouvees = await chercherParLots([...refs], (lot) =>
      prisma.demande.findMany({
        where: { numeroEditeur, referenceFournisseur: { in: lot } },
        select: { numero: true, referenceFournisseur: true },
      }),
    );
    for (const t of trouvees) existantes.set(cle(numeroEditeur, t.referenceFournisseur), t.numero);
  }
  return avecRef.flatMap((d) => {
    const numero = existantes.get(cle(d.numeroEditeur, d.referenceFournisseur));
    const e = numero === undefined ? null : { numero };
    return e
      ? [
          {
            code: "DEJA_IMPORTEE",
            gravite: "ERREUR" as const,
            champ: "referenceFournisseur",
            path: [...d.chemin, "referenceFournisseur"],
            message: `Référence fournisseur : « ${d.referenceFournisseur} » a déjà été importée (demande ${e.numero}).`,
          },
        ]
      : [];
  });
}

function cheminDemande(json: unknown, i: number, champ: string): (string | number)[] {
  return json && typeof json === "object" && Array.isArray((json as { demandes?: unknown }).demandes)
    ? ["demandes", i, champ]
    : [champ];
}

/**
 * Cross-demande duplicates: kept as gestionnaire-only warnings, never told to the supplier. For
 * each demande, the stored requests for its FINESS (one bounded lookup for the whole file), then
 * those of the file's earlier demandes (created before it in the same transaction).
 */
async function doublonsAutresDemandes(
  tx: Tx,
  demandes: DemandeImportee[],
  numeros: readonly string[],
  json: unknown,
): Promise<Probleme[][]> {
  const existants = await certificatsDuFichier(
    tx,
    demandes.flatMap((d) => d.administrateurs.map((a) => a.finessJuridique)),
  );
  const stockesParFiness = new Map<string, CertificatAilleurs[]>();
  const ajouter = <V>(m: Map<string, V[]>, cle: string, v: V) => (m.get(cle) ?? m.set(cle, []).get(cle)!).push(v);
  for (const e of existants) ajouter(stockesParFiness, e.finessJuridique, e);
  const dansLeFichier = new Map<string, number[]>();
  return demandes.map((d, i) => {
    // In demande order, as the row-by-row import found them: stored ones (by id), then the file's earlier ones.
    const trouves: { finessJuridique: string; rang: number; numero: string }[] = [];
    for (const a of d.administrateurs) {
      for (const e of stockesParFiness.get(a.finessJuridique) ?? [])
        trouves.push({ finessJuridique: e.finessJuridique, rang: e.demandeId, numero: e.numero });
      for (const j of dansLeFichier.get(a.finessJuridique) ?? [])
        trouves.push({
          finessJuridique: a.finessJuridique,
          rang: Number.MAX_SAFE_INTEGER - demandes.length + j,
          numero: numeros[j]!,
        });
    }
    for (const a of d.administrateurs) ajouter(dansLeFichier, a.finessJuridique, i);
    return trouves
      .sort((x, y) => x.rang - y.rang)
      .map((e) => ({
        code: "DOUBLON_AUTRE_DEMANDE",
        gravite: "AVERTISSEMENT" as const,
        champ: "finessJuridique",
        path: [...cheminDemande(json, i, "administrateurs"), e.finessJuridique],
        message: `FINESS juridique ${e.finessJuridique} : une demande de certificat existe déjà dans la demande ${e.numero}.`,
      }));
  });
}

const NUMERO = /^FIN([A-Z0-9]+?)(\d{6})M\d$/;

/**
 * Numbers of one import's demandes: per couloir, one read of the highest stored number (the
 * counter's floor) and one upsert of its counter taking as many numbers as the file needs
 * (commun/compteur.ts): concurrent imports on several instances never share a number. Numbers
 * given by the caller (seed, historic data) are kept, and counted above.
 */
async function numeroter(
  tx: Tx,
  demandes: readonly DemandeImportee[],
  donnes: readonly (string | undefined)[],
): Promise<string[]> {
  const parCouloir = new Map<string, { nombre: number; donne: number }>();
  demandes.forEach((d, i) => {
    const donne = donnes[i] ? NUMERO.exec(donnes[i]!) : null;
    const cle = donne ? donne[1]! : d.couloir;
    const c = parCouloir.get(cle) ?? parCouloir.set(cle, { nombre: 0, donne: 0 }).get(cle)!;
    if (donne) c.donne = Math.max(c.donne, Number(donne[2]));
    else if (!donnes[i]) c.nombre++;
  });
  const prochain = new Map<string, number>();
  for (const [couloir, { nombre, donne }] of parCouloir) {
    if (!nombre) continue;
    const prefixe = `FIN${couloir}`;
    // A range on the numéro index, not `startsWith`: LIKE is case-insensitive on SQLite and so
    // cannot seek; it walked every higher numéro (32 ms for MS1 at 100k demandes).
    const borne = prefixe.slice(0, -1) + String.fromCharCode(prefixe.charCodeAt(prefixe.length - 1) + 1);
    const dernier = await tx.demande.findFirst({
      where: { numero: { gte: prefixe, lt: borne } },
      orderBy: { numero: "desc" },
      select: { numero: true },
    });
    const plancher = Math.max(donne, dernier ? Number(NUMERO.exec(dernier.numero)?.[2] ?? 0) : 0);
    prochain.set(couloir, (await prendreNumeros(tx, prefixe, nombre, plancher)) - nombre + 1);
  }
  return demandes.map((d, i) => {
    if (donnes[i]) return donnes[i]!;
    const seq = prochain.get(d.couloir)!;
    prochain.set(d.couloir, seq + 1);
    return `FIN${d.couloir}${String(seq).padStart(6, "0")}M0`;
  });
}

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

interface DemandeACreer {
  d: DemandeImportee;
  numero: string;
  avertissements: Probleme[];
  statut?: string;
  etatPaiement?: string;
}

/**
 * Writes a checked file's demandes, their rows, versions 1 and IMPORT events with multi-row
 * INSERTs (a few statements per table, whatever the file's size), inside the caller's transaction.
 */
async function creerDemandes(tx: Tx, demandes: readonly DemandeACreer[], o: { auteur: Auteur; dateDepot: Date }) {
  // One instant for the file: the demandes' creation and last change, their versions' and events'.
  const maintenant = new Date();
  const lignesDemandes = demandes.map(({ d, numero, avertissements, statut, etatPaiement }) => ({
    numero,
    type: d.type,
    couloir: d.couloir,
    numeroEditeur: d.numeroEditeur,
    logiciel: d.logiciel,
    logicielRecherche: normaliserRecherche(d.logiciel),
    dateDepot: o.dateDepot,
    dateCommande: d.dateCommande ? new Date(`${d.dateCommande}T00:00:00.000Z`) : null,
    montantCentimes: d.montantCentimes,
    mandataire: d.mandataire,
    courrielContact: d.courrielContact,
    scenarioInstallation: d.scenarioInstallation,
    referenceFournisseur: d.referenceFournisseur,
    avertissements: JSON.stringify(avertissements),
    statut: statut ?? "EN_COURS",
    etatPaiement: etatPaiement ?? "AUCUN",
    versionCourante: 1,
    creeLe: maintenant,
    majLe: maintenant,
  }));
  const creees = await insererEtRelire<{ id: number | bigint; numero: string }>(
    tx,
    "Demande",
    lignesDemandes,
    `"id", "numero"`,
  );
  // RETURNING's row order is not promised by SQLite: matched by numéro (unique).
  const idDe = new Map(creees.map((c) => [c.numero, Number(c.id)]));
  const ids = demandes.map(({ numero }) => idDe.get(numero)!);

  const coordonnees = demandes.flatMap(({ d }, i) =>
    d.coordonneesBancaires ? [{ ...d.coordonneesBancaires, demandeId: ids[i]! }] : [],
  );
  const beneficiaires = demandes.flatMap(({ d }, i) =>
    d.beneficiaires.map((b, ordre) => ({ ...b, demandeId: ids[i]!, ordre, cle: nouvelleCle("b") })),
  );
  const administrateurs = demandes.flatMap(({ d }, i) =>
    d.administrateurs.map((a, ordre) => ({ ...a, demandeId: ids[i]!, ordre, demandeCertificatServeur: true })),
  );
  const pieces = demandes.flatMap(({ d }, i) =>
    d.pieces.map((p) => ({
      demandeId: ids[i]!,
      cle: nouvelleCle("p"),
      nomFichier: p.nomFichier,
      type: p.type,
      taille: p.contenu.byteLength,
      sha256: sha256(p.contenu),
      contenu: new Uint8Array(p.contenu),
      deposeLe: maintenant,
    })),
  );
  await insererEnMasse(tx, "CoordonneesBancaires", coordonnees);
  await insererEnMasse(tx, "Beneficiaire", beneficiaires);
  await insererEnMasse(tx, "AdministrateurTechnique", administrateurs);
  await insererEnMasse(tx, "PieceJustificative", pieces);

  // Version 1 records the state just written, built from the same rows (etatActuel would read them back).
  const etats = new Map(ids.map((id) => [id, etatVide()]));
  const parBloc = {
    INFORMATIONS: lignesDemandes.map((row, i) => ({ ...row, demandeId: ids[i]! })),
    COORDONNEES_BANCAIRES: coordonnees,
    BENEFICIAIRES: beneficiaires,
    ADMINISTRATEURS: administrateurs,
    PIECES: pieces,
  } satisfies Record<BlocVersionne, { demandeId: number }[]>;
  for (const b of BLOCS_VERSIONNES) for (const row of parBloc[b]) poserLigne(etats.get(row.demandeId)!, b, row);
  await enregistrerVersionsInitiales(
    tx,
    demandes.map(({ d, numero, avertissements }, i) => ({
      demandeId: ids[i]!,
      demandeNumero: numero,
      etat: etats.get(ids[i]!)!,
      details: { avertissements: avertissements.length, administrateurs: d.administrateurs.length },
    })),
    { auteur: o.auteur, commentaire: "Import de la demande", creeLe: maintenant },
  );
  // The rows as written (typed as Prisma reads them back).
  return lignesDemandes.map((l, i) => ({ id: ids[i]!, ...l, derniereModification: null as Date | null }));
}
