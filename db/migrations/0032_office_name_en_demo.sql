-- English names for the offices added before the column existed, for the Board's offices as
-- db/seed/org-data.ts has them. Others stay empty: English mode then shows the Estonian name
-- until the English one is set.
UPDATE "offices" SET "name_en" = t.en
FROM (VALUES
  ('Tallinna klienditeenindus', 'Tallinn Customer Service Office'),
  ('Tartu klienditeenindus', 'Tartu Customer Service Office'),
  ('Pärnu klienditeenindus', 'Pärnu Customer Service Office'),
  ('Jõhvi klienditeenindus', 'Jõhvi Customer Service Office'),
  ('Narva klienditeenindus', 'Narva Customer Service Office')
) AS t(et, en)
WHERE "offices"."name" = t.et AND "offices"."name_en" IS NULL;
