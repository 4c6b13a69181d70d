import { exempleDocumentImport, perimetreCertificat, type DemandeJson, type StatutDemande } from "@segur/shared";
import type { Db } from "@segur/prisma";
import type { Config } from "../config.js";
import type { Acteur } from "../auth/acteur.js";
import { creerUtilisateur } from "../auth/service.js";
import { AUTEUR_SYSTEME } from "../historique/service.js";
import { importerDocument } from "../import/service.js";
import { confirmerBrouillon, stagerOperation } from "../brouillon/service.js";
import { aleatoire, demandeAleatoire } from "./generateur.js";

export const COMPTES_DEMO = {
  gestionnaire: {
    email: "gestionnaire@demo.fr",
    nom: "Gaëlle Gestionnaire",
    motDePasse: "Gestion-Demo-2026",
    role: "GESTIONNAIRE" as const,
  },
  auditeur: {
    email: "auditeur@demo.fr",
    nom: "Aurélien Auditeur",
    motDePasse: "Audit-Demo-2026",
    role: "AUDITEUR" as const,
  },
};

const AUTEUR_SEED = { ...AUTEUR_SYSTEME, nom: "Jeu de démonstration" };

async function comptes(prisma: Db) {
  for (const c of Object.values(COMPTES_DEMO)) {
    if (!(await prisma.utilisateur.findUnique({ where: { email: c.email } }))) await creerUtilisateur(prisma, c);
  }
  return prisma.utilisateur.findUniqueOrThrow({ where: { email: COMPTES_DEMO.gestionnaire.email } });
}

/** The supplier guide's demandes (SPEC §8), with the certificate block added by a confirmed modification. */
async function demandesDuGuide(prisma: Db, config: Config, gestionnaire: Acteur) {
  const doc = exempleDocumentImport();
  const guide = doc.demandes[0]!;
  // Déposée 08/12/2022, before the certificate cutoff: the block appears once a later modification is confirmed.
  const sansCertificats: DemandeJson = {
    ...guide,
    beneficiaires: guide.beneficiaires.map((b) => ({
      ...b,
      demandeCertificatServeur: false,
      contracutualisationOG: null,
      StatutAdminTechnique: null,
      contractualisationEditeur: null,
      certificatServeur: null,
    })),
  };
  await importerDocument(
    prisma,
    config,
    { demandes: [sansCertificats] },
    { auteur: AUTEUR_SEED, dateDepot: new Date("2022-12-08T09:30:00Z"), numeros: ["FINMS2007720M0"] },
  );
  for (const b of guide.beneficiaires.filter((x) => x.demandeCertificatServeur)) {
    const c = b.certificatServeur!;
    await stagerOperation(prisma, gestionnaire, "FINMS2007720M0", {
      bloc: "ADMINISTRATEURS",
      nature: "AJOUT",
      cle: "",
      valeurs: {
        finessJuridique: b.finessJuridique,
        contractualisationOG: b.contracutualisationOG,
        statutAdminTechnique: b.StatutAdminTechnique,
        contractualisationEditeur: b.contractualisationEditeur,
        numeroCarteCPX: c.numeroCarteCPX,
        nomAdminTechnique: c.nomAdminTechnique,
        telAdminTechnique: c.telAdminTechnique,
        emailAdminTechnique: c.emailAdminTechnique,
        utiliteCertificat: c.utiliteCertificat,
      },
    });
  }
  await confirmerBrouillon(
    prisma,
    gestionnaire,
    "FINMS2007720M0",
    1,
    "Ajout des demandes de certificats serveur (guide fournisseur)",
  );

  const solde: DemandeJson = {
    ...guide,
    type: "SOLDE",
    numeroEditeur: "00040",
    logiciel: "DUI-PDS",
    dateCommande: "2023-03-15",
    montantSegurDeclare: "1200.00",
    courrielContact: "contact@editeur-00040.fr",
    beneficiaires: sansCertificats.beneficiaires.slice(0, 2).map((b) => ({ ...b, presentSolde: true })),
    piecesJustificatives: guide.piecesJustificatives!.map((p) => ({
      ...p,
      nomFichier: p.nomFichier.replace("00001", "00040").replace("va1", "solde"),
    })),
  };
  await importerDocument(
    prisma,
    config,
    { demandes: [solde] },
    {
      auteur: AUTEUR_SEED,
      dateDepot: new Date("2023-04-07T10:00:00Z"),
      numeros: ["FINMS2007947M2"],
      statuts: [{ statut: "REGULARISATION_EN_COURS", etatPaiement: "EN_COURS" }],
    },
  );
}

/** Statuts of generated demandes, weighted (half still EN_COURS). */
export const STATUTS: StatutDemande[] = [
  "EN_COURS",
  "EN_COURS",
  "EN_COURS",
  "A_MODIFIER",
  "EN_ATTENTE_PIECE",
  "REGULARISATION_EN_COURS",
];

/** Demo data: accounts, the guide's demandes, then `count` generated demandes (deterministic). */
export async function semer(
  prisma: Db,
  config: Config,
  { count = 40, graine = 2023 }: { count?: number; graine?: number } = {},
) {
  const g = await comptes(prisma);
  const gestionnaire: Acteur = {
    type: "UTILISATEUR",
    id: g.id,
    cle: `U:${g.id}`,
    nom: g.nom,
    email: g.email,
    role: "GESTIONNAIRE",
    numeroEditeur: null,
  };
  if (!(await prisma.demande.findUnique({ where: { numero: "FINMS2007720M0" } })))
    await demandesDuGuide(prisma, config, gestionnaire);
  const existantes = await prisma.demande.count();
  const r = aleatoire(graine + existantes);
  const debut = Date.UTC(2022, 5, 1);
  const fin = Date.now();
  for (let i = 0; i < count; i++) {
    const dateDepot = new Date(debut + r.suivant() * (fin - debut));
    const type = r.suivant() < 0.7 ? "AVANCE" : "SOLDE";
    const couloir = r.suivant() < 0.9 ? r.choix(["MS1", "MS2"]) : "PH1";
    const avecCertificats = perimetreCertificat({ type, couloir, dateDepot }, config.dateDebutCertificat);
    const statut = r.choix(STATUTS);
    await importerDocument(
      prisma,
      config,
      { demandes: [demandeAleatoire(r, existantes + i, avecCertificats, type, couloir, dateDepot)] },
      {
        auteur: AUTEUR_SEED,
        dateDepot,
        statuts: [
          {
            statut,
            etatPaiement:
              statut === "REGULARISATION_EN_COURS" ? "EN_COURS" : r.choix(["AUCUN", "AUCUN", "EN_COURS", "PAYE"]),
          },
        ],
      },
    );
  }
  return { demandes: await prisma.demande.count() };
}
