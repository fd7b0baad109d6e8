-- Trigram indexes for the register's search by a part of a name (ILIKE '%…%'). pg_trgm ships
-- with PostgreSQL (postgresql-contrib, a trusted extension since 13) and with PGlite (db/client.ts
-- loads it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "clients_name_trgm_idx" ON "clients" USING gin (("given_name" || ' ' || "family_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "documents_institution_name_trgm_idx" ON "documents" USING gin ("institution_name" gin_trgm_ops);