CREATE TYPE "public"."issue_method" AS ENUM('handed_over', 'email', 'post');--> statement-breakpoint
CREATE TABLE "issued_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"attachment_id" uuid NOT NULL,
	"template_id" text NOT NULL,
	"template_version" integer NOT NULL,
	"data" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"verification_code" text NOT NULL,
	"sealed" boolean NOT NULL,
	"seal_certificate" text,
	"client_id" uuid,
	"recipient_name" text NOT NULL,
	"method" "issue_method" NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_by" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	CONSTRAINT "issued_documents_document_id_unique" UNIQUE("document_id"),
	CONSTRAINT "issued_documents_verification_code_unique" UNIQUE("verification_code"),
	CONSTRAINT "issued_documents_submission_id_unique" UNIQUE("submission_id")
);
--> statement-breakpoint
ALTER TABLE "issued_documents" ADD CONSTRAINT "issued_documents_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_documents" ADD CONSTRAINT "issued_documents_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_documents" ADD CONSTRAINT "issued_documents_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_documents" ADD CONSTRAINT "issued_documents_issued_by_staff_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "issued_documents_client_idx" ON "issued_documents" USING btree ("client_id","issued_at");