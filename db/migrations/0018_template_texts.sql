CREATE TYPE "public"."template_text_status" AS ENUM('draft', 'submitted', 'published');--> statement-breakpoint
CREATE TABLE "template_texts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" text NOT NULL,
	"version" integer,
	"status" "template_text_status" DEFAULT 'draft' NOT NULL,
	"blocks" jsonb NOT NULL,
	"based_on" integer NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	"effective_from" timestamp with time zone,
	CONSTRAINT "template_texts_four_eyes" CHECK ("template_texts"."published_by" is null or "template_texts"."published_by" <> "template_texts"."author_id"),
	CONSTRAINT "template_texts_published" CHECK (("template_texts"."status" = 'published') = ("template_texts"."version" is not null and "template_texts"."published_by" is not null and "template_texts"."published_at" is not null and "template_texts"."effective_from" is not null)),
	CONSTRAINT "template_texts_version" CHECK ("template_texts"."version" is null or "template_texts"."version" >= 2)
);
--> statement-breakpoint
ALTER TABLE "template_texts" ADD CONSTRAINT "template_texts_author_id_staff_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_texts" ADD CONSTRAINT "template_texts_published_by_staff_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "template_texts_version_idx" ON "template_texts" USING btree ("template_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "template_texts_open_idx" ON "template_texts" USING btree ("template_id") WHERE "template_texts"."status" <> 'published';--> statement-breakpoint
CREATE INDEX "template_texts_in_force_idx" ON "template_texts" USING btree ("template_id","effective_from");