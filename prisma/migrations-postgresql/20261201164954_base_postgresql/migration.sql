-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Demande" (
    "id" SERIAL NOT NULL,
    "numero" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "couloir" TEXT NOT NULL,
    "numeroEditeur" TEXT NOT NULL,
    "logiciel" TEXT NOT NULL,
    "dateDepot" TIMESTAMP(3) NOT NULL,
    "dateCommande" TIMESTAMP(3),
    "statut" TEXT NOT NULL DEFAULT 'EN_COURS',
    "etatPaiement" TEXT NOT NULL DEFAULT 'AUCUN',
    "montantCentimes" BIGINT NOT NULL,
    "mandataire" BOOLEAN NOT NULL DEFAULT false,
    "courrielContact" TEXT,
    "scenarioInstallation" TEXT,
    "referenceFournisseur" TEXT,
    "avertissements" TEXT NOT NULL DEFAULT '[]',
    "versionCourante" INTEGER NOT NULL DEFAULT 1,
    "derniereModification" TIMESTAMP(3),
    "creeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "majLe" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Demande_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoordonneesBancaires" (
    "id" SERIAL NOT NULL,
    "demandeId" INTEGER NOT NULL,
    "iban" TEXT NOT NULL,
    "bic" TEXT NOT NULL,
    "titulaire" TEXT NOT NULL,
    "domiciliation" TEXT NOT NULL,
    "validation" TEXT NOT NULL DEFAULT 'A_VALIDER',
    "validationMotif" TEXT,
    "valideePar" TEXT,
    "valideeLe" TIMESTAMP(3),

    CONSTRAINT "CoordonneesBancaires_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Beneficiaire" (
    "id" SERIAL NOT NULL,
    "demandeId" INTEGER NOT NULL,
    "cle" TEXT NOT NULL,
    "ordre" INTEGER NOT NULL DEFAULT 0,
    "nomResponsable" TEXT NOT NULL,
    "emailResponsable" TEXT NOT NULL,
    "telResponsable" TEXT NOT NULL,
    "finessJuridique" TEXT NOT NULL,
    "finessGeographique" TEXT NOT NULL,
    "presentSolde" BOOLEAN NOT NULL DEFAULT false,
    "ancienneVersion" TEXT,
    "maitreIdentite" TEXT,
    "stockageIdentite" TEXT,
    "operateurMessagerie" TEXT,
    "validation" TEXT NOT NULL DEFAULT 'A_VALIDER',
    "validationMotif" TEXT,
    "valideePar" TEXT,
    "valideeLe" TIMESTAMP(3),

    CONSTRAINT "Beneficiaire_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdministrateurTechnique" (
    "id" SERIAL NOT NULL,
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
    "valideeLe" TIMESTAMP(3),
    "lotTransmissionId" INTEGER,
    "transmisLe" TIMESTAMP(3),

    CONSTRAINT "AdministrateurTechnique_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PieceJustificative" (
    "id" SERIAL NOT NULL,
    "demandeId" INTEGER NOT NULL,
    "cle" TEXT NOT NULL,
    "nomFichier" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "typeMime" TEXT NOT NULL DEFAULT 'application/pdf',
    "taille" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "contenu" BYTEA NOT NULL,
    "deposeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validation" TEXT NOT NULL DEFAULT 'A_VALIDER',
    "validationMotif" TEXT,
    "valideePar" TEXT,
    "valideeLe" TIMESTAMP(3),

    CONSTRAINT "PieceJustificative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Courriel" (
    "id" SERIAL NOT NULL,
    "demandeId" INTEGER NOT NULL,
    "destinataire" TEXT NOT NULL,
    "sujet" TEXT NOT NULL,
    "corps" TEXT NOT NULL,
    "transport" TEXT NOT NULL DEFAULT 'base',
    "creeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "etat" TEXT NOT NULL DEFAULT 'EN_ATTENTE',
    "tentatives" INTEGER NOT NULL DEFAULT 0,
    "derniereErreur" TEXT,
    "prochainEssaiLe" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,
    "reserveJusquA" TIMESTAMP(3),
    "envoyeLe" TIMESTAMP(3),

    CONSTRAINT "Courriel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LimiteConnexion" (
    "cle" TEXT NOT NULL,
    "echecs" INTEGER NOT NULL DEFAULT 0,
    "premierEchecLe" TIMESTAMP(3) NOT NULL,
    "dernierEchecLe" TIMESTAMP(3) NOT NULL,
    "bloqueJusquA" TIMESTAMP(3),

    CONSTRAINT "LimiteConnexion_pkey" PRIMARY KEY ("cle")
);

-- CreateTable
CREATE TABLE "EtatBloc" (
    "id" SERIAL NOT NULL,
    "demandeId" INTEGER NOT NULL,
    "bloc" TEXT NOT NULL,
    "verrouille" BOOLEAN NOT NULL DEFAULT false,
    "modifieLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "modifiePar" TEXT,

    CONSTRAINT "EtatBloc_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Utilisateur" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "nom" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "motDePasseHash" TEXT NOT NULL,
    "actif" BOOLEAN NOT NULL DEFAULT true,
    "creeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Utilisateur_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" SERIAL NOT NULL,
    "jetonHash" TEXT NOT NULL,
    "utilisateurId" INTEGER NOT NULL,
    "creeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expireLe" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CleApi" (
    "id" SERIAL NOT NULL,
    "prefixe" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "numeroEditeur" TEXT NOT NULL,
    "libelle" TEXT NOT NULL,
    "lectureSeule" BOOLEAN NOT NULL DEFAULT false,
    "creeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expireLe" TIMESTAMP(3),
    "revoqueeLe" TIMESTAMP(3),
    "utiliseeLe" TIMESTAMP(3),

    CONSTRAINT "CleApi_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Brouillon" (
    "id" SERIAL NOT NULL,
    "demandeId" INTEGER NOT NULL,
    "acteur" TEXT NOT NULL,
    "acteurNom" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "versionBase" INTEGER NOT NULL,
    "creeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "majLe" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Brouillon_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OperationBrouillon" (
    "id" SERIAL NOT NULL,
    "brouillonId" INTEGER NOT NULL,
    "ordre" INTEGER NOT NULL,
    "bloc" TEXT NOT NULL,
    "nature" TEXT NOT NULL,
    "cle" TEXT NOT NULL,
    "donnees" TEXT,
    "contenu" BYTEA,
    "creeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OperationBrouillon_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Version" (
    "id" SERIAL NOT NULL,
    "demandeId" INTEGER NOT NULL,
    "numero" INTEGER NOT NULL,
    "auteur" TEXT NOT NULL,
    "acteur" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "creeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "commentaire" TEXT,
    "hashPrecedent" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "nombreChangements" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InstantaneVersion" (
    "id" SERIAL NOT NULL,
    "demandeId" INTEGER NOT NULL,
    "numero" INTEGER NOT NULL,
    "etat" TEXT NOT NULL,

    CONSTRAINT "InstantaneVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangementVersion" (
    "id" SERIAL NOT NULL,
    "versionId" INTEGER NOT NULL,
    "ordre" INTEGER NOT NULL,
    "bloc" TEXT NOT NULL,
    "cle" TEXT NOT NULL,
    "nature" TEXT NOT NULL,
    "champ" TEXT NOT NULL,
    "ancienneValeur" TEXT,
    "nouvelleValeur" TEXT,

    CONSTRAINT "ChangementVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvenementAudit" (
    "id" SERIAL NOT NULL,
    "demandeId" INTEGER,
    "type" TEXT NOT NULL,
    "auteur" TEXT NOT NULL,
    "acteur" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "creeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "bloc" TEXT,
    "cle" TEXT,
    "motif" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}',
    "hashPrecedent" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "EvenementAudit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TraceAcces" (
    "id" SERIAL NOT NULL,
    "acteur" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "cible" TEXT,
    "creeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TraceAcces_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LotTransmission" (
    "id" SERIAL NOT NULL,
    "numero" TEXT NOT NULL,
    "creeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "auteur" TEXT NOT NULL,
    "commentaire" TEXT,
    "nombre" INTEGER NOT NULL,
    "csv" TEXT NOT NULL,
    "json" TEXT NOT NULL,

    CONSTRAINT "LotTransmission_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Demande_numero_key" ON "Demande"("numero");

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
CREATE INDEX "Demande_dateDepot_id_numero_idx" ON "Demande"("dateDepot", "id", "numero");

-- CreateIndex
CREATE INDEX "Demande_majLe_id_idx" ON "Demande"("majLe", "id");

-- CreateIndex
CREATE INDEX "Demande_referenceFournisseur_idx" ON "Demande"("referenceFournisseur");

-- CreateIndex
CREATE UNIQUE INDEX "Demande_numeroEditeur_referenceFournisseur_key" ON "Demande"("numeroEditeur", "referenceFournisseur");

-- CreateIndex
CREATE UNIQUE INDEX "CoordonneesBancaires_demandeId_key" ON "CoordonneesBancaires"("demandeId");

-- CreateIndex
CREATE INDEX "Beneficiaire_finessJuridique_idx" ON "Beneficiaire"("finessJuridique");

-- CreateIndex
CREATE UNIQUE INDEX "Beneficiaire_demandeId_cle_key" ON "Beneficiaire"("demandeId", "cle");

-- CreateIndex
CREATE INDEX "AdministrateurTechnique_finessJuridique_idx" ON "AdministrateurTechnique"("finessJuridique");

-- CreateIndex
CREATE INDEX "AdministrateurTechnique_validation_lotTransmissionId_idx" ON "AdministrateurTechnique"("validation", "lotTransmissionId");

-- CreateIndex
CREATE UNIQUE INDEX "AdministrateurTechnique_demandeId_finessJuridique_key" ON "AdministrateurTechnique"("demandeId", "finessJuridique");

-- CreateIndex
CREATE UNIQUE INDEX "PieceJustificative_demandeId_cle_key" ON "PieceJustificative"("demandeId", "cle");

-- CreateIndex
CREATE INDEX "Courriel_demandeId_creeLe_idx" ON "Courriel"("demandeId", "creeLe");

-- CreateIndex
CREATE INDEX "Courriel_etat_prochainEssaiLe_idx" ON "Courriel"("etat", "prochainEssaiLe");

-- CreateIndex
CREATE UNIQUE INDEX "EtatBloc_demandeId_bloc_key" ON "EtatBloc"("demandeId", "bloc");

-- CreateIndex
CREATE UNIQUE INDEX "Utilisateur_email_key" ON "Utilisateur"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Session_jetonHash_key" ON "Session"("jetonHash");

-- CreateIndex
CREATE INDEX "Session_utilisateurId_idx" ON "Session"("utilisateurId");

-- CreateIndex
CREATE UNIQUE INDEX "CleApi_prefixe_key" ON "CleApi"("prefixe");

-- CreateIndex
CREATE INDEX "CleApi_numeroEditeur_idx" ON "CleApi"("numeroEditeur");

-- CreateIndex
CREATE UNIQUE INDEX "Brouillon_demandeId_acteur_key" ON "Brouillon"("demandeId", "acteur");

-- CreateIndex
CREATE INDEX "OperationBrouillon_brouillonId_ordre_idx" ON "OperationBrouillon"("brouillonId", "ordre");

-- CreateIndex
CREATE UNIQUE INDEX "OperationBrouillon_brouillonId_bloc_cle_key" ON "OperationBrouillon"("brouillonId", "bloc", "cle");

-- CreateIndex
CREATE UNIQUE INDEX "Version_demandeId_numero_key" ON "Version"("demandeId", "numero");

-- CreateIndex
CREATE UNIQUE INDEX "InstantaneVersion_demandeId_numero_key" ON "InstantaneVersion"("demandeId", "numero");

-- CreateIndex
CREATE INDEX "ChangementVersion_versionId_ordre_idx" ON "ChangementVersion"("versionId", "ordre");

-- CreateIndex
CREATE INDEX "EvenementAudit_demandeId_creeLe_idx" ON "EvenementAudit"("demandeId", "creeLe");

-- CreateIndex
CREATE INDEX "TraceAcces_creeLe_idx" ON "TraceAcces"("creeLe");

-- CreateIndex
CREATE UNIQUE INDEX "LotTransmission_numero_key" ON "LotTransmission"("numero");

-- AddForeignKey
ALTER TABLE "CoordonneesBancaires" ADD CONSTRAINT "CoordonneesBancaires_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Beneficiaire" ADD CONSTRAINT "Beneficiaire_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdministrateurTechnique" ADD CONSTRAINT "AdministrateurTechnique_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdministrateurTechnique" ADD CONSTRAINT "AdministrateurTechnique_lotTransmissionId_fkey" FOREIGN KEY ("lotTransmissionId") REFERENCES "LotTransmission"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PieceJustificative" ADD CONSTRAINT "PieceJustificative_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Courriel" ADD CONSTRAINT "Courriel_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EtatBloc" ADD CONSTRAINT "EtatBloc_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_utilisateurId_fkey" FOREIGN KEY ("utilisateurId") REFERENCES "Utilisateur"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Brouillon" ADD CONSTRAINT "Brouillon_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OperationBrouillon" ADD CONSTRAINT "OperationBrouillon_brouillonId_fkey" FOREIGN KEY ("brouillonId") REFERENCES "Brouillon"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Version" ADD CONSTRAINT "Version_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstantaneVersion" ADD CONSTRAINT "InstantaneVersion_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangementVersion" ADD CONSTRAINT "ChangementVersion_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "Version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvenementAudit" ADD CONSTRAINT "EvenementAudit_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (what the SQLite migrations add beside the generated DDL) --------------------
-- Baseline: this one folder holds everything SQLite's migrations up to 20261201164954 hold;
-- from then on every schema change writes a migration of the same name in both folders.

-- History is append-only: the database itself refuses to change or remove it (SPEC §6).
-- Same texts as SQLite's triggers; TRUNCATE (which row triggers do not see) is refused too.
-- TG_ARGV[0]: text for UPDATE, TG_ARGV[1]: text for DELETE and TRUNCATE. SQLSTATE P0001.
CREATE FUNCTION "historique_ajout_seul"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = 'P0001';
  END IF;
  RAISE EXCEPTION USING MESSAGE = TG_ARGV[1], ERRCODE = 'P0001';
END;
$$;

CREATE TRIGGER "Version_ajout_seul" BEFORE UPDATE OR DELETE ON "Version" FOR EACH ROW EXECUTE FUNCTION "historique_ajout_seul"(
  'historique en ajout seul : une version ne peut pas être modifiée', 'historique en ajout seul : une version ne peut pas être supprimée');
CREATE TRIGGER "Version_ajout_seul_truncate" BEFORE TRUNCATE ON "Version" FOR EACH STATEMENT EXECUTE FUNCTION "historique_ajout_seul"(
  'historique en ajout seul : une version ne peut pas être modifiée', 'historique en ajout seul : une version ne peut pas être supprimée');
CREATE TRIGGER "ChangementVersion_ajout_seul" BEFORE UPDATE OR DELETE ON "ChangementVersion" FOR EACH ROW EXECUTE FUNCTION "historique_ajout_seul"(
  'historique en ajout seul : un changement ne peut pas être modifié', 'historique en ajout seul : un changement ne peut pas être supprimé');
CREATE TRIGGER "ChangementVersion_ajout_seul_truncate" BEFORE TRUNCATE ON "ChangementVersion" FOR EACH STATEMENT EXECUTE FUNCTION "historique_ajout_seul"(
  'historique en ajout seul : un changement ne peut pas être modifié', 'historique en ajout seul : un changement ne peut pas être supprimé');
CREATE TRIGGER "EvenementAudit_ajout_seul" BEFORE UPDATE OR DELETE ON "EvenementAudit" FOR EACH ROW EXECUTE FUNCTION "historique_ajout_seul"(
  'historique en ajout seul : un événement ne peut pas être modifié', 'historique en ajout seul : un événement ne peut pas être supprimé');
CREATE TRIGGER "EvenementAudit_ajout_seul_truncate" BEFORE TRUNCATE ON "EvenementAudit" FOR EACH STATEMENT EXECUTE FUNCTION "historique_ajout_seul"(
  'historique en ajout seul : un événement ne peut pas être modifié', 'historique en ajout seul : un événement ne peut pas être supprimé');
CREATE TRIGGER "InstantaneVersion_ajout_seul" BEFORE UPDATE OR DELETE ON "InstantaneVersion" FOR EACH ROW EXECUTE FUNCTION "historique_ajout_seul"(
  'historique en ajout seul : un instantané ne peut pas être modifié', 'historique en ajout seul : un instantané ne peut pas être supprimé');
CREATE TRIGGER "InstantaneVersion_ajout_seul_truncate" BEFORE TRUNCATE ON "InstantaneVersion" FOR EACH STATEMENT EXECUTE FUNCTION "historique_ajout_seul"(
  'historique en ajout seul : un instantané ne peut pas être modifié', 'historique en ajout seul : un instantané ne peut pas être supprimé');

-- Access traces: never changed; removed only by the purge, once older than 12 months.
-- DateTime is timestamp(3) WITHOUT time zone holding UTC: compare with UTC "now".
CREATE FUNCTION "trace_acces_garde"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'trace d''accès : modification interdite' USING ERRCODE = 'P0001';
  ELSIF TG_OP = 'TRUNCATE' OR OLD."creeLe" > (now() AT TIME ZONE 'UTC') - interval '12 months' THEN
    RAISE EXCEPTION 'trace d''accès : conservation de 12 mois' USING ERRCODE = 'P0001';
  END IF;
  RETURN OLD;
END;
$$;
CREATE TRIGGER "TraceAcces_garde" BEFORE UPDATE OR DELETE ON "TraceAcces" FOR EACH ROW EXECUTE FUNCTION "trace_acces_garde"();
CREATE TRIGGER "TraceAcces_garde_truncate" BEFORE TRUNCATE ON "TraceAcces" FOR EACH STATEMENT EXECUTE FUNCTION "trace_acces_garde"();
