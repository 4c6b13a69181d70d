-- AlterTable
ALTER TABLE "Demande" ADD COLUMN     "logicielRecherche" TEXT;

-- AlterTable
ALTER TABLE "EvenementAudit" ADD COLUMN     "auteurRecherche" TEXT;

-- AlterTable
ALTER TABLE "TraceAcces" ADD COLUMN     "acteurRecherche" TEXT;

-- CreateTable
CREATE TABLE "Compteur" (
    "prefixe" TEXT NOT NULL,
    "valeur" INTEGER NOT NULL,

    CONSTRAINT "Compteur_pkey" PRIMARY KEY ("prefixe")
);

-- CreateTable
CREATE TABLE "BailTache" (
    "nom" TEXT NOT NULL,
    "titulaire" TEXT NOT NULL,
    "expireLe" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BailTache_pkey" PRIMARY KEY ("nom")
);

-- Backfill of the search columns (shared/src/recherche.ts normaliserRecherche, written out for the
-- rows that exist now; the app fills them on every write). The append-only row triggers are
-- disabled for the backfill only (this migration runs as the tables' owner, in one transaction).
UPDATE "Demande" SET "logicielRecherche" = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower("logiciel"), '%', ''), '_', ''), '\', ''), 'à', 'a'), 'À', 'a'), 'â', 'a'), 'Â', 'a'), 'ä', 'a'), 'Ä', 'a'), 'á', 'a'), 'Á', 'a'), 'ã', 'a'), 'Ã', 'a'), 'å', 'a'), 'Å', 'a'), 'ç', 'c'), 'Ç', 'c'), 'é', 'e'), 'É', 'e'), 'è', 'e'), 'È', 'e'), 'ê', 'e'), 'Ê', 'e'), 'ë', 'e'), 'Ë', 'e'), 'í', 'i'), 'Í', 'i'), 'ì', 'i'), 'Ì', 'i'), 'î', 'i'), 'Î', 'i'), 'ï', 'i'), 'Ï', 'i'), 'ñ', 'n'), 'Ñ', 'n'), 'ó', 'o'), 'Ó', 'o'), 'ò', 'o'), 'Ò', 'o'), 'ô', 'o'), 'Ô', 'o'), 'ö', 'o'), 'Ö', 'o'), 'õ', 'o'), 'Õ', 'o'), 'ú', 'u'), 'Ú', 'u'), 'ù', 'u'), 'Ù', 'u'), 'û', 'u'), 'Û', 'u'), 'ü', 'u'), 'Ü', 'u'), 'ý', 'y'), 'Ý', 'y'), 'ÿ', 'y'), 'Ÿ', 'y'), 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae');

ALTER TABLE "EvenementAudit" DISABLE TRIGGER "EvenementAudit_ajout_seul";
UPDATE "EvenementAudit" SET "auteurRecherche" = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower("auteur"), '%', ''), '_', ''), '\', ''), 'à', 'a'), 'À', 'a'), 'â', 'a'), 'Â', 'a'), 'ä', 'a'), 'Ä', 'a'), 'á', 'a'), 'Á', 'a'), 'ã', 'a'), 'Ã', 'a'), 'å', 'a'), 'Å', 'a'), 'ç', 'c'), 'Ç', 'c'), 'é', 'e'), 'É', 'e'), 'è', 'e'), 'È', 'e'), 'ê', 'e'), 'Ê', 'e'), 'ë', 'e'), 'Ë', 'e'), 'í', 'i'), 'Í', 'i'), 'ì', 'i'), 'Ì', 'i'), 'î', 'i'), 'Î', 'i'), 'ï', 'i'), 'Ï', 'i'), 'ñ', 'n'), 'Ñ', 'n'), 'ó', 'o'), 'Ó', 'o'), 'ò', 'o'), 'Ò', 'o'), 'ô', 'o'), 'Ô', 'o'), 'ö', 'o'), 'Ö', 'o'), 'õ', 'o'), 'Õ', 'o'), 'ú', 'u'), 'Ú', 'u'), 'ù', 'u'), 'Ù', 'u'), 'û', 'u'), 'Û', 'u'), 'ü', 'u'), 'Ü', 'u'), 'ý', 'y'), 'Ý', 'y'), 'ÿ', 'y'), 'Ÿ', 'y'), 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae');
ALTER TABLE "EvenementAudit" ENABLE TRIGGER "EvenementAudit_ajout_seul";

ALTER TABLE "TraceAcces" DISABLE TRIGGER "TraceAcces_garde";
UPDATE "TraceAcces" SET "acteurRecherche" = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower("acteur"), '%', ''), '_', ''), '\', ''), 'à', 'a'), 'À', 'a'), 'â', 'a'), 'Â', 'a'), 'ä', 'a'), 'Ä', 'a'), 'á', 'a'), 'Á', 'a'), 'ã', 'a'), 'Ã', 'a'), 'å', 'a'), 'Å', 'a'), 'ç', 'c'), 'Ç', 'c'), 'é', 'e'), 'É', 'e'), 'è', 'e'), 'È', 'e'), 'ê', 'e'), 'Ê', 'e'), 'ë', 'e'), 'Ë', 'e'), 'í', 'i'), 'Í', 'i'), 'ì', 'i'), 'Ì', 'i'), 'î', 'i'), 'Î', 'i'), 'ï', 'i'), 'Ï', 'i'), 'ñ', 'n'), 'Ñ', 'n'), 'ó', 'o'), 'Ó', 'o'), 'ò', 'o'), 'Ò', 'o'), 'ô', 'o'), 'Ô', 'o'), 'ö', 'o'), 'Ö', 'o'), 'õ', 'o'), 'Õ', 'o'), 'ú', 'u'), 'Ú', 'u'), 'ù', 'u'), 'Ù', 'u'), 'û', 'u'), 'Û', 'u'), 'ü', 'u'), 'Ü', 'u'), 'ý', 'y'), 'Ý', 'y'), 'ÿ', 'y'), 'Ÿ', 'y'), 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae');
ALTER TABLE "TraceAcces" ENABLE TRIGGER "TraceAcces_garde";

-- One consultation per actor, target and window, even when two instances trace it at once: the
-- advisory lock (per actor and target) orders them, and the check after it sees the other one's
-- committed row (each statement of a plpgsql function takes its own snapshot; a lone
-- INSERT … WHERE NOT EXISTS would not, at READ COMMITTED). Called by server/src/acces/trace.ts.
CREATE FUNCTION "tracer_consultation"(p_acteur TEXT, p_recherche TEXT, p_role TEXT, p_cible TEXT, p_le TIMESTAMP(3), p_depuis TIMESTAMP(3))
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(72707370, hashtext(p_acteur || '|' || p_role || '|' || p_cible));
  IF NOT EXISTS (SELECT 1 FROM "TraceAcces" t WHERE t."acteur" = p_acteur AND t."role" = p_role
      AND t."operation" = 'CONSULTATION' AND t."cible" = p_cible AND t."creeLe" >= p_depuis) THEN
    INSERT INTO "TraceAcces" ("acteur", "acteurRecherche", "role", "operation", "cible", "creeLe")
    VALUES (p_acteur, p_recherche, p_role, 'CONSULTATION', p_cible, p_le);
  END IF;
END $$;
