import { randomBytes, createHash } from "node:crypto";
import { validerDocumentImport, type DemandeImportee, type Probleme } from "@segur/shared";
import type { Db } from "@segur/prisma";
import type { Config } from "../config.js";
import { ErreurValidation } from "../commun/erreurs.js";
import { chercherParLots } from "../commun/lots.js";
import { certificatsAilleurs } from "../administrateur/doublons.js";
import { differences } from "../historique/changements.js";
import { etatVide } from "../historique/champs.js";
import { enregistrerEvenement, enregistrerVersion, etatActuel, type Auteur, type Tx } from "../historique/service.js";

export const nouvelleCle = (prefixe: string) => `${prefixe}-${randomBytes(5).toString("hex")}`;

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
  const dateDepot = options.dateDepot ?? new Date();
  const resultat = validerDocumentImport(json, {
    dateDebutCertificat: config.dateDebutCertificat, dateDepot, montantMaxCentimes: config.montantMaxCentimes,
    numeroEditeur: options.numeroEditeur ?? null,
  });
  const erreurs: Probleme[] = [...resultat.erreurs];
  erreurs.push(...(await referencesDejaImportees(prisma, resultat.demandes, json)));
  if (erreurs.length) throw new ErreurValidation(erreurs, `Fichier refusé : ${erreurs.length} erreur(s). Aucune demande n'a été créée.`);

  return prisma.$transaction(async (tx) => {
    const creees = [];
    const numeros = numeroteur(tx);
    for (const [i, d] of resultat.demandes.entries()) {
      const avertissements = [...d.avertissements, ...(await doublonsAutresDemandes(tx, d, i, json))];
      const numero = options.numeros?.[i];
      creees.push(
        await creerDemande(tx, d, {
          auteur: options.auteur, dateDepot, avertissements, numero: numero ? numeros.garder(numero) : await numeros.suivant(d.couloir), ...options.statuts?.[i],
        }),
      );
    }
    return { demandes: creees, avertissements: resultat.avertissements };
  });
}

/** A reference already imported makes a retry safe: refused, naming the existing demande. */
async function referencesDejaImportees(prisma: Db, demandes: DemandeImportee[], json: unknown): Promise<Probleme[]> {
  const avecRef = demandes.map((d, i) => ({ d, i })).filter(({ d }) => d.referenceFournisseur);
  if (!avecRef.length) return [];
  const cle = (numeroEditeur: string, ref: string | null) => `${numeroEditeur}\u0000${ref}`;
  const existantes = new Map<string, string>();
  // One query per éditeur and slice of references (a file may hold thousands).
  const parEditeur = new Map<string, Set<string>>();
  for (const { d } of avecRef) parEditeur.set(d.numeroEditeur, (parEditeur.get(d.numeroEditeur) ?? new Set()).add(d.referenceFournisseur!));
  for (const [numeroEditeur, refs] of parEditeur) {
    const trouvees = await chercherParLots([...refs], (lot) =>
      prisma.demande.findMany({ where: { numeroEditeur, referenceFournisseur: { in: lot } }, select: { numero: true, referenceFournisseur: true } }),
    );
    for (const t of trouvees) existantes.set(cle(numeroEditeur, t.referenceFournisseur), t.numero);
  }
  return avecRef.flatMap(({ d, i }) => {
    const numero = existantes.get(cle(d.numeroEditeur, d.referenceFournisseur));
    const e = numero === undefined ? null : { numero };
    return e
      ? [{
          code: "DEJA_IMPORTEE", gravite: "ERREUR" as const, champ: "referenceFournisseur", path: [...d.chemin, "referenceFournisseur"],
          message: `Référence fournisseur : « ${d.referenceFournisseur} » a déjà été importée (demande ${e.numero}).`,
        }]
      : [];
  });
}

function cheminDemande(json: unknown, i: number, champ: string): (string | number)[] {
  return json && typeof json === "object" && Array.isArray((json as { demandes?: unknown }).demandes) ? ["demandes", i, champ] : [champ];
}

/** Cross-demande duplicates: kept as gestionnaire-only warnings, never told to the supplier. */
async function doublonsAutresDemandes(tx: Tx, d: DemandeImportee, i: number, json: unknown): Promise<Probleme[]> {
  if (!d.administrateurs.length) return [];
  const existants = await certificatsAilleurs(tx, d.administrateurs.map((a) => a.finessJuridique), null);
  return existants.map((e) => ({
    code: "DOUBLON_AUTRE_DEMANDE", gravite: "AVERTISSEMENT" as const, champ: "finessJuridique",
    path: [...cheminDemande(json, i, "administrateurs"), e.finessJuridique],
    message: `FINESS juridique ${e.finessJuridique} : une demande de certificat existe déjà dans la demande ${e.numero}.`,
  }));
}

const NUMERO = /^FIN([A-Z0-9]+?)(\d{6})M\d$/;

/**
 * Numbers of one import's demandes: each couloir's last number is read once per transaction,
 * then counted on (a file may hold thousands of demandes).
 */
function numeroteur(tx: Tx) {
  const derniers = new Map<string, number>();
  return {
    async suivant(couloir: string): Promise<string> {
      const prefixe = `FIN${couloir}`;
      let seq = derniers.get(couloir);
      if (seq === undefined) {
        const dernier = await tx.demande.findFirst({ where: { numero: { startsWith: prefixe } }, orderBy: { numero: "desc" }, select: { numero: true } });
        seq = dernier ? Number(NUMERO.exec(dernier.numero)?.[2] ?? 0) : 0;
      }
      derniers.set(couloir, seq + 1);
      return `${prefixe}${String(seq + 1).padStart(6, "0")}M0`;
    },
    /** A number given by the caller (seed, historic data): later ones are counted above it. */
    garder(numero: string): string {
      const m = NUMERO.exec(numero);
      const seq = derniers.get(m?.[1] ?? "");
      if (m && seq !== undefined) derniers.set(m[1]!, Math.max(seq, Number(m[2])));
      return numero;
    },
  };
}

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

export async function creerDemande(
  tx: Tx,
  d: DemandeImportee,
  o: { auteur: Auteur; dateDepot: Date; avertissements: Probleme[]; numero: string; statut?: string; etatPaiement?: string },
) {
  const numero = o.numero;
  const demande = await tx.demande.create({
    data: {
      numero, type: d.type, couloir: d.couloir, numeroEditeur: d.numeroEditeur, logiciel: d.logiciel, dateDepot: o.dateDepot,
      dateCommande: d.dateCommande ? new Date(`${d.dateCommande}T00:00:00.000Z`) : null,
      montantCentimes: d.montantCentimes, mandataire: d.mandataire, courrielContact: d.courrielContact,
      scenarioInstallation: d.scenarioInstallation, referenceFournisseur: d.referenceFournisseur, avertissements: JSON.stringify(o.avertissements),
      statut: o.statut ?? "EN_COURS", etatPaiement: o.etatPaiement ?? "AUCUN", versionCourante: 1,
      coordonneesBancaires: d.coordonneesBancaires ? { create: d.coordonneesBancaires } : undefined,
      beneficiaires: { create: d.beneficiaires.map((b, ordre) => ({ ...b, ordre, cle: nouvelleCle("b") })) },
      administrateurs: { create: d.administrateurs.map((a, ordre) => ({ ...a, ordre, demandeCertificatServeur: true })) },
      pieces: {
        create: d.pieces.map((p) => ({
          cle: nouvelleCle("p"), nomFichier: p.nomFichier, type: p.type, taille: p.contenu.byteLength, sha256: sha256(p.contenu),
          contenu: new Uint8Array(p.contenu),
        })),
      },
    },
  });
  const changements = differences(etatVide(), await etatActuel(tx, demande.id));
  await enregistrerVersion(tx, {
    demandeId: demande.id, demandeNumero: numero, numero: 1, auteur: o.auteur, commentaire: "Import de la demande", changements,
  });
  await enregistrerEvenement(tx, {
    demandeId: demande.id, type: "IMPORT", auteur: o.auteur,
    details: { avertissements: o.avertissements.length, administrateurs: d.administrateurs.length },
  });
  return demande;
}
