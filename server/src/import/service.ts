import { randomBytes, createHash } from "node:crypto";
import { validerDocumentImport, type DemandeImportee, type Probleme } from "@segur/shared";
import type { Db } from "@segur/prisma";
import type { Config } from "../config.js";
import { ErreurValidation } from "../commun/erreurs.js";
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
  const resultat = validerDocumentImport(json, { dateDebutCertificat: config.dateDebutCertificat, dateDepot });
  const erreurs: Probleme[] = [...resultat.erreurs];
  if (options.numeroEditeur) {
    resultat.demandes.forEach((d, i) => {
      if (d.numeroEditeur !== options.numeroEditeur) {
        erreurs.push({
          code: "EDITEUR", gravite: "ERREUR", champ: "numeroEditeur", path: cheminDemande(json, i, "numeroEditeur"),
          message: `Numéro éditeur : votre clé API est rattachée à l'éditeur ${options.numeroEditeur}, la demande indique « ${d.numeroEditeur} ».`,
        });
      }
    });
  }
  erreurs.push(...(await referencesDejaImportees(prisma, resultat.demandes, json)));
  if (erreurs.length) throw new ErreurValidation(erreurs, `Fichier refusé : ${erreurs.length} erreur(s). Aucune demande n'a été créée.`);

  return prisma.$transaction(async (tx) => {
    const creees = [];
    for (const [i, d] of resultat.demandes.entries()) {
      const avertissements = [...d.avertissements, ...(await doublonsAutresDemandes(tx, d, i, json))];
      creees.push(
        await creerDemande(tx, d, {
          auteur: options.auteur, dateDepot, avertissements, numero: options.numeros?.[i], ...options.statuts?.[i],
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
  const existantes = await prisma.demande.findMany({
    where: { OR: avecRef.map(({ d }) => ({ numeroEditeur: d.numeroEditeur, referenceFournisseur: d.referenceFournisseur })) },
    select: { numero: true, numeroEditeur: true, referenceFournisseur: true },
  });
  return avecRef.flatMap(({ d, i }) => {
    const e = existantes.find((x) => x.numeroEditeur === d.numeroEditeur && x.referenceFournisseur === d.referenceFournisseur);
    return e
      ? [{
          code: "DEJA_IMPORTEE", gravite: "ERREUR" as const, champ: "referenceFournisseur", path: cheminDemande(json, i, "referenceFournisseur"),
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
  const existants = await tx.administrateurTechnique.findMany({
    where: { finessJuridique: { in: d.administrateurs.map((a) => a.finessJuridique) }, demandeCertificatServeur: true, validation: { not: "REJETEE" } },
    select: { finessJuridique: true, demande: { select: { numero: true } } },
  });
  return existants.map((e) => ({
    code: "DOUBLON_AUTRE_DEMANDE", gravite: "AVERTISSEMENT" as const, champ: "finessJuridique",
    path: [...cheminDemande(json, i, "administrateurs"), e.finessJuridique],
    message: `FINESS juridique ${e.finessJuridique} : une demande de certificat existe déjà dans la demande ${e.demande.numero}.`,
  }));
}

async function prochainNumero(tx: Tx, couloir: string): Promise<string> {
  const prefixe = `FIN${couloir}`;
  const dernier = await tx.demande.findFirst({
    where: { numero: { startsWith: prefixe } }, orderBy: { numero: "desc" }, select: { numero: true },
  });
  const seq = dernier ? Number(/^FIN[A-Z0-9]+?(\d{6})M\d$/.exec(dernier.numero)?.[1] ?? 0) + 1 : 1;
  return `${prefixe}${String(seq).padStart(6, "0")}M0`;
}

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

export async function creerDemande(
  tx: Tx,
  d: DemandeImportee,
  o: { auteur: Auteur; dateDepot: Date; avertissements: Probleme[]; numero?: string | undefined; statut?: string; etatPaiement?: string },
) {
  const numero = o.numero ?? (await prochainNumero(tx, d.couloir));
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
