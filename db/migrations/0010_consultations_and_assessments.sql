CREATE TYPE "public"."consultation_channel" AS ENUM('office', 'phone', 'email', 'video');--> statement-breakpoint
CREATE TYPE "public"."consultation_outcome" AS ENUM('answered', 'referred', 'application');--> statement-breakpoint
CREATE TYPE "public"."applicant_group" AS ENUM('child', 'working_age', 'pension_age');--> statement-breakpoint
CREATE TYPE "public"."assessment_kind" AS ENUM('disability', 'disability_and_work_ability');--> statement-breakpoint
CREATE TABLE "consultation_topics" (
	"code" text PRIMARY KEY NOT NULL,
	"name_et" text NOT NULL,
	"name_en" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL,
	"office_code" text,
	"region_code" text NOT NULL,
	"channel" "consultation_channel" NOT NULL,
	"topic_code" text NOT NULL,
	"client_code" text,
	"duration_minutes" integer NOT NULL,
	"outcome" "consultation_outcome" NOT NULL,
	"referred_unit_code" text,
	"note" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submission_id" uuid NOT NULL,
	CONSTRAINT "consultations_submission_id_unique" UNIQUE("submission_id")
);
--> statement-breakpoint
CREATE TABLE "assessment_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"applicant_code" text NOT NULL,
	"applicant_group" "applicant_group" NOT NULL,
	"kind" "assessment_kind" NOT NULL,
	"data" jsonb NOT NULL,
	"other_authority" text,
	"other_authority_due_date" date,
	"other_authority_forwarded_at" timestamp with time zone,
	"other_authority_forwarded_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submission_id" uuid NOT NULL,
	CONSTRAINT "assessment_applications_document_id_unique" UNIQUE("document_id"),
	CONSTRAINT "assessment_applications_submission_id_unique" UNIQUE("submission_id")
);
--> statement-breakpoint
CREATE TABLE "assessment_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"exported_by" uuid NOT NULL,
	"exported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"schema_version" text NOT NULL,
	"sha256" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_topic_code_consultation_topics_code_fk" FOREIGN KEY ("topic_code") REFERENCES "public"."consultation_topics"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_referred_unit_code_units_code_fk" FOREIGN KEY ("referred_unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_applications" ADD CONSTRAINT "assessment_applications_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_applications" ADD CONSTRAINT "assessment_applications_other_authority_forwarded_by_staff_id_fk" FOREIGN KEY ("other_authority_forwarded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_applications" ADD CONSTRAINT "assessment_applications_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_exports" ADD CONSTRAINT "assessment_exports_application_id_assessment_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."assessment_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_exports" ADD CONSTRAINT "assessment_exports_exported_by_staff_id_fk" FOREIGN KEY ("exported_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultations_region_time_idx" ON "consultations" USING btree ("region_code","occurred_at");--> statement-breakpoint
CREATE INDEX "consultations_staff_time_idx" ON "consultations" USING btree ("staff_id","occurred_at");--> statement-breakpoint
CREATE INDEX "consultations_topic_idx" ON "consultations" USING btree ("topic_code");--> statement-breakpoint
CREATE INDEX "consultations_client_idx" ON "consultations" USING btree ("client_code") WHERE "consultations"."client_code" is not null;--> statement-breakpoint
CREATE INDEX "assessment_applications_applicant_idx" ON "assessment_applications" USING btree ("applicant_code");--> statement-breakpoint
CREATE INDEX "assessment_applications_creator_idx" ON "assessment_applications" USING btree ("created_by","created_at");--> statement-breakpoint
CREATE INDEX "assessment_exports_application_idx" ON "assessment_exports" USING btree ("application_id","exported_at");