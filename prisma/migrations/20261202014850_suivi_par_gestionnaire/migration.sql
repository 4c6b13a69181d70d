-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Demande" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "numero" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "couloir" TEXT NOT NULL,
    "numeroEditeur" TEXT NOT NULL,
    "logiciel" TEXT NOT NULL,
    "logicielRecherche" TEXT,
    "dateDepot" DATETIME NOT NULL,
    "dateCommande" DATETIME,
    "statut" TEXT NOT NULL DEFAULT 'EN_COURS',
    "etatPaiement" TEXT NOT NULL DEFAULT 'AUCUN',
    "montantCentimes" BIGINT NOT NULL,
    "mandataire" BOOLEAN NOT NULL DEFAULT false,
    "courrielContact" TEXT,
    "scenarioInstallation" TEXT,
    "referenceFournisseur" TEXT,
    "avertissements" TEXT NOT NULL DEFAULT '[]',
    "versionCourante" INTEGER NOT NULL DEFAULT 1,
    "derniereModification" DATETIME,
    "suiviParId" INTEGER,
    "creeLe" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "majLe" DATETIME NOT NULL,
    CONSTRAINT "Demande_suiviParId_fkey" FOREIGN KEY ("suiviParId") REFERENCES "Utilisateur" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Demande" ("avertissements", "couloir", "courrielContact", "creeLe", "dateCommande", "dateDepot", "derniereModification", "etatPaiement", "id", "logiciel", "logicielRecherche", "majLe", "mandataire", "montantCentimes", "numero", "numeroEditeur", "referenceFournisseur", "scenarioInstallation", "statut", "type", "versionCourante") SELECT "avertissements", "couloir", "courrielContact", "creeLe", "dateCommande", "dateDepot", "derniereModification", "etatPaiement", "id", "logiciel", "logicielRecherche", "majLe", "mandataire", "montantCentimes", "numero", "numeroEditeur", "referenceFournisseur", "scenarioInstallation", "statut", "type", "versionCourante" FROM "Demande";
DROP TABLE "Demande";
ALTER TABLE "new_Demande" RENAME TO "Demande";
CREATE UNIQUE INDEX "Demande_numero_key" ON "Demande"("numero");
CREATE INDEX "Demande_numeroEditeur_dateDepot_id_idx" ON "Demande"("numeroEditeur", "dateDepot", "id");
CREATE INDEX "Demande_statut_dateDepot_id_idx" ON "Demande"("statut", "dateDepot", "id");
CREATE INDEX "Demande_type_dateDepot_id_idx" ON "Demande"("type", "dateDepot", "id");
CREATE INDEX "Demande_etatPaiement_dateDepot_id_idx" ON "Demande"("etatPaiement", "dateDepot", "id");
CREATE INDEX "Demande_logiciel_dateDepot_id_idx" ON "Demande"("logiciel", "dateDepot", "id");
CREATE INDEX "Demande_montantCentimes_dateDepot_id_idx" ON "Demande"("montantCentimes", "dateDepot", "id");
CREATE INDEX "Demande_dateCommande_dateDepot_id_idx" ON "Demande"("dateCommande", "dateDepot", "id");
CREATE INDEX "Demande_dateDepot_id_export_idx" ON "Demande"("dateDepot", "id", "numero", "type", "numeroEditeur", "logiciel", "dateCommande", "statut", "etatPaiement", "montantCentimes");
CREATE INDEX "Demande_majLe_id_idx" ON "Demande"("majLe", "id");
CREATE INDEX "Demande_referenceFournisseur_idx" ON "Demande"("referenceFournisseur");
CREATE INDEX "Demande_suiviParId_dateDepot_id_idx" ON "Demande"("suiviParId", "dateDepot", "id");
CREATE UNIQUE INDEX "Demande_numeroEditeur_referenceFournisseur_key" ON "Demande"("numeroEditeur", "referenceFournisseur");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
