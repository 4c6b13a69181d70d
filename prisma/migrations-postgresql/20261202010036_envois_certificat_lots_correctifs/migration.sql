-- AlterTable
ALTER TABLE "AdministrateurTechnique" ADD COLUMN     "dernierEnvoiId" INTEGER;

-- AlterTable
ALTER TABLE "LotTransmission" ADD COLUMN     "nature" TEXT NOT NULL DEFAULT 'ORDINAIRE';

-- CreateTable
CREATE TABLE "EnvoiCertificat" (
    "id" SERIAL NOT NULL,
    "lotId" INTEGER NOT NULL,
    "demandeId" INTEGER NOT NULL,
    "finessJuridique" TEXT NOT NULL,
    "numeroVersion" INTEGER NOT NULL,
    "envoyeLe" TIMESTAMP(3) NOT NULL,
    "envoiPrecedentId" INTEGER,

    CONSTRAINT "EnvoiCertificat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EnvoiCertificat_lotId_idx" ON "EnvoiCertificat"("lotId");

-- CreateIndex
CREATE INDEX "EnvoiCertificat_envoiPrecedentId_idx" ON "EnvoiCertificat"("envoiPrecedentId");

-- CreateIndex
CREATE UNIQUE INDEX "EnvoiCertificat_demandeId_finessJuridique_numeroVersion_key" ON "EnvoiCertificat"("demandeId", "finessJuridique", "numeroVersion");

-- CreateIndex
CREATE INDEX "AdministrateurTechnique_dernierEnvoiId_idx" ON "AdministrateurTechnique"("dernierEnvoiId");

-- AddForeignKey
ALTER TABLE "AdministrateurTechnique" ADD CONSTRAINT "AdministrateurTechnique_dernierEnvoiId_fkey" FOREIGN KEY ("dernierEnvoiId") REFERENCES "EnvoiCertificat"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnvoiCertificat" ADD CONSTRAINT "EnvoiCertificat_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "LotTransmission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnvoiCertificat" ADD CONSTRAINT "EnvoiCertificat_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EnvoiCertificat" ADD CONSTRAINT "EnvoiCertificat_envoiPrecedentId_fkey" FOREIGN KEY ("envoiPrecedentId") REFERENCES "EnvoiCertificat"("id") ON DELETE SET NULL ON UPDATE CASCADE;

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
