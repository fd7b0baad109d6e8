ALTER TABLE "documents" ADD COLUMN "public_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "public_by" uuid;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_public_by_staff_id_fk" FOREIGN KEY ("public_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_title_trgm_idx" ON "documents" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "documents_type_registered_idx" ON "documents" USING btree ("type_code","registered_at","id");--> statement-breakpoint
CREATE INDEX "documents_unit_registered_idx" ON "documents" USING btree ("unit_code","registered_at","id");--> statement-breakpoint
CREATE INDEX "documents_series_registered_idx" ON "documents" USING btree ("series_code","registered_at","id");