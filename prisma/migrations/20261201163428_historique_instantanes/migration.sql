-- Stored per-version change count: the Historique reads it instead of counting every change.
-- ADD COLUMN (not a table rebuild) keeps Version's append-only triggers and its rows untouched.
ALTER TABLE "Version" ADD COLUMN "nombreChangements" INTEGER NOT NULL DEFAULT 0;

-- Backfill: the append-only trigger refuses UPDATE, so it is lifted for this statement only.
DROP TRIGGER "Version_ajout_seul_update";
UPDATE "Version" SET "nombreChangements" = (SELECT COUNT(*) FROM "ChangementVersion" c WHERE c."versionId" = "Version"."id");
CREATE TRIGGER "Version_ajout_seul_update" BEFORE UPDATE ON "Version"
BEGIN SELECT RAISE(ABORT, 'historique en ajout seul : une version ne peut pas être modifiée'); END;

-- Snapshots of the state every K versions (written by the confirm, derived from the changes).
-- Older histories get theirs from their next K-th version; reading falls back to a replay.
CREATE TABLE "InstantaneVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "demandeId" INTEGER NOT NULL,
    "numero" INTEGER NOT NULL,
    "etat" TEXT NOT NULL,
    CONSTRAINT "InstantaneVersion_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "InstantaneVersion_demandeId_numero_key" ON "InstantaneVersion"("demandeId", "numero");

CREATE TRIGGER "InstantaneVersion_ajout_seul_update" BEFORE UPDATE ON "InstantaneVersion"
BEGIN SELECT RAISE(ABORT, 'historique en ajout seul : un instantané ne peut pas être modifié'); END;
CREATE TRIGGER "InstantaneVersion_ajout_seul_delete" BEFORE DELETE ON "InstantaneVersion"
BEGIN SELECT RAISE(ABORT, 'historique en ajout seul : un instantané ne peut pas être supprimé'); END;
