-- A payment batch handed to finance is locked: which payments it holds never changes
-- (a payment is in at most one batch, ever: payment_batch_items' primary key), and the
-- batch itself keeps its figures; only the download counter moves.
CREATE FUNCTION payment_batch_items_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'payment_batch_items is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER payment_batch_items_no_update_delete
  BEFORE UPDATE OR DELETE ON payment_batch_items
  FOR EACH ROW EXECUTE FUNCTION payment_batch_items_refuse_change();
--> statement-breakpoint
CREATE FUNCTION payment_batches_locked() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.id <> OLD.id OR NEW.message_id <> OLD.message_id OR NEW.execution_date <> OLD.execution_date
     OR NEW.payment_count <> OLD.payment_count OR NEW.control_sum_cents <> OLD.control_sum_cents
     OR NEW.debtor_iban <> OLD.debtor_iban OR NEW.xml <> OLD.xml OR NEW.created_by <> OLD.created_by OR NEW.created_at <> OLD.created_at THEN
    RAISE EXCEPTION 'payment_batches are locked: % refused', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER payment_batches_locked
  BEFORE UPDATE OR DELETE ON payment_batches
  FOR EACH ROW EXECUTE FUNCTION payment_batches_locked();
