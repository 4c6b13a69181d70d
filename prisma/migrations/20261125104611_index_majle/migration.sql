-- CreateIndex
CREATE INDEX "Demande_majLe_id_idx" ON "Demande"("majLe", "id");
