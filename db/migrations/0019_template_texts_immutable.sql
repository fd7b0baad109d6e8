-- A published version of a template's texts is the record of what issued documents said:
-- it is never changed or removed. Only a submitted draft can become published, and nothing
-- is inserted as published (the author would have reviewed their own text).
CREATE FUNCTION template_texts_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status = 'published' THEN
      RAISE EXCEPTION 'template_texts: a version is published only after review' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'template_texts: published version % of % is immutable (% refused)', OLD.version, OLD.template_id, TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  IF NEW.status = 'published' AND OLD.status <> 'submitted' THEN
    RAISE EXCEPTION 'template_texts: only a submitted draft can be published' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER template_texts_guard
  BEFORE INSERT OR UPDATE OR DELETE ON template_texts
  FOR EACH ROW EXECUTE FUNCTION template_texts_guard();
