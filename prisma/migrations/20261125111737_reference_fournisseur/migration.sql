-- AlterTable
ALTER TABLE "Demande" ADD COLUMN "referenceFournisseur" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Demande_numeroEditeur_referenceFournisseur_key" ON "Demande"("numeroEditeur", "referenceFournisseur");
