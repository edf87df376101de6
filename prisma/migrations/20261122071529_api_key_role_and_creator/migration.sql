-- API keys get the provider role they act with and the membership they were created through.
-- No release created API keys before this migration, so the table is empty and NOT NULL needs no default.

-- DropIndex
DROP INDEX "provider_api_keys_provider_id_idx";

-- AlterTable
ALTER TABLE "provider_api_keys" ADD COLUMN     "created_by_membership_id" UUID,
ADD COLUMN     "role" "ProviderUserRole" NOT NULL;

-- CreateIndex
CREATE INDEX "provider_api_keys_provider_id_created_at_id_idx" ON "provider_api_keys"("provider_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "provider_api_keys_created_by_id_idx" ON "provider_api_keys"("created_by_id");

-- CreateIndex
CREATE INDEX "provider_api_keys_created_by_membership_id_idx" ON "provider_api_keys"("created_by_membership_id");

-- AddForeignKey
ALTER TABLE "provider_api_keys" ADD CONSTRAINT "provider_api_keys_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_api_keys" ADD CONSTRAINT "provider_api_keys_created_by_membership_id_fkey" FOREIGN KEY ("created_by_membership_id") REFERENCES "provider_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
