-- Incidents and the correspondence register's documents are decided on by one person while
-- others change them (a comment, a reply, a scan, a forwarding): they carry a version too,
-- raised on every UPDATE by row_version_bump, whichever code path writes the row.
CREATE TRIGGER incidents_version BEFORE UPDATE ON incidents FOR EACH ROW EXECUTE FUNCTION row_version_bump();
--> statement-breakpoint
CREATE TRIGGER documents_version BEFORE UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION row_version_bump();
