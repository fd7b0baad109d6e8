ALTER TABLE "auto_assign_rules" DROP CONSTRAINT "auto_assign_rules_unit_code_type_code_pk";--> statement-breakpoint
ALTER TABLE "auto_assign_rules" ADD COLUMN "region_code" text NOT NULL;--> statement-breakpoint
ALTER TABLE "auto_assign_rules" ADD CONSTRAINT "auto_assign_rules_unit_code_region_code_type_code_pk" PRIMARY KEY("unit_code","region_code","type_code");--> statement-breakpoint
ALTER TABLE "auto_assign_rules" ADD CONSTRAINT "auto_assign_rules_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;
