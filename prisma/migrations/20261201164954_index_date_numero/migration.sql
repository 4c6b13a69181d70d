-- DropIndex
DROP INDEX "Demande_dateDepot_id_idx";

-- CreateIndex
CREATE INDEX "Demande_dateDepot_id_numero_idx" ON "Demande"("dateDepot", "id", "numero");
