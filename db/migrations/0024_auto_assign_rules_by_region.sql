-- The unit-wide rules kept aside before region_code was added, given back to every region
-- that has people in the unit. Whoever got the last document stays the round-robin's mark
-- only in their own region.
INSERT INTO auto_assign_rules (unit_code, region_code, type_code, enabled, last_assignee_id, updated_by, updated_at)
SELECT r.unit_code, g.code, r.type_code, r.enabled,
       CASE WHEN last.region_code = g.code THEN r.last_assignee_id END,
       r.updated_by, r.updated_at
FROM auto_assign_rules_by_unit r
CROSS JOIN regions g
LEFT JOIN staff last ON last.id = r.last_assignee_id
WHERE EXISTS (SELECT 1 FROM staff s WHERE s.unit_code = r.unit_code AND s.region_code = g.code);
--> statement-breakpoint
DROP TABLE auto_assign_rules_by_unit;
