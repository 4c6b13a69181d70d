-- AlterTable
ALTER TABLE "Demande" ADD COLUMN     "suiviParId" INTEGER;

-- CreateIndex
CREATE INDEX "Demande_suiviParId_dateDepot_id_idx" ON "Demande"("suiviParId", "dateDepot", "id");

-- AddForeignKey
ALTER TABLE "Demande" ADD CONSTRAINT "Demande_suiviParId_fkey" FOREIGN KEY ("suiviParId") REFERENCES "Utilisateur"("id") ON DELETE SET NULL ON UPDATE CASCADE;
