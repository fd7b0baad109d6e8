-- A record that several people decide on carries a version: every UPDATE adds one, whichever
-- code path writes it, so a decision made on what a page showed can be refused when the row
-- has changed since (server/record-version.ts).
CREATE FUNCTION row_version_bump() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER benefit_payments_version BEFORE UPDATE ON benefit_payments FOR EACH ROW EXECUTE FUNCTION row_version_bump();
--> statement-breakpoint
CREATE TRIGGER tasks_version BEFORE UPDATE ON tasks FOR EACH ROW EXECUTE FUNCTION row_version_bump();
--> statement-breakpoint
CREATE TRIGGER proposals_version BEFORE UPDATE ON proposals FOR EACH ROW EXECUTE FUNCTION row_version_bump();
