-- Roles of a production PostgreSQL database (docs/deploy.md, "Roles"). Run as a superuser, connected
-- to the product's database, after `pnpm migrate` (and again after a migration that adds tables;
-- it is idempotent):   psql "postgresql://postgres@host/segur" -f prisma/roles-postgresql.sql
--
--   segur_proprietaire  owns the schema's tables, sequences, functions and triggers: runs the
--                       migrations (`DATABASE_URL=postgresql://segur_proprietaire@…/segur pnpm migrate`).
--                       Create the database with `CREATE DATABASE segur OWNER segur_proprietaire`.
--   segur_application   what the servers connect as: reads and writes rows, nothing else. Not an
--                       owner, so `ALTER TABLE … DISABLE TRIGGER` and `DROP TRIGGER` answer
--                       "must be owner"; the history tables take only SELECT and INSERT, so an
--                       UPDATE, DELETE or TRUNCATE is refused by privileges before the triggers.
-- Passwords are set apart (never in a file): ALTER ROLE segur_application PASSWORD '…';

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'segur_proprietaire') THEN
    CREATE ROLE segur_proprietaire LOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'segur_application') THEN
    CREATE ROLE segur_application LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
END $$;

-- Nobody but the owner creates objects in the schema (PostgreSQL 15's default already; older ones not).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO segur_application;

-- Every table and sequence, present and future (created by the owner's migrations): row access only.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO segur_application;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO segur_application;
ALTER DEFAULT PRIVILEGES FOR ROLE segur_proprietaire IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO segur_application;
ALTER DEFAULT PRIVILEGES FOR ROLE segur_proprietaire IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO segur_application;

-- Append-only history: insert and read. Access traces: also delete (the 12-month purge, which the
-- trigger still bounds). The migrations' bookkeeping: read (readiness probe, start-up check).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Version', 'ChangementVersion', 'EvenementAudit', 'InstantaneVersion', 'TraceAcces', '_prisma_migrations'] LOOP
    IF to_regclass(format('public.%I', t)) IS NOT NULL THEN
      EXECUTE format('REVOKE ALL ON public.%I FROM segur_application', t);
      EXECUTE format('GRANT SELECT%s ON public.%I TO segur_application',
        CASE WHEN t = '_prisma_migrations' THEN '' WHEN t = 'TraceAcces' THEN ', INSERT, DELETE' ELSE ', INSERT' END, t);
    END IF;
  END LOOP;
END $$;
