DROP INDEX "customers_phone";--> statement-breakpoint
CREATE INDEX "customers_owner_phone_digits" ON "customers" USING btree ("owner_id",regexp_replace("phone", '\D', '', 'g'));--> statement-breakpoint
CREATE INDEX "customers_owner_name" ON "customers" USING btree ("owner_id",lower("name"));