// Programme-scale dataset (`pnpm bench`, `pnpm seed --count N` for large N): the supplier guide's
// demandes and the accounts through the real services (`semer`), then N generated demandes written
// with bulk SQL — prepared statements, one transaction per slice — instead of one import each
// (35–97 min for 100k through the import). Rows, version 1 and the hash chains are those the
// import would write: the same checker (`validerDocumentImport`), the same diff of the empty state
// (`differences`), the same compact version 1 (its snapshot, no change rows) and the same hashes
// (`hashVersion`, `hashEvenement`).
import { createHash } from "node:crypto";
import {
  CHAMPS_COORDONNEES,
  REGISTRE_BLOCS,
  normaliserRecherche,
  parseUtilite,
  validerDocumentImport,
  type DemandeImportee,
  type DemandeJson,
} from "@segur/shared";
import { Sqlite, type Db } from "@segur/prisma";
import type { Config } from "../config.js";
import { differences, rejouer, type Changement, type ChangementStocke } from "../historique/changements.js";
import { etatDepuisLignes, etatVide, type Etat } from "../historique/champs.js";
import { HASH_INITIAL, hashEvenement, hashVersion } from "../historique/chaine.js";
import { serialiserEtat, versionAvecInstantane } from "../historique/instantanes.js";
import { instantaneInitial } from "../historique/version-initiale.js";
import { aleatoire, demandeAleatoire, finessValide, type Aleatoire } from "./generateur.js";
import { COMPTES_DEMO, semer, STATUTS } from "./service.js";

/** Bumped whenever the generated data changes: a cached benchmark file of another version is rebuilt. */
export const VERSION_JEU_MASSIF = 3;

export interface OptionsJeuMassif {
  count: number;
  graine?: number;
  /** Versions of the one demande with a long history (scenario "version k of a long history"). */
  versionsLongues?: number;
  /** Demandes per transaction. */
  tranche?: number;
  progression?: (faites: number) => void;
}

const TRANCHE = 10_000;
const AUTEUR_IMPORT = { nom: "Jeu de démonstration", cle: "SYSTEME", role: "SYSTEME" };
// Prisma's SQLite text form of a DateTime, so that rows read back exactly as the ORM's own.
const dateSql = (d: Date) => d.toISOString().replace("Z", "+00:00");
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const hex = (r: Aleatoire) =>
  Math.floor(r.suivant() * 0xffffffffff)
    .toString(16)
    .padStart(10, "0");

/** Accounts and guide demandes (real services), then `count` generated demandes in bulk. */
export async function semerMassif(prisma: Db, config: Config, fichier: string, o: OptionsJeuMassif) {
  await semer(prisma, config, { count: 0 });
  const g = await prisma.utilisateur.findUniqueOrThrow({ where: { email: COMPTES_DEMO.gestionnaire.email } });
  const gestionnaire = { nom: g.nom, cle: `U:${g.id}`, role: "GESTIONNAIRE" };
  const db = new Sqlite(fichier);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = OFF"); // a generated file: rebuilt, never recovered
    db.pragma("cache_size = -262144"); // 256 MB: the indexes being filled stay in memory
    sansIndex(db, () => ecrire(db, config, gestionnaire, o));
  } finally {
    db.close();
  }
  return { demandes: await prisma.demande.count() };
}

const COLONNES_CHANGEMENT = [
  "versionId",
  "ordre",
  "bloc",
  "cle",
  "nature",
  "champ",
  "ancienneValeur",
  "nouvelleValeur",
];
/** Rows per multi-row INSERT of changes, under SQLite's 999 bound parameters. */
const CHANGEMENTS_PAR_INSERTION = Math.floor(999 / COLONNES_CHANGEMENT.length);

const TABLES_ECRITES = [
  "Demande",
  "CoordonneesBancaires",
  "Beneficiaire",
  "AdministrateurTechnique",
  "PieceJustificative",
  "Version",
  "ChangementVersion",
  "InstantaneVersion",
  "EvenementAudit",
];

/**
 * On a fresh file (only the guide's demandes), the secondary indexes are dropped during the
 * writes and rebuilt after, from their own stored DDL: one sorted build instead of millions of
 * random b-tree inserts. A rebuilt UNIQUE index still refuses any duplicate. On a file that already
 * holds data the indexes stay (a crash must never leave a real database without them).
 */
function sansIndex(db: Sqlite.Database, ecrire: () => void) {
  const demandes = (db.prepare(`SELECT count(*) AS n FROM "Demande"`).get() as { n: number }).n;
  if (demandes > 2) return ecrire();
  const index = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${TABLES_ECRITES.map(() => "?").join(", ")})`,
    )
    .all(...TABLES_ECRITES) as { name: string; sql: string }[];
  db.transaction(() => index.forEach((i) => db.exec(`DROP INDEX "${i.name}"`)))();
  try {
    ecrire();
  } finally {
    db.transaction(() => index.forEach((i) => db.exec(i.sql)))();
  }
}

function instructions(db: Sqlite.Database) {
  const ins = (table: string, cols: string[], lignes = 1) =>
    db.prepare(
      `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(", ")}) VALUES ${Array(lignes)
        .fill(`(${cols.map(() => "?").join(", ")})`)
        .join(", ")}`,
    );
  // One statement per row count: most demandes' changes fit one INSERT (≈ 100 rows).
  const changements = new Map<number, Sqlite.Statement>();
  return {
    changements: (lignes: number) =>
      changements.get(lignes) ??
      changements.set(lignes, ins("ChangementVersion", COLONNES_CHANGEMENT, lignes)).get(lignes)!,
    demande: ins("Demande", [
      "numero",
      "type",
      "couloir",
      "numeroEditeur",
      "logiciel",
      "logicielRecherche",
      "dateDepot",
      "dateCommande",
      "statut",
      "etatPaiement",
      "montantCentimes",
      "mandataire",
      "courrielContact",
      "scenarioInstallation",
      "avertissements",
      "versionCourante",
      "derniereModification",
      "creeLe",
      "majLe",
    ]),
    coordonnees: ins("CoordonneesBancaires", ["demandeId", ...CHAMPS_COORDONNEES]),
    // Row blocks' columns: the row's own, then the registry's fields (values bound in that order).
    beneficiaire: ins("Beneficiaire", ["demandeId", "cle", "ordre", ...CHAMPS_BENEFICIAIRES]),
    administrateur: ins("AdministrateurTechnique", [
      "demandeId",
      "ordre",
      "demandeCertificatServeur",
      ...CHAMPS_ADMINISTRATEURS,
    ]),
    piece: ins("PieceJustificative", [
      "demandeId",
      "cle",
      "nomFichier",
      "type",
      "typeMime",
      "taille",
      "sha256",
      "contenu",
      "deposeLe",
    ]),
    version: ins("Version", [
      "demandeId",
      "numero",
      "auteur",
      "acteur",
      "role",
      "creeLe",
      "commentaire",
      "hashPrecedent",
      "hash",
      "nombreChangements",
    ]),
    instantane: ins("InstantaneVersion", ["demandeId", "numero", "etat"]),
    evenement: ins("EvenementAudit", [
      "demandeId",
      "type",
      "auteur",
      "acteur",
      "role",
      "creeLe",
      "bloc",
      "cle",
      "motif",
      "details",
      "hashPrecedent",
      "hash",
      "auteurRecherche",
    ]),
  };
}

type Auteur = { nom: string; cle: string; role: string };
type Ligne = Record<string, unknown>;

interface DemandeGeneree {
  numero: string;
  demande: Ligne;
  coordonnees: Ligne | null;
  beneficiaires: Ligne[];
  administrateurs: Ligne[];
  pieces: Ligne[];
  statut: string;
  etatPaiement: string;
}

function ecrire(db: Sqlite.Database, config: Config, gestionnaire: Auteur, o: OptionsJeuMassif) {
  const sql = instructions(db);
  const existantes = (db.prepare(`SELECT count(*) AS n FROM "Demande"`).get() as { n: number }).n;
  const r = aleatoire((o.graine ?? 2023) + 100_000 + Math.max(0, existantes - 2));
  // Numbers above the guide's (FINMS2007720M0), the demo's and any earlier run's.
  const sequences = new Map<string, number>();
  for (const couloir of ["MS1", "MS2", "PH1"]) {
    const { max } = db
      .prepare(`SELECT max(numero) AS max FROM "Demande" WHERE numero LIKE ?`)
      .get(`FIN${couloir}%`) as { max: string | null };
    sequences.set(couloir, Math.max(10_000, Number(max?.slice(3 + couloir.length, 9 + couloir.length) ?? 0)));
  }
  const debut = config.dateDebutCertificat.getTime();
  const fin = Date.UTC(2026, 10, 1);
  const tranche = o.tranche ?? TRANCHE;

  const une = (i: number) => {
    // Mostly certificate-eligible AVANCE of MS1/MS2 (≈ 5 bénéficiaires, ≈ 2.3 certificate rows).
    const dateDepot = new Date(
      r.suivant() < 0.9
        ? debut + r.suivant() * (fin - debut)
        : Date.UTC(2022, 5, 1) + r.suivant() * (debut - Date.UTC(2022, 5, 1)),
    );
    const type = r.suivant() < 0.85 ? "AVANCE" : "SOLDE";
    const couloir = r.suivant() < 0.95 ? r.choix(["MS1", "MS2"]) : "PH1";
    const avecCertificats = type === "AVANCE" && couloir !== "PH1" && dateDepot >= config.dateDebutCertificat;
    const json = demandeAleatoire(r, i, avecCertificats, type, couloir, dateDepot, { beneficiaires: [3, 7] });
    const importee = versImportee(json);
    // The real checker on one demande in 50 (all of them would double the time): any drift of the shortcut stops the build.
    if (i % 50 === 0) {
      const { demandes, erreurs } = validerDocumentImport(json, {
        dateDebutCertificat: config.dateDebutCertificat,
        dateDepot,
        montantMaxCentimes: config.montantMaxCentimes,
      });
      if (erreurs.length) throw new Error(`demande générée refusée : ${JSON.stringify(erreurs[0])}`);
      if (enJson(demandes[0]) !== enJson(importee))
        throw new Error(`demande générée ${i} : le raccourci diffère du contrôle d'import`);
    }
    const seq = sequences.get(couloir)! + 1;
    sequences.set(couloir, seq);
    const statut = r.choix(STATUTS);
    const etatPaiement =
      statut === "REGULARISATION_EN_COURS" ? "EN_COURS" : r.choix(["AUCUN", "AUCUN", "EN_COURS", "PAYE"]);
    return generer(r, importee, `FIN${couloir}${String(seq).padStart(6, "0")}M0`, dateDepot, statut, etatPaiement);
  };

  const ecrireTranche = db.transaction((debutI: number, finI: number) => {
    for (let i = debutI; i < finI; i++) {
      const longue = i === 0 && existantes <= 2 ? Math.max(1, o.versionsLongues ?? 1000) : 0;
      inserer(sql, r, une(i), gestionnaire, longue);
    }
  });
  for (let i = 0; i < o.count; i += tranche) {
    ecrireTranche(i, Math.min(o.count, i + tranche));
    o.progression?.(Math.min(o.count, i + tranche));
  }
}

/** Canonical JSON (keys sorted, bigints and bytes as text): equal values, equal texts. */
export const enJson = (v: unknown) =>
  JSON.stringify(v, (_k, x) =>
    typeof x === "bigint"
      ? `${x}n`
      : x instanceof Uint8Array
        ? Buffer.from(x).toString("base64")
        : x && typeof x === "object" && !Array.isArray(x)
          ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
          : x,
  );
const centimes = (montant: string) => {
  const [e, c = ""] = montant.split(".");
  return BigInt(e!) * 100n + BigInt(c.padEnd(2, "0"));
};

/**
 * What the import's checker returns for a generated demande (valid by construction, no warning),
 * without its cost: the checker runs on a sample and must agree (test/integration/jeu-massif.test.ts).
 */
export function versImportee(j: DemandeJson): DemandeImportee {
  return {
    chemin: [],
    type: j.type as DemandeImportee["type"],
    couloir: j.couloir,
    numeroEditeur: j.numeroEditeur,
    logiciel: j.logiciel,
    dateCommande: j.dateCommande ?? null,
    montantCentimes: centimes(String(j.montantSegurDeclare)),
    mandataire: Boolean(j.mandataire),
    courrielContact: j.courrielContact ?? null,
    scenarioInstallation: j.scenarioInstallation ?? null,
    referenceFournisseur: null,
    coordonneesBancaires: j.coordonneesBancaires
      ? ({ ...j.coordonneesBancaires } as DemandeImportee["coordonneesBancaires"])
      : null,
    // The file names a bénéficiaire's fields as the registry does.
    beneficiaires: j.beneficiaires.map((b) => ({
      ...Object.fromEntries(CHAMPS_BENEFICIAIRES.map((c) => [c, b[c] ?? null])),
      presentSolde: Boolean(b.presentSolde),
    })) as DemandeImportee["beneficiaires"],
    administrateurs: j.beneficiaires
      .filter((b) => b.demandeCertificatServeur)
      .map((b) => ({
        finessJuridique: b.finessJuridique,
        contractualisationOG: b.contracutualisationOG,
        statutAdminTechnique: b.StatutAdminTechnique,
        contractualisationEditeur: b.contractualisationEditeur,
        ...b.certificatServeur!,
        utiliteCertificat: parseUtilite(b.certificatServeur!.utiliteCertificat),
      })) as DemandeImportee["administrateurs"],
    pieces: (j.piecesJustificatives ?? []).map((p) => ({
      nomFichier: p.nomFichier,
      type: p.type,
      contenu: octets(p.contenuBase64),
    })) as DemandeImportee["pieces"],
    avertissements: [],
  };
}
const pdfs = new Map<string, Uint8Array>();
const octets = (b64: string) => pdfs.get(b64) ?? pdfs.set(b64, new Uint8Array(Buffer.from(b64, "base64"))).get(b64)!;

/** The rows the import would create for one checked demande (keys from the seeded PRNG). */
function generer(
  r: Aleatoire,
  d: DemandeImportee,
  numero: string,
  dateDepot: Date,
  statut: string,
  etatPaiement: string,
): DemandeGeneree {
  return {
    numero,
    statut,
    etatPaiement,
    demande: {
      numero,
      type: d.type,
      couloir: d.couloir,
      numeroEditeur: d.numeroEditeur,
      logiciel: d.logiciel,
      dateDepot,
      dateCommande: d.dateCommande ? new Date(`${d.dateCommande}T00:00:00.000Z`) : null,
      etatPaiement,
      montantCentimes: d.montantCentimes,
      mandataire: d.mandataire,
      courrielContact: d.courrielContact,
      scenarioInstallation: d.scenarioInstallation,
      referenceFournisseur: d.referenceFournisseur,
    },
    coordonnees: d.coordonneesBancaires ? { ...d.coordonneesBancaires } : null,
    beneficiaires: d.beneficiaires.map((b, ordre) => ({ ...b, ordre, cle: `b-${hex(r)}` })),
    administrateurs: d.administrateurs.map((a, ordre) => ({ ...a, ordre })),
    pieces: d.pieces.map((p) => ({
      cle: `p-${hex(r)}`,
      nomFichier: p.nomFichier,
      type: p.type,
      taille: p.contenu.byteLength,
      sha256: sha256(p.contenu),
      contenu: p.contenu,
    })),
  };
}

function etatDe(g: DemandeGeneree): Etat {
  return etatDepuisLignes({
    INFORMATIONS: [g.demande],
    COORDONNEES_BANCAIRES: g.coordonnees ? [g.coordonnees] : [],
    BENEFICIAIRES: g.beneficiaires,
    ADMINISTRATEURS: g.administrateurs,
    PIECES: g.pieces,
  });
}

/**
 * A later gestionnaire correction: one or two fields of a bénéficiaire or a certificate row,
 * applied to the rows (the final state) and returned as the version's changes.
 */
function correction(r: Aleatoire, g: DemandeGeneree): Changement[] {
  const out: Changement[] = [];
  const b = r.choix(g.beneficiaires);
  const tel = `05${String(r.entier(10000000, 99999999))}`;
  out.push({
    bloc: "BENEFICIAIRES",
    cle: b.cle as string,
    nature: "MODIFICATION",
    champ: "telResponsable",
    ancienneValeur: b.telResponsable as string,
    nouvelleValeur: tel,
  });
  b.telResponsable = tel;
  if (g.administrateurs.length && r.suivant() < 0.5) {
    const a = r.choix(g.administrateurs);
    const carte = String(r.entier(1000000000, 9999999999));
    out.push({
      bloc: "ADMINISTRATEURS",
      cle: a.finessJuridique as string,
      nature: "MODIFICATION",
      champ: "numeroCarteCPX",
      ancienneValeur: (a.numeroCarteCPX as string) ?? null,
      nouvelleValeur: carte,
    });
    a.numeroCarteCPX = carte;
  } else if (r.suivant() < 0.3) {
    const fg = finessValide(r, (b.finessJuridique as string).slice(0, 2));
    out.push({
      bloc: "BENEFICIAIRES",
      cle: b.cle as string,
      nature: "MODIFICATION",
      champ: "finessGeographique",
      ancienneValeur: b.finessGeographique as string,
      nouvelleValeur: fg,
    });
    b.finessGeographique = fg;
  }
  return out;
}

const bool = (v: unknown) => (v === null || v === undefined ? null : v ? 1 : 0);
/** A field's value as better-sqlite3 binds it: booleans as 0 / 1, absent as NULL. */
const enSqlite = (v: unknown) => (typeof v === "boolean" ? bool(v) : (v ?? null));
const CHAMPS_BENEFICIAIRES = REGISTRE_BLOCS.BENEFICIAIRES.champs;
const CHAMPS_ADMINISTRATEURS = REGISTRE_BLOCS.ADMINISTRATEURS.champs;

function inserer(
  sql: ReturnType<typeof instructions>,
  r: Aleatoire,
  g: DemandeGeneree,
  gestionnaire: Auteur,
  versionsLongues: number,
) {
  const depot = g.demande.dateDepot as Date;
  const v1 = differences(etatVide(), etatDe(g));
  // Later versions: 0–3 corrections a few days apart (or the long history), changes drawn now.
  const nbCorrections = versionsLongues ? versionsLongues - 1 : r.choix([0, 0, 1, 1, 2, 3]);
  const versions: { creeLe: Date; auteur: Auteur; commentaire: string; changements: ChangementStocke[] }[] = [
    { creeLe: depot, auteur: AUTEUR_IMPORT, commentaire: "Import de la demande", changements: v1 },
  ];
  let t = depot.getTime();
  for (let k = 0; k < nbCorrections; k++) {
    t += versionsLongues ? 60_000 : r.entier(1, 20) * 86_400_000;
    versions.push({
      creeLe: new Date(t),
      auteur: gestionnaire,
      commentaire: "Correction des coordonnées",
      changements: correction(r, g),
    });
  }
  const derniere = versions.at(-1)!.creeLe;
  const evenements: { type: string; auteur: Auteur; creeLe: Date; details: unknown }[] = [
    {
      type: "IMPORT",
      auteur: AUTEUR_IMPORT,
      creeLe: depot,
      details: { avertissements: 0, administrateurs: g.administrateurs.length },
    },
  ];
  if (g.statut !== "EN_COURS") {
    evenements.push({
      type: "STATUT_MODIFIE",
      auteur: gestionnaire,
      creeLe: new Date(derniere.getTime() + 3_600_000),
      details: { de: "EN_COURS", vers: g.statut, message: null },
    });
  }
  const majLe = evenements.at(-1)!.creeLe;

  const d = g.demande;
  const demandeId = Number(
    sql.demande.run(
      d.numero,
      d.type,
      d.couloir,
      d.numeroEditeur,
      d.logiciel,
      normaliserRecherche(String(d.logiciel)),
      dateSql(depot),
      d.dateCommande ? dateSql(d.dateCommande as Date) : null,
      g.statut,
      g.etatPaiement,
      d.montantCentimes,
      bool(d.mandataire),
      d.courrielContact,
      d.scenarioInstallation,
      "[]",
      versions.length,
      versions.length > 1 ? dateSql(derniere) : null,
      dateSql(depot),
      dateSql(majLe),
    ).lastInsertRowid,
  );
  const cb = g.coordonnees;
  if (cb) sql.coordonnees.run(demandeId, ...CHAMPS_COORDONNEES.map((c) => cb[c]));
  for (const b of g.beneficiaires)
    sql.beneficiaire.run(demandeId, b.cle, b.ordre, ...CHAMPS_BENEFICIAIRES.map((c) => enSqlite(b[c])));
  for (const a of g.administrateurs)
    sql.administrateur.run(demandeId, a.ordre, 1, ...CHAMPS_ADMINISTRATEURS.map((c) => enSqlite(a[c])));
  for (const p of g.pieces)
    sql.piece.run(
      demandeId,
      p.cle,
      p.nomFichier,
      p.type,
      "application/pdf",
      p.taille,
      p.sha256,
      p.contenu,
      dateSql(depot),
    );

  let precedent = HASH_INITIAL;
  // Snapshots as enregistrerVersion writes them: the replayed state after every K-th version.
  let etat = etatVide();
  let rejouees = 0;
  const parametres: unknown[] = [];
  versions.forEach((v, i) => {
    const hash = hashVersion(precedent, {
      demandeNumero: g.numero,
      numero: i + 1,
      auteur: v.auteur.nom,
      acteur: v.auteur.cle,
      role: v.auteur.role,
      creeLe: v.creeLe,
      commentaire: v.commentaire,
      changements: v.changements,
    });
    const versionId = sql.version.run(
      demandeId,
      i + 1,
      v.auteur.nom,
      v.auteur.cle,
      v.auteur.role,
      dateSql(v.creeLe),
      v.commentaire,
      precedent,
      hash,
      v.changements.length,
    ).lastInsertRowid;
    // Version 1 compact, as the import writes it: its state as snapshot 1, no change rows (version-initiale.ts).
    if (i === 0) sql.instantane.run(demandeId, 1, instantaneInitial(v.changements));
    else
      v.changements.forEach(
        (c, ordre) =>
          void parametres.push(versionId, ordre, c.bloc, c.cle, c.nature, c.champ, c.ancienneValeur, c.nouvelleValeur),
      );
    if (versionAvecInstantane(i + 1)) {
      etat = rejouer(versions.slice(rejouees, i + 1), etat);
      rejouees = i + 1;
      sql.instantane.run(demandeId, i + 1, serialiserEtat(etat));
    }
    precedent = hash;
  });
  const parInsertion = CHANGEMENTS_PAR_INSERTION * COLONNES_CHANGEMENT.length;
  for (let i = 0; i < parametres.length; i += parInsertion) {
    const tranche = parametres.slice(i, i + parInsertion);
    sql.changements(tranche.length / COLONNES_CHANGEMENT.length).run(tranche);
  }
  precedent = HASH_INITIAL;
  for (const e of evenements) {
    const ev = {
      demandeId,
      type: e.type,
      auteur: e.auteur.nom,
      acteur: e.auteur.cle,
      role: e.auteur.role,
      creeLe: e.creeLe,
      bloc: null,
      cle: null,
      motif: null,
      details: JSON.stringify(e.details),
    };
    const hash = hashEvenement(precedent, ev);
    sql.evenement.run(
      demandeId,
      ev.type,
      ev.auteur,
      ev.acteur,
      ev.role,
      dateSql(ev.creeLe),
      null,
      null,
      null,
      ev.details,
      precedent,
      hash,
      normaliserRecherche(ev.auteur),
    );
    precedent = hash;
  }
}
