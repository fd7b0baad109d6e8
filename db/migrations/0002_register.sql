CREATE TYPE "public"."document_channel" AS ENUM('in_person', 'post', 'email', 'e_service', 'phone', 'dhx');--> statement-breakpoint
CREATE TYPE "public"."deadline_kind" AS ENUM('none', 'calendar_days', 'working_days');--> statement-breakpoint
CREATE TYPE "public"."document_direction" AS ENUM('incoming', 'outgoing');--> statement-breakpoint
CREATE TYPE "public"."document_status" AS ENUM('registered', 'in_progress', 'waiting_for_client', 'answered', 'closed');--> statement-breakpoint
CREATE TYPE "public"."identity_document" AS ENUM('id_card', 'passport', 'residence_permit', 'other');--> statement-breakpoint
CREATE TABLE "access_grounds" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"explanation_et" text NOT NULL,
	"explanation_en" text NOT NULL,
	"term_years" integer NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attachment_blobs" (
	"attachment_id" uuid PRIMARY KEY NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage" text DEFAULT 'db' NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"certified_by" uuid,
	"certified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"personal_code" text NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"email" text,
	"phone" text,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clients_personal_code_unique" UNIQUE("personal_code")
);
--> statement-breakpoint
CREATE TABLE "document_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"kind" text NOT NULL,
	"note" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "document_types" (
	"code" text PRIMARY KEY NOT NULL,
	"name_et" text NOT NULL,
	"name_en" text NOT NULL,
	"direction" "document_direction" NOT NULL,
	"series_code" text NOT NULL,
	"default_restricted" boolean DEFAULT true NOT NULL,
	"default_ground_code" text,
	"deadline_kind" "deadline_kind" DEFAULT 'none' NOT NULL,
	"deadline_days" integer,
	"extension_kind" "deadline_kind" DEFAULT 'none' NOT NULL,
	"extension_days" integer,
	"extension_months" integer,
	"restart_after_missing" boolean DEFAULT false NOT NULL,
	"default_unit_code" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 100 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"series_code" text NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"suffix" integer DEFAULT 0 NOT NULL,
	"number" text NOT NULL,
	"matter_id" uuid NOT NULL,
	"last_suffix" integer DEFAULT 0 NOT NULL,
	"type_code" text NOT NULL,
	"direction" "document_direction" NOT NULL,
	"channel" "document_channel" NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"client_id" uuid,
	"institution_name" text,
	"institution_code" text,
	"title" text NOT NULL,
	"sender_reference" text,
	"sender_date" date,
	"pages" integer,
	"is_restricted" boolean NOT NULL,
	"restriction_ground_code" text,
	"restriction_from" date,
	"restriction_until" date,
	"unit_code" text NOT NULL,
	"assignee_id" uuid,
	"status" "document_status" DEFAULT 'registered' NOT NULL,
	"deadline_kind" "deadline_kind" NOT NULL,
	"due_date" date,
	"paused_days_left" integer,
	"other_authority" boolean DEFAULT false NOT NULL,
	"forwarded_to" text,
	"forwarded_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"submission_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_submission_id_unique" UNIQUE("submission_id"),
	CONSTRAINT "documents_party" CHECK ("documents"."client_id" is not null or "documents"."institution_name" is not null)
);
--> statement-breakpoint
CREATE TABLE "extra_days_off" (
	"day" date PRIMARY KEY NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"document_type" "identity_document" NOT NULL,
	"document_number" text NOT NULL,
	"valid_until" date NOT NULL,
	"checked_by" uuid NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "missing_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"items" text[] NOT NULL,
	"client_deadline" date NOT NULL,
	"note" text,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid
);
--> statement-breakpoint
CREATE TABLE "register_counters" (
	"series_code" text NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "register_counters_series_code_year_pk" PRIMARY KEY("series_code","year")
);
--> statement-breakpoint
CREATE TABLE "register_series" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"with_year" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attachment_blobs" ADD CONSTRAINT "attachment_blobs_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_staff_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_certified_by_staff_id_fk" FOREIGN KEY ("certified_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_events" ADD CONSTRAINT "document_events_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_events" ADD CONSTRAINT "document_events_actor_id_staff_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_types" ADD CONSTRAINT "document_types_series_code_register_series_code_fk" FOREIGN KEY ("series_code") REFERENCES "public"."register_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_types" ADD CONSTRAINT "document_types_default_ground_code_access_grounds_code_fk" FOREIGN KEY ("default_ground_code") REFERENCES "public"."access_grounds"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_types" ADD CONSTRAINT "document_types_default_unit_code_units_code_fk" FOREIGN KEY ("default_unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_series_code_register_series_code_fk" FOREIGN KEY ("series_code") REFERENCES "public"."register_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_matter_id_documents_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_type_code_document_types_code_fk" FOREIGN KEY ("type_code") REFERENCES "public"."document_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_restriction_ground_code_access_grounds_code_fk" FOREIGN KEY ("restriction_ground_code") REFERENCES "public"."access_grounds"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_unit_code_units_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."units"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_assignee_id_staff_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_checks" ADD CONSTRAINT "identity_checks_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_checks" ADD CONSTRAINT "identity_checks_checked_by_staff_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_requests" ADD CONSTRAINT "missing_requests_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_requests" ADD CONSTRAINT "missing_requests_requested_by_staff_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_requests" ADD CONSTRAINT "missing_requests_resolved_by_staff_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_counters" ADD CONSTRAINT "register_counters_series_code_register_series_code_fk" FOREIGN KEY ("series_code") REFERENCES "public"."register_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_document_idx" ON "attachments" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "clients_family_name_idx" ON "clients" USING btree (lower("family_name"),lower("given_name"));--> statement-breakpoint
CREATE INDEX "document_events_document_idx" ON "document_events" USING btree ("document_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_number_unique" ON "documents" USING btree ("series_code","year","sequence","suffix");--> statement-breakpoint
CREATE INDEX "documents_number_idx" ON "documents" USING btree ("number");--> statement-breakpoint
CREATE INDEX "documents_client_idx" ON "documents" USING btree ("client_id","registered_at");--> statement-breakpoint
CREATE INDEX "documents_assignee_idx" ON "documents" USING btree ("assignee_id","status","due_date");--> statement-breakpoint
CREATE INDEX "documents_unit_idx" ON "documents" USING btree ("unit_code","status","due_date");--> statement-breakpoint
CREATE INDEX "documents_due_idx" ON "documents" USING btree ("due_date");--> statement-breakpoint
CREATE INDEX "documents_registered_idx" ON "documents" USING btree ("registered_at","id");--> statement-breakpoint
CREATE INDEX "documents_matter_idx" ON "documents" USING btree ("matter_id");--> statement-breakpoint
CREATE INDEX "missing_requests_document_idx" ON "missing_requests" USING btree ("document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "missing_requests_open_unique" ON "missing_requests" USING btree ("document_id") WHERE "missing_requests"."resolved_at" is null;