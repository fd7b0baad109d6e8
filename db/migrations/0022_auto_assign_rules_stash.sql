-- Fair distribution's rules become per unit AND region (the next migration adds region_code to
-- the key). The unit-wide rules are kept aside here and given back per region after it, so
-- every region keeps distributing what its unit distributed before.
CREATE TABLE auto_assign_rules_by_unit AS SELECT * FROM auto_assign_rules;
--> statement-breakpoint
DELETE FROM auto_assign_rules;
