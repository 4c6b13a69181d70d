-- CreateTable
CREATE TABLE "EnvoiCertificat" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "lotId" INTEGER NOT NULL,
    "demandeId" INTEGER NOT NULL,
    "finessJuridique" TEXT NOT NULL,
    "numeroVersion" INTEGER NOT NULL,
    "envoyeLe" DATETIME NOT NULL,
    "envoiPrecedentId" INTEGER,
    CONSTRAINT "EnvoiCertificat_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "LotTransmission" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "EnvoiCertificat_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "EnvoiCertificat_envoiPrecedentId_fkey" FOREIGN KEY ("envoiPrecedentId") REFERENCES "EnvoiCertificat" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AdministrateurTechnique" (
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
    "dernierEnvoiId" INTEGER,
    CONSTRAINT "AdministrateurTechnique_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AdministrateurTechnique_lotTransmissionId_fkey" FOREIGN KEY ("lotTransmissionId") REFERENCES "LotTransmission" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AdministrateurTechnique_dernierEnvoiId_fkey" FOREIGN KEY ("dernierEnvoiId") REFERENCES "EnvoiCertificat" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_AdministrateurTechnique" ("contractualisationEditeur", "contractualisationOG", "demandeCertificatServeur", "demandeId", "emailAdminTechnique", "finessJuridique", "id", "lotTransmissionId", "nomAdminTechnique", "numeroCarteCPX", "ordre", "statutAdminTechnique", "telAdminTechnique", "transmisLe", "utiliteCertificat", "validation", "validationMotif", "valideeLe", "valideePar") SELECT "contractualisationEditeur", "contractualisationOG", "demandeCertificatServeur", "demandeId", "emailAdminTechnique", "finessJuridique", "id", "lotTransmissionId", "nomAdminTechnique", "numeroCarteCPX", "ordre", "statutAdminTechnique", "telAdminTechnique", "transmisLe", "utiliteCertificat", "validation", "validationMotif", "valideeLe", "valideePar" FROM "AdministrateurTechnique";
DROP TABLE "AdministrateurTechnique";
ALTER TABLE "new_AdministrateurTechnique" RENAME TO "AdministrateurTechnique";
CREATE INDEX "AdministrateurTechnique_finessJuridique_idx" ON "AdministrateurTechnique"("finessJuridique");
CREATE INDEX "AdministrateurTechnique_validation_lotTransmissionId_idx" ON "AdministrateurTechnique"("validation", "lotTransmissionId");
CREATE INDEX "AdministrateurTechnique_dernierEnvoiId_idx" ON "AdministrateurTechnique"("dernierEnvoiId");
CREATE UNIQUE INDEX "AdministrateurTechnique_demandeId_finessJuridique_key" ON "AdministrateurTechnique"("demandeId", "finessJuridique");
CREATE TABLE "new_LotTransmission" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "numero" TEXT NOT NULL,
    "creeLe" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "auteur" TEXT NOT NULL,
    "commentaire" TEXT,
    "nombre" INTEGER NOT NULL,
    "csv" TEXT NOT NULL,
    "json" TEXT NOT NULL,
    "nature" TEXT NOT NULL DEFAULT 'ORDINAIRE'
);
INSERT INTO "new_LotTransmission" ("auteur", "commentaire", "creeLe", "csv", "id", "json", "nombre", "numero") SELECT "auteur", "commentaire", "creeLe", "csv", "id", "json", "nombre", "numero" FROM "LotTransmission";
DROP TABLE "LotTransmission";
ALTER TABLE "new_LotTransmission" RENAME TO "LotTransmission";
CREATE UNIQUE INDEX "LotTransmission_numero_key" ON "LotTransmission"("numero");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "EnvoiCertificat_lotId_idx" ON "EnvoiCertificat"("lotId");

-- CreateIndex
CREATE INDEX "EnvoiCertificat_envoiPrecedentId_idx" ON "EnvoiCertificat"("envoiPrecedentId");

-- CreateIndex
CREATE UNIQUE INDEX "EnvoiCertificat_demandeId_finessJuridique_numeroVersion_key" ON "EnvoiCertificat"("demandeId", "finessJuridique", "numeroVersion");

-- Backfill: the requests already in a batch were sent at their demande's current version.
INSERT INTO "EnvoiCertificat" ("lotId", "demandeId", "finessJuridique", "numeroVersion", "envoyeLe")
SELECT a."lotTransmissionId", a."demandeId", a."finessJuridique", d."versionCourante", COALESCE(a."transmisLe", l."creeLe")
FROM "AdministrateurTechnique" a
JOIN "Demande" d ON d."id" = a."demandeId"
JOIN "LotTransmission" l ON l."id" = a."lotTransmissionId"
WHERE a."lotTransmissionId" IS NOT NULL;
UPDATE "AdministrateurTechnique" SET "dernierEnvoiId" = (
  SELECT e."id" FROM "EnvoiCertificat" e
  WHERE e."lotId" = "AdministrateurTechnique"."lotTransmissionId"
    AND e."demandeId" = "AdministrateurTechnique"."demandeId"
    AND e."finessJuridique" = "AdministrateurTechnique"."finessJuridique"
) WHERE "lotTransmissionId" IS NOT NULL;
