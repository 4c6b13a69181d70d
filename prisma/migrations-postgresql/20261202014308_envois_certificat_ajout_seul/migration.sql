-- What was sent to the health agency is a record, like the history: never changed, never removed
-- (same texts as SQLite's triggers; TRUNCATE refused too).
CREATE TRIGGER "EnvoiCertificat_ajout_seul" BEFORE UPDATE OR DELETE ON "EnvoiCertificat" FOR EACH ROW EXECUTE FUNCTION "historique_ajout_seul"(
  'envois en ajout seul : un envoi ne peut pas être modifié', 'envois en ajout seul : un envoi ne peut pas être supprimé');
CREATE TRIGGER "EnvoiCertificat_ajout_seul_truncate" BEFORE TRUNCATE ON "EnvoiCertificat" FOR EACH STATEMENT EXECUTE FUNCTION "historique_ajout_seul"(
  'envois en ajout seul : un envoi ne peut pas être modifié', 'envois en ajout seul : un envoi ne peut pas être supprimé');
