CREATE TYPE "public"."benefit_payment_event_kind" AS ENUM('returned', 'resubmitted', 'rejected');--> statement-breakpoint
ALTER TYPE "public"."benefit_payment_status" ADD VALUE 'returned';--> statement-breakpoint
ALTER TYPE "public"."benefit_payment_status" ADD VALUE 'rejected';--> statement-breakpoint
CREATE TABLE "benefit_payment_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payment_id" uuid NOT NULL,
	"kind" "benefit_payment_event_kind" NOT NULL,
	"actor_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text,
	"changes" jsonb,
	CONSTRAINT "benefit_payment_events_reason" CHECK (("benefit_payment_events"."kind" = 'resubmitted') = ("benefit_payment_events"."reason" is null))
);
--> statement-breakpoint
ALTER TABLE "benefit_payments" DROP CONSTRAINT "benefit_payments_approval";--> statement-breakpoint
ALTER TABLE "benefit_payments" ADD COLUMN "returned_by" uuid;--> statement-breakpoint
ALTER TABLE "benefit_payments" ADD COLUMN "returned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "benefit_payments" ADD COLUMN "return_reason" text;--> statement-breakpoint
ALTER TABLE "benefit_payments" ADD COLUMN "rejected_by" uuid;--> statement-breakpoint
ALTER TABLE "benefit_payments" ADD COLUMN "rejected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "benefit_payments" ADD COLUMN "reject_reason" text;--> statement-breakpoint
ALTER TABLE "benefit_payment_events" ADD CONSTRAINT "benefit_payment_events_payment_id_benefit_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."benefit_payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_payment_events" ADD CONSTRAINT "benefit_payment_events_actor_id_staff_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "benefit_payment_events_payment_idx" ON "benefit_payment_events" USING btree ("payment_id","at");--> statement-breakpoint
ALTER TABLE "benefit_payments" ADD CONSTRAINT "benefit_payments_returned_by_staff_id_fk" FOREIGN KEY ("returned_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_payments" ADD CONSTRAINT "benefit_payments_rejected_by_staff_id_fk" FOREIGN KEY ("rejected_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_payments" ADD CONSTRAINT "benefit_payments_returned" CHECK (("benefit_payments"."status"::text = 'returned') = ("benefit_payments"."returned_by" is not null) and ("benefit_payments"."returned_by" is null) = ("benefit_payments"."returned_at" is null) and ("benefit_payments"."returned_by" is null) = ("benefit_payments"."return_reason" is null) and "benefit_payments"."returned_by" <> "benefit_payments"."prepared_by");--> statement-breakpoint
ALTER TABLE "benefit_payments" ADD CONSTRAINT "benefit_payments_rejected" CHECK (("benefit_payments"."status"::text = 'rejected') = ("benefit_payments"."rejected_by" is not null) and ("benefit_payments"."rejected_by" is null) = ("benefit_payments"."rejected_at" is null) and ("benefit_payments"."rejected_by" is null) = ("benefit_payments"."reject_reason" is null) and "benefit_payments"."rejected_by" <> "benefit_payments"."prepared_by");--> statement-breakpoint
ALTER TABLE "benefit_payments" ADD CONSTRAINT "benefit_payments_reasons" CHECK (char_length("benefit_payments"."return_reason") between 3 and 1000 and char_length("benefit_payments"."reject_reason") between 3 and 1000);--> statement-breakpoint
ALTER TABLE "benefit_payments" ADD CONSTRAINT "benefit_payments_approval" CHECK (("benefit_payments"."status"::text in ('approved', 'handed_over')) = ("benefit_payments"."approved_by" is not null) and ("benefit_payments"."approved_by" is null) = ("benefit_payments"."approved_at" is null));