CREATE TYPE "public"."bulk_row_status" AS ENUM('pending', 'issued', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."bulk_run_status" AS ENUM('validated', 'running', 'cancelled', 'completed', 'failed');--> statement-breakpoint
CREATE TABLE "bulk_rows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"personal_code" text NOT NULL,
	"data" jsonb NOT NULL,
	"status" "bulk_row_status" DEFAULT 'pending' NOT NULL,
	"issued_document_id" uuid,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bulk_rows_issued_document_id_unique" UNIQUE("issued_document_id"),
	CONSTRAINT "bulk_rows_run_row_unique" UNIQUE("run_id","row_number"),
	CONSTRAINT "bulk_rows_run_code_unique" UNIQUE("run_id","personal_code")
);
--> statement-breakpoint
CREATE TABLE "bulk_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" text NOT NULL,
	"template_version" integer NOT NULL,
	"method" "issue_method" NOT NULL,
	"file_name" text NOT NULL,
	"status" "bulk_run_status" DEFAULT 'validated' NOT NULL,
	"total" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"cancelled_by" uuid
);
--> statement-breakpoint
ALTER TABLE "bulk_rows" ADD CONSTRAINT "bulk_rows_run_id_bulk_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."bulk_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_rows" ADD CONSTRAINT "bulk_rows_issued_document_id_issued_documents_id_fk" FOREIGN KEY ("issued_document_id") REFERENCES "public"."issued_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_runs" ADD CONSTRAINT "bulk_runs_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_runs" ADD CONSTRAINT "bulk_runs_cancelled_by_staff_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulk_rows_pending_idx" ON "bulk_rows" USING btree ("run_id","row_number") WHERE "bulk_rows"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "bulk_runs_created_by_idx" ON "bulk_runs" USING btree ("created_by","created_at");--> statement-breakpoint
CREATE INDEX "bulk_runs_running_idx" ON "bulk_runs" USING btree ("created_at") WHERE "bulk_runs"."status" = 'running';