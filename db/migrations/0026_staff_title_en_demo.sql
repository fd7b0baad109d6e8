-- English job titles for staff added before the column existed, for the Board's titles whose
-- English form is settled (as db/seed/org-data.ts has them). Others stay empty: an English
-- document then prints the Estonian title until an administrator fills it in.
UPDATE "staff" SET "title_en" = t.en
FROM (VALUES
  ('Süsteemiadministraator', 'System Administrator'),
  ('Põhja piirkonna klienditeeninduse juht', 'Head of Customer Service, Northern Region'),
  ('Lõuna piirkonna klienditeeninduse juht', 'Head of Customer Service, Southern Region'),
  ('Lääne piirkonna klienditeeninduse juht', 'Head of Customer Service, Western Region'),
  ('Ida piirkonna klienditeeninduse juht', 'Head of Customer Service, Eastern Region'),
  ('Klienditeeninduse spetsialist', 'Customer Service Specialist'),
  ('Klienditeeninduse peaspetsialist', 'Chief Customer Service Specialist'),
  ('Pensionide osakonna juhataja', 'Head of the Pensions Department'),
  ('Pensionide spetsialist', 'Pensions Specialist'),
  ('IT klienditoe juht', 'Head of IT Support'),
  ('IT tugiisik', 'IT Support Specialist'),
  ('Finantsspetsialist', 'Finance Specialist')
) AS t(et, en)
WHERE "staff"."title" = t.et AND "staff"."title_en" IS NULL;
