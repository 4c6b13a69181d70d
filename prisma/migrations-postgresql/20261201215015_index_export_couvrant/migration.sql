-- DropIndex
DROP INDEX "Demande_dateDepot_id_numero_idx";

-- CreateIndex
CREATE INDEX "Demande_dateDepot_id_export_idx" ON "Demande"("dateDepot", "id", "numero", "type", "numeroEditeur", "logiciel", "dateCommande", "statut", "etatPaiement", "montantCentimes");
