-- CreateTable
CREATE TABLE "Demande" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "numero" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "couloir" TEXT NOT NULL,
    "numeroEditeur" TEXT NOT NULL,
    "logiciel" TEXT NOT NULL,
    "dateDepot" DATETIME NOT NULL,
    "dateCommande" DATETIME,
    "statut" TEXT NOT NULL DEFAULT 'EN_COURS',
    "etatPaiement" TEXT NOT NULL DEFAULT 'AUCUN',
    "montantCentimes" INTEGER NOT NULL,
    "mandataire" BOOLEAN NOT NULL DEFAULT false,
    "courrielContact" TEXT,
    "scenarioInstallation" TEXT,
    "avertissements" TEXT NOT NULL DEFAULT '[]',
    "versionCourante" INTEGER NOT NULL DEFAULT 1,
    "derniereModification" DATETIME,
    "creeLe" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "majLe" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CoordonneesBancaires" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "demandeId" INTEGER NOT NULL,
    "iban" TEXT NOT NULL,
    "bic" TEXT NOT NULL,
    "titulaire" TEXT NOT NULL,
    "domiciliation" TEXT NOT NULL,
    "validation" TEXT NOT NULL DEFAULT 'A_VALIDER',
    "validationMotif" TEXT,
    "valideePar" TEXT,
    "valideeLe" DATETIME,
    CONSTRAINT "CoordonneesBancaires_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Beneficiaire" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "demandeId" INTEGER NOT NULL,
    "cle" TEXT NOT NULL,
    "ordre" INTEGER NOT NULL DEFAULT 0,
    "nomResponsable" TEXT NOT NULL,
    "emailResponsable" TEXT NOT NULL,
    "telResponsable" TEXT NOT NULL,
    "finessJuridique" TEXT NOT NULL,
    "finessGeographique" TEXT NOT NULL,
    "presentSolde" BOOLEAN NOT NULL DEFAULT false,
    "ancienneVersion" TEXT,
    "maitreIdentite" TEXT,
    "stockageIdentite" TEXT,
    "operateurMessagerie" TEXT,
    "validation" TEXT NOT NULL DEFAULT 'A_VALIDER',
    "validationMotif" TEXT,
    "valideePar" TEXT,
    "valideeLe" DATETIME,
    CONSTRAINT "Beneficiaire_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AdministrateurTechnique" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "demandeId" INTEGER NOT NULL,
    "finessJuridique" TEXT NOT NULL,
    "ordre" INTEGER NOT NULL DEFAULT 0,
    "demandeCertificatServeur" BOOLEAN NOT NULL DEFAULT true,
    "contractualisationOG" BOOLEAN,
    "statutAdminTechnique" TEXT,
    "contractualisationEditeur" BOOLEAN,
    "numeroCarteCPX" TEXT,
    "nomAdminTechnique" TEXT,
    "telAdminTechnique" TEXT,
    "emailAdminTechnique" TEXT,
    "utiliteCertificat" TEXT,
    "validation" TEXT NOT NULL DEFAULT 'A_VALIDER',
    "validationMotif" TEXT,
    "valideePar" TEXT,
    "valideeLe" DATETIME,
    "lotTransmissionId" INTEGER,
    "transmisLe" DATETIME,
    CONSTRAINT "AdministrateurTechnique_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AdministrateurTechnique_lotTransmissionId_fkey" FOREIGN KEY ("lotTransmissionId") REFERENCES "LotTransmission" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PieceJustificative" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "demandeId" INTEGER NOT NULL,
    "cle" TEXT NOT NULL,
    "nomFichier" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "typeMime" TEXT NOT NULL DEFAULT 'application/pdf',
    "taille" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "contenu" BLOB NOT NULL,
    "deposeLe" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validation" TEXT NOT NULL DEFAULT 'A_VALIDER',
    "validationMotif" TEXT,
    "valideePar" TEXT,
    "valideeLe" DATETIME,
    CONSTRAINT "PieceJustificative_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Courriel" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "demandeId" INTEGER NOT NULL,
    "destinataire" TEXT NOT NULL,
    "sujet" TEXT NOT NULL,
    "corps" TEXT NOT NULL,
    "transport" TEXT NOT NULL DEFAULT 'base',
    "envoyeLe" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Courriel_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EtatBloc" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "demandeId" INTEGER NOT NULL,
    "bloc" TEXT NOT NULL,
    "verrouille" BOOLEAN NOT NULL DEFAULT false,
    "modifieLe" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "modifiePar" TEXT,
    CONSTRAINT "EtatBloc_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Utilisateur" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "nom" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "motDePasseHash" TEXT NOT NULL,
    "actif" BOOLEAN NOT NULL DEFAULT true,
    "creeLe" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Session" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "jetonHash" TEXT NOT NULL,
    "utilisateurId" INTEGER NOT NULL,
    "creeLe" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expireLe" DATETIME NOT NULL,
    CONSTRAINT "Session_utilisateurId_fkey" FOREIGN KEY ("utilisateurId") REFERENCES "Utilisateur" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CleApi" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "prefixe" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "numeroEditeur" TEXT NOT NULL,
    "libelle" TEXT NOT NULL,
    "creeLe" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expireLe" DATETIME,
    "revoqueeLe" DATETIME,
    "utiliseeLe" DATETIME
);

-- CreateTable
CREATE TABLE "Brouillon" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "demandeId" INTEGER NOT NULL,
    "acteur" TEXT NOT NULL,
    "acteurNom" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "versionBase" INTEGER NOT NULL,
    "creeLe" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "majLe" DATETIME NOT NULL,
    CONSTRAINT "Brouillon_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OperationBrouillon" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "brouillonId" INTEGER NOT NULL,
    "ordre" INTEGER NOT NULL,
    "bloc" TEXT NOT NULL,
    "nature" TEXT NOT NULL,
    "cle" TEXT NOT NULL,
    "donnees" TEXT,
    "contenu" BLOB,
    "creeLe" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OperationBrouillon_brouillonId_fkey" FOREIGN KEY ("brouillonId") REFERENCES "Brouillon" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Version" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "demandeId" INTEGER NOT NULL,
    "numero" INTEGER NOT NULL,
    "auteur" TEXT NOT NULL,
    "acteur" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "creeLe" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "commentaire" TEXT,
    "hashPrecedent" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    CONSTRAINT "Version_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChangementVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "versionId" INTEGER NOT NULL,
    "ordre" INTEGER NOT NULL,
    "bloc" TEXT NOT NULL,
    "cle" TEXT NOT NULL,
    "nature" TEXT NOT NULL,
    "champ" TEXT NOT NULL,
    "ancienneValeur" TEXT,
    "nouvelleValeur" TEXT,
    CONSTRAINT "ChangementVersion_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "Version" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvenementAudit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "demandeId" INTEGER,
    "type" TEXT NOT NULL,
    "auteur" TEXT NOT NULL,
    "acteur" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "creeLe" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "bloc" TEXT,
    "cle" TEXT,
    "motif" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    "hashPrecedent" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    CONSTRAINT "EvenementAudit_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TraceAcces" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "acteur" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "cible" TEXT,
    "creeLe" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "LotTransmission" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "numero" TEXT NOT NULL,
    "creeLe" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "auteur" TEXT NOT NULL,
    "nombre" INTEGER NOT NULL,
    "csv" TEXT NOT NULL,
    "json" TEXT NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Demande_numero_key" ON "Demande"("numero");

-- CreateIndex
CREATE INDEX "Demande_numeroEditeur_dateDepot_idx" ON "Demande"("numeroEditeur", "dateDepot");

-- CreateIndex
CREATE INDEX "Demande_statut_idx" ON "Demande"("statut");

-- CreateIndex
CREATE INDEX "Demande_dateDepot_id_idx" ON "Demande"("dateDepot", "id");

-- CreateIndex
CREATE INDEX "Demande_logiciel_idx" ON "Demande"("logiciel");

-- CreateIndex
CREATE UNIQUE INDEX "CoordonneesBancaires_demandeId_key" ON "CoordonneesBancaires"("demandeId");

-- CreateIndex
CREATE INDEX "Beneficiaire_finessJuridique_idx" ON "Beneficiaire"("finessJuridique");

-- CreateIndex
CREATE UNIQUE INDEX "Beneficiaire_demandeId_cle_key" ON "Beneficiaire"("demandeId", "cle");

-- CreateIndex
CREATE INDEX "AdministrateurTechnique_finessJuridique_idx" ON "AdministrateurTechnique"("finessJuridique");

-- CreateIndex
CREATE INDEX "AdministrateurTechnique_validation_lotTransmissionId_idx" ON "AdministrateurTechnique"("validation", "lotTransmissionId");

-- CreateIndex
CREATE UNIQUE INDEX "AdministrateurTechnique_demandeId_finessJuridique_key" ON "AdministrateurTechnique"("demandeId", "finessJuridique");

-- CreateIndex
CREATE UNIQUE INDEX "PieceJustificative_demandeId_cle_key" ON "PieceJustificative"("demandeId", "cle");

-- CreateIndex
CREATE INDEX "Courriel_demandeId_envoyeLe_idx" ON "Courriel"("demandeId", "envoyeLe");

-- CreateIndex
CREATE UNIQUE INDEX "EtatBloc_demandeId_bloc_key" ON "EtatBloc"("demandeId", "bloc");

-- CreateIndex
CREATE UNIQUE INDEX "Utilisateur_email_key" ON "Utilisateur"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Session_jetonHash_key" ON "Session"("jetonHash");

-- CreateIndex
CREATE INDEX "Session_utilisateurId_idx" ON "Session"("utilisateurId");

-- CreateIndex
CREATE UNIQUE INDEX "CleApi_prefixe_key" ON "CleApi"("prefixe");

-- CreateIndex
CREATE INDEX "CleApi_numeroEditeur_idx" ON "CleApi"("numeroEditeur");

-- CreateIndex
CREATE UNIQUE INDEX "Brouillon_demandeId_acteur_key" ON "Brouillon"("demandeId", "acteur");

-- CreateIndex
CREATE INDEX "OperationBrouillon_brouillonId_ordre_idx" ON "OperationBrouillon"("brouillonId", "ordre");

-- CreateIndex
CREATE UNIQUE INDEX "OperationBrouillon_brouillonId_bloc_cle_key" ON "OperationBrouillon"("brouillonId", "bloc", "cle");

-- CreateIndex
CREATE UNIQUE INDEX "Version_demandeId_numero_key" ON "Version"("demandeId", "numero");

-- CreateIndex
CREATE INDEX "ChangementVersion_versionId_ordre_idx" ON "ChangementVersion"("versionId", "ordre");

-- CreateIndex
CREATE INDEX "EvenementAudit_demandeId_creeLe_idx" ON "EvenementAudit"("demandeId", "creeLe");

-- CreateIndex
CREATE INDEX "TraceAcces_creeLe_idx" ON "TraceAcces"("creeLe");

-- CreateIndex
CREATE UNIQUE INDEX "LotTransmission_numero_key" ON "LotTransmission"("numero");
