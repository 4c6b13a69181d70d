-- What was sent to the health agency is a record, like the history: never changed, never removed.
CREATE TRIGGER "EnvoiCertificat_ajout_seul_update" BEFORE UPDATE ON "EnvoiCertificat"
BEGIN SELECT RAISE(ABORT, 'envois en ajout seul : un envoi ne peut pas être modifié'); END;
CREATE TRIGGER "EnvoiCertificat_ajout_seul_delete" BEFORE DELETE ON "EnvoiCertificat"
BEGIN SELECT RAISE(ABORT, 'envois en ajout seul : un envoi ne peut pas être supprimé'); END;
