-- DropIndex
DROP INDEX "Demande_logiciel_idx";

-- DropIndex
DROP INDEX "Demande_statut_idx";

-- DropIndex
DROP INDEX "Demande_numeroEditeur_dateDepot_idx";

-- CreateIndex
CREATE INDEX "Demande_numeroEditeur_dateDepot_id_idx" ON "Demande"("numeroEditeur", "dateDepot", "id");

-- CreateIndex
CREATE INDEX "Demande_statut_dateDepot_id_idx" ON "Demande"("statut", "dateDepot", "id");

-- CreateIndex
CREATE INDEX "Demande_type_dateDepot_id_idx" ON "Demande"("type", "dateDepot", "id");

-- CreateIndex
CREATE INDEX "Demande_etatPaiement_dateDepot_id_idx" ON "Demande"("etatPaiement", "dateDepot", "id");

-- CreateIndex
CREATE INDEX "Demande_logiciel_dateDepot_id_idx" ON "Demande"("logiciel", "dateDepot", "id");

-- CreateIndex
CREATE INDEX "Demande_montantCentimes_dateDepot_id_idx" ON "Demande"("montantCentimes", "dateDepot", "id");

-- CreateIndex
CREATE INDEX "Demande_dateCommande_dateDepot_id_idx" ON "Demande"("dateCommande", "dateDepot", "id");

-- CreateIndex
CREATE INDEX "Demande_referenceFournisseur_idx" ON "Demande"("referenceFournisseur");
