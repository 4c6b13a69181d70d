-- History is append-only: the database itself refuses to change or remove it (SPEC §6).
CREATE TRIGGER "Version_ajout_seul_update" BEFORE UPDATE ON "Version"
BEGIN SELECT RAISE(ABORT, 'historique en ajout seul : une version ne peut pas être modifiée'); END;
CREATE TRIGGER "Version_ajout_seul_delete" BEFORE DELETE ON "Version"
BEGIN SELECT RAISE(ABORT, 'historique en ajout seul : une version ne peut pas être supprimée'); END;

CREATE TRIGGER "ChangementVersion_ajout_seul_update" BEFORE UPDATE ON "ChangementVersion"
BEGIN SELECT RAISE(ABORT, 'historique en ajout seul : un changement ne peut pas être modifié'); END;
CREATE TRIGGER "ChangementVersion_ajout_seul_delete" BEFORE DELETE ON "ChangementVersion"
BEGIN SELECT RAISE(ABORT, 'historique en ajout seul : un changement ne peut pas être supprimé'); END;

CREATE TRIGGER "EvenementAudit_ajout_seul_update" BEFORE UPDATE ON "EvenementAudit"
BEGIN SELECT RAISE(ABORT, 'historique en ajout seul : un événement ne peut pas être modifié'); END;
CREATE TRIGGER "EvenementAudit_ajout_seul_delete" BEFORE DELETE ON "EvenementAudit"
BEGIN SELECT RAISE(ABORT, 'historique en ajout seul : un événement ne peut pas être supprimé'); END;

-- Access traces: never changed; removed only by the purge, once older than 12 months.
-- Dates are stored as ISO-8601 text in UTC ("…+00:00"), so text comparison orders them.
CREATE TRIGGER "TraceAcces_ajout_seul_update" BEFORE UPDATE ON "TraceAcces"
BEGIN SELECT RAISE(ABORT, 'trace d''accès : modification interdite'); END;
CREATE TRIGGER "TraceAcces_purge_12_mois" BEFORE DELETE ON "TraceAcces"
WHEN OLD."creeLe" > strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now', '-12 months')
BEGIN SELECT RAISE(ABORT, 'trace d''accès : conservation de 12 mois'); END;
