CREATE TYPE "public"."email_mode" AS ENUM('immediate', 'digest', 'off');--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"staff_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"email" "email_mode" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_staff_id_kind_pk" PRIMARY KEY("staff_id","kind")
);
--> statement-breakpoint
CREATE TABLE "incident_priority_matrix" (
	"impact" text NOT NULL,
	"urgency" text NOT NULL,
	"priority" "incident_priority" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "incident_priority_matrix_impact_urgency_pk" PRIMARY KEY("impact","urgency")
);
--> statement-breakpoint
ALTER TABLE "staff" ADD COLUMN "language" text DEFAULT 'et' NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "digest_pending" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_digest_idx" ON "notifications" USING btree ("recipient_id") WHERE digest_pending;