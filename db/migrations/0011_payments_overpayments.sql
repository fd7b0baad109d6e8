CREATE TYPE "public"."benefit_payment_status" AS ENUM('prepared', 'approved', 'handed_over');--> statement-breakpoint
CREATE TYPE "public"."payment_shape" AS ENUM('one_off');--> statement-breakpoint
CREATE TYPE "public"."overpayment_request" AS ENUM('lump_sum', 'instalments', 'waiver');--> statement-breakpoint
CREATE TABLE "benefit_kinds" (
	"code" text PRIMARY KEY NOT NULL,
	"name_et" text NOT NULL,
	"name_en" text NOT NULL,
	"shape" "payment_shape" DEFAULT 'one_off' NOT NULL,
	"remittance_prefix" text NOT NULL,
	"note_et" text,
	"note_en" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 100 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefit_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind_code" text NOT NULL,
	"region_code" text NOT NULL,
	"deceased_code" text NOT NULL,
	"deceased_name" text NOT NULL,
	"applicant_code" text NOT NULL,
	"applicant_name" text NOT NULL,
	"basis" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"recipient_name" text NOT NULL,
	"recipient_iban" text NOT NULL,
	"decision_date" date NOT NULL,
	"status" "benefit_payment_status" DEFAULT 'prepared' NOT NULL,
	"prepared_by" uuid NOT NULL,
	"prepared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"submission_id" uuid NOT NULL,
	CONSTRAINT "benefit_payments_submission_id_unique" UNIQUE("submission_id"),
	CONSTRAINT "benefit_payments_amount" CHECK ("benefit_payments"."amount_cents" > 0),
	CONSTRAINT "benefit_payments_four_eyes" CHECK ("benefit_payments"."approved_by" is null or "benefit_payments"."approved_by" <> "benefit_payments"."prepared_by"),
	CONSTRAINT "benefit_payments_approval" CHECK (("benefit_payments"."status" = 'prepared') = ("benefit_payments"."approved_by" is null) and ("benefit_payments"."approved_by" is null) = ("benefit_payments"."approved_at" is null))
);
--> statement-breakpoint
CREATE TABLE "payment_batch_items" (
	"payment_id" uuid PRIMARY KEY NOT NULL,
	"batch_id" uuid NOT NULL,
	"end_to_end_id" text NOT NULL,
	CONSTRAINT "payment_batch_items_end_to_end_id_unique" UNIQUE("end_to_end_id")
);
--> statement-breakpoint
CREATE TABLE "payment_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" text NOT NULL,
	"execution_date" date NOT NULL,
	"payment_count" integer NOT NULL,
	"control_sum_cents" bigint NOT NULL,
	"debtor_iban" text NOT NULL,
	"xml" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"download_count" integer DEFAULT 0 NOT NULL,
	"last_downloaded_at" timestamp with time zone,
	CONSTRAINT "payment_batches_message_id_unique" UNIQUE("message_id")
);
--> statement-breakpoint
CREATE TABLE "overpayment_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"benefit" text NOT NULL,
	"decision_reference" text,
	"amount_cents" integer NOT NULL,
	"request" "overpayment_request" NOT NULL,
	"lump_sum_date" date,
	"waiver_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "overpayment_applications_document_id_unique" UNIQUE("document_id"),
	CONSTRAINT "overpayment_applications_amount" CHECK ("overpayment_applications"."amount_cents" > 0),
	CONSTRAINT "overpayment_applications_waiver" CHECK ("overpayment_applications"."request" <> 'waiver' or "overpayment_applications"."waiver_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "overpayment_instalments" (
	"application_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"due_date" date NOT NULL,
	"amount_cents" integer NOT NULL,
	CONSTRAINT "overpayment_instalments_application_id_seq_pk" PRIMARY KEY("application_id","seq"),
	CONSTRAINT "overpayment_instalments_amount" CHECK ("overpayment_instalments"."amount_cents" > 0)
);
--> statement-breakpoint
ALTER TABLE "benefit_payments" ADD CONSTRAINT "benefit_payments_kind_code_benefit_kinds_code_fk" FOREIGN KEY ("kind_code") REFERENCES "public"."benefit_kinds"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_payments" ADD CONSTRAINT "benefit_payments_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_payments" ADD CONSTRAINT "benefit_payments_prepared_by_staff_id_fk" FOREIGN KEY ("prepared_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_payments" ADD CONSTRAINT "benefit_payments_approved_by_staff_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batch_items" ADD CONSTRAINT "payment_batch_items_payment_id_benefit_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."benefit_payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batch_items" ADD CONSTRAINT "payment_batch_items_batch_id_payment_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."payment_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_batches" ADD CONSTRAINT "payment_batches_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overpayment_applications" ADD CONSTRAINT "overpayment_applications_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overpayment_applications" ADD CONSTRAINT "overpayment_applications_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overpayment_applications" ADD CONSTRAINT "overpayment_applications_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overpayment_instalments" ADD CONSTRAINT "overpayment_instalments_application_id_overpayment_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."overpayment_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "benefit_payments_region_idx" ON "benefit_payments" USING btree ("region_code","status","prepared_at");--> statement-breakpoint
CREATE INDEX "benefit_payments_status_idx" ON "benefit_payments" USING btree ("status","approved_at");--> statement-breakpoint
CREATE INDEX "payment_batch_items_batch_idx" ON "payment_batch_items" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "overpayment_applications_client_idx" ON "overpayment_applications" USING btree ("client_id");