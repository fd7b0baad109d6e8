-- A payment's history (returned with the reason, resubmitted with the corrections, rejected)
-- is only ever added to: a trigger refuses changing or removing its rows.
CREATE FUNCTION benefit_payment_events_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'benefit_payment_events is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER benefit_payment_events_no_update_delete
  BEFORE UPDATE OR DELETE ON benefit_payment_events
  FOR EACH ROW EXECUTE FUNCTION benefit_payment_events_refuse_change();
