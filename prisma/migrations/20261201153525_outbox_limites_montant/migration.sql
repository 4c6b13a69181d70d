-- CreateTable
CREATE TABLE "LimiteConnexion" (
    "cle" TEXT NOT NULL PRIMARY KEY,
    "echecs" INTEGER NOT NULL DEFAULT 0,
    "premierEchecLe" DATETIME NOT NULL,
    "dernierEchecLe" DATETIME NOT NULL,
    "bloqueJusquA" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Courriel" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "demandeId" INTEGER NOT NULL,
    "destinataire" TEXT NOT NULL,
    "sujet" TEXT NOT NULL,
    "corps" TEXT NOT NULL,
    "transport" TEXT NOT NULL DEFAULT 'base',
    "creeLe" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "etat" TEXT NOT NULL DEFAULT 'EN_ATTENTE',
    "tentatives" INTEGER NOT NULL DEFAULT 0,
    "derniereErreur" TEXT,
    "prochainEssaiLe" DATETIME DEFAULT CURRENT_TIMESTAMP,
    "reserveJusquA" DATETIME,
    "envoyeLe" DATETIME,
    CONSTRAINT "Courriel_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Emails recorded before the outbox were handed to the transport at once: they count as sent.
INSERT INTO "new_Courriel" ("corps", "demandeId", "destinataire", "envoyeLe", "id", "sujet", "transport", "creeLe", "etat", "prochainEssaiLe") SELECT "corps", "demandeId", "destinataire", "envoyeLe", "id", "sujet", "transport", "envoyeLe", 'ENVOYE', NULL FROM "Courriel";
DROP TABLE "Courriel";
ALTER TABLE "new_Courriel" RENAME TO "Courriel";
CREATE INDEX "Courriel_demandeId_creeLe_idx" ON "Courriel"("demandeId", "creeLe");
CREATE INDEX "Courriel_etat_prochainEssaiLe_idx" ON "Courriel"("etat", "prochainEssaiLe");
-- …except those whose delivery event says the transport failed: they were never delivered
-- (`courriels:relancer` sends them again).
UPDATE "Courriel" SET "etat" = 'ECHEC', "envoyeLe" = NULL, "tentatives" = 1,
  "derniereErreur" = (SELECT json_extract(e."details", '$.erreur') FROM "EvenementAudit" e
    WHERE e."type" = 'COURRIEL_ENVOYE' AND json_extract(e."details", '$.courrielId') = "Courriel"."id"
      AND json_extract(e."details", '$.envoye') = 0 ORDER BY e."id" DESC LIMIT 1)
WHERE "id" IN (SELECT json_extract("details", '$.courrielId') FROM "EvenementAudit"
  WHERE "type" = 'COURRIEL_ENVOYE' AND json_extract("details", '$.envoye') = 0);
CREATE TABLE "new_Demande" (
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
    "montantCentimes" BIGINT NOT NULL,
    "mandataire" BOOLEAN NOT NULL DEFAULT false,
    "courrielContact" TEXT,
    "scenarioInstallation" TEXT,
    "referenceFournisseur" TEXT,
    "avertissements" TEXT NOT NULL DEFAULT '[]',
    "versionCourante" INTEGER NOT NULL DEFAULT 1,
    "derniereModification" DATETIME,
    "creeLe" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "majLe" DATETIME NOT NULL
);
INSERT INTO "new_Demande" ("avertissements", "couloir", "courrielContact", "creeLe", "dateCommande", "dateDepot", "derniereModification", "etatPaiement", "id", "logiciel", "majLe", "mandataire", "montantCentimes", "numero", "numeroEditeur", "referenceFournisseur", "scenarioInstallation", "statut", "type", "versionCourante") SELECT "avertissements", "couloir", "courrielContact", "creeLe", "dateCommande", "dateDepot", "derniereModification", "etatPaiement", "id", "logiciel", "majLe", "mandataire", "montantCentimes", "numero", "numeroEditeur", "referenceFournisseur", "scenarioInstallation", "statut", "type", "versionCourante" FROM "Demande";
DROP TABLE "Demande";
ALTER TABLE "new_Demande" RENAME TO "Demande";
CREATE UNIQUE INDEX "Demande_numero_key" ON "Demande"("numero");
CREATE INDEX "Demande_numeroEditeur_dateDepot_idx" ON "Demande"("numeroEditeur", "dateDepot");
CREATE INDEX "Demande_statut_idx" ON "Demande"("statut");
CREATE INDEX "Demande_dateDepot_id_idx" ON "Demande"("dateDepot", "id");
CREATE INDEX "Demande_logiciel_idx" ON "Demande"("logiciel");
CREATE INDEX "Demande_majLe_id_idx" ON "Demande"("majLe", "id");
CREATE UNIQUE INDEX "Demande_numeroEditeur_referenceFournisseur_key" ON "Demande"("numeroEditeur", "referenceFournisseur");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
