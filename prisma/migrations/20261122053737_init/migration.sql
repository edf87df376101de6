-- Substring search on client names (organizations_name_trgm_idx) needs trigram operators.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "ProviderType" AS ENUM ('MSP', 'RESELLER');

-- CreateEnum
CREATE TYPE "ProviderStatus" AS ENUM ('PENDING', 'ACTIVE');

-- CreateEnum
CREATE TYPE "BillingMode" AS ENUM ('PER_CLIENT', 'CONSOLIDATED');

-- CreateEnum
CREATE TYPE "ProviderUserRole" AS ENUM ('PROVIDER_ADMIN', 'SERVICE_USER');

-- CreateEnum
CREATE TYPE "ProviderUserStatus" AS ENUM ('INVITED', 'ACCEPTED', 'CONFIRMED');

-- CreateEnum
CREATE TYPE "OrganizationPlan" AS ENUM ('FREE', 'FAMILIES', 'TEAMS_MONTHLY', 'TEAMS_ANNUAL', 'ENTERPRISE_MONTHLY', 'ENTERPRISE_ANNUAL');

-- CreateEnum
CREATE TYPE "PaymentMethodKind" AS ENUM ('CARD', 'BANK_ACCOUNT', 'INVOICE');

-- CreateEnum
CREATE TYPE "OrganizationRole" AS ENUM ('OWNER', 'ADMIN', 'USER');

-- CreateEnum
CREATE TYPE "MemberStatus" AS ENUM ('INVITED', 'ACCEPTED', 'CONFIRMED', 'REVOKED');

-- CreateEnum
CREATE TYPE "CollectionPermission" AS ENUM ('VIEW', 'VIEW_EXCEPT_PASSWORDS', 'EDIT', 'EDIT_EXCEPT_PASSWORDS', 'MANAGE');

-- CreateEnum
CREATE TYPE "VaultItemType" AS ENUM ('LOGIN', 'SECURE_NOTE', 'CARD', 'IDENTITY');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('RUNNING', 'COMPLETED', 'FAILED');

-- CreateEnum
CREATE TYPE "PolicyType" AS ENUM ('TWO_FACTOR_AUTHENTICATION', 'MASTER_PASSWORD', 'PASSWORD_GENERATOR', 'SINGLE_ORG', 'PERSONAL_OWNERSHIP', 'SEND_OPTIONS', 'VAULT_TIMEOUT', 'DISABLE_PERSONAL_VAULT_EXPORT', 'ACCOUNT_RECOVERY');

-- CreateEnum
CREATE TYPE "InvoiceStatus" AS ENUM ('OPEN', 'PAID', 'VOID');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "is_staff" BOOLEAN NOT NULL DEFAULT false,
    "session_version" INTEGER NOT NULL DEFAULT 0,
    "data_key_wrapped" BYTEA,
    "totp_secret_enc" BYTEA,
    "totp_pending_secret_enc" BYTEA,
    "totp_enabled_at" TIMESTAMPTZ(6),
    "totp_last_step" BIGINT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_recovery_codes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "used_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_recovery_codes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "providers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "business_name" TEXT,
    "billing_email" TEXT,
    "type" "ProviderType" NOT NULL DEFAULT 'MSP',
    "status" "ProviderStatus" NOT NULL DEFAULT 'PENDING',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "billing_mode" "BillingMode" NOT NULL DEFAULT 'PER_CLIENT',
    "pending_billing_mode" "BillingMode",
    "pending_billing_from" TEXT,
    "require_2fa" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "providers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "provider_stats" (
    "provider_id" UUID NOT NULL,
    "client_count" INTEGER NOT NULL DEFAULT 0,
    "seats" INTEGER NOT NULL DEFAULT 0,
    "occupied_seats" INTEGER NOT NULL DEFAULT 0,
    "managed_seats" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "provider_stats_pkey" PRIMARY KEY ("provider_id")
);

-- CreateTable
CREATE TABLE "provider_setup_invitations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "provider_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(6) NOT NULL,
    "used_at" TIMESTAMPTZ(6),
    "revoked_at" TIMESTAMPTZ(6),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "provider_setup_invitations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "provider_users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "provider_id" UUID NOT NULL,
    "user_id" UUID,
    "email" TEXT NOT NULL,
    "role" "ProviderUserRole" NOT NULL,
    "status" "ProviderUserStatus" NOT NULL DEFAULT 'INVITED',
    "invite_token_hash" TEXT,
    "invite_expires_at" TIMESTAMPTZ(6),
    "client_scoped" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "provider_users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "provider_user_clients" (
    "provider_user_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,

    CONSTRAINT "provider_user_clients_pkey" PRIMARY KEY ("provider_user_id","organization_id")
);

-- CreateTable
CREATE TABLE "provider_api_keys" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "provider_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "created_by_id" UUID,
    "last_used_at" TIMESTAMPTZ(6),
    "revoked_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "provider_api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy_templates" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "provider_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "policies" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "policy_templates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organizations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "billing_email" TEXT NOT NULL,
    "plan" "OrganizationPlan" NOT NULL,
    "seats" INTEGER NOT NULL,
    "occupied_seats" INTEGER NOT NULL DEFAULT 0,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "disabled_by_provider" BOOLEAN NOT NULL DEFAULT false,
    "provider_id" UUID,
    "is_provider_internal" BOOLEAN NOT NULL DEFAULT false,
    "payment_method_kind" "PaymentMethodKind",
    "payment_method_label" TEXT,
    "payment_method_last4" TEXT,
    "data_key_wrapped" BYTEA,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organization_members" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "user_id" UUID,
    "email" TEXT NOT NULL,
    "role" "OrganizationRole" NOT NULL,
    "status" "MemberStatus" NOT NULL DEFAULT 'INVITED',
    "status_before_revoke" "MemberStatus",
    "invite_token_hash" TEXT,
    "invite_expires_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "organization_members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "groups" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "groups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "group_members" (
    "group_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,

    CONSTRAINT "group_members_pkey" PRIMARY KEY ("group_id","member_id")
);

-- CreateTable
CREATE TABLE "collections" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "collections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "collection_member_access" (
    "collection_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "permission" "CollectionPermission" NOT NULL,

    CONSTRAINT "collection_member_access_pkey" PRIMARY KEY ("collection_id","member_id")
);

-- CreateTable
CREATE TABLE "collection_group_access" (
    "collection_id" UUID NOT NULL,
    "group_id" UUID NOT NULL,
    "permission" "CollectionPermission" NOT NULL,

    CONSTRAINT "collection_group_access_pkey" PRIMARY KEY ("collection_id","group_id")
);

-- CreateTable
CREATE TABLE "vault_items" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "type" "VaultItemType" NOT NULL,
    "name" TEXT NOT NULL,
    "ciphertext" BYTEA NOT NULL,
    "import_job_id" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "vault_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vault_item_collections" (
    "item_id" UUID NOT NULL,
    "collection_id" UUID NOT NULL,

    CONSTRAINT "vault_item_collections_pkey" PRIMARY KEY ("item_id","collection_id")
);

-- CreateTable
CREATE TABLE "import_jobs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "format" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'RUNNING',
    "total_items" INTEGER NOT NULL DEFAULT 0,
    "imported_items" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(6),

    CONSTRAINT "import_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policies" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "type" "PolicyType" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "policies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "events" (
    "id" BIGSERIAL NOT NULL,
    "occurred_at" TIMESTAMPTZ(6) NOT NULL,
    "type" TEXT NOT NULL,
    "provider_id" UUID,
    "acting_provider_id" UUID,
    "organization_id" UUID,
    "actor_user_id" UUID,
    "actor_name" TEXT,
    "actor_email" TEXT,
    "target_type" TEXT,
    "target_id" TEXT,
    "target_name" TEXT,
    "ip" TEXT,
    "user_agent" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "chain_scope" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "prev_hash" BYTEA NOT NULL,
    "hash" BYTEA NOT NULL,

    CONSTRAINT "events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_chain_heads" (
    "scope" TEXT NOT NULL,
    "seq" BIGINT NOT NULL DEFAULT 0,
    "hash" BYTEA NOT NULL,
    "anchor_seq" BIGINT NOT NULL DEFAULT 0,
    "anchor_hash" BYTEA NOT NULL,

    CONSTRAINT "event_chain_heads_pkey" PRIMARY KEY ("scope")
);

-- CreateTable
CREATE TABLE "plan_prices" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "plan" "OrganizationPlan" NOT NULL,
    "unit_price_cents" INTEGER NOT NULL,
    "effective_from" DATE NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plan_prices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "discount_tiers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "min_seats" INTEGER NOT NULL,
    "discount_basis_points" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "discount_tiers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "provider_seat_minimums" (
    "provider_id" UUID NOT NULL,
    "plan" "OrganizationPlan" NOT NULL,
    "seat_minimum" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "provider_seat_minimums_pkey" PRIMARY KEY ("provider_id","plan")
);

-- CreateTable
CREATE TABLE "seat_ledger" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "provider_id" UUID,
    "plan" "OrganizationPlan" NOT NULL,
    "seats" INTEGER NOT NULL,
    "effective_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "seat_ledger_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoices" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "number" TEXT NOT NULL,
    "billing_key" TEXT NOT NULL,
    "provider_id" UUID,
    "organization_id" UUID,
    "mode" "BillingMode" NOT NULL,
    "period" TEXT NOT NULL,
    "status" "InvoiceStatus" NOT NULL DEFAULT 'OPEN',
    "subtotal_cents" INTEGER NOT NULL,
    "discount_cents" INTEGER NOT NULL,
    "total_cents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "payment_method_kind" "PaymentMethodKind",
    "payment_method_label" TEXT,
    "payment_method_last4" TEXT,
    "issued_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invoices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoice_lines" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "invoice_id" UUID NOT NULL,
    "organization_id" UUID,
    "organization_name" TEXT NOT NULL,
    "plan" "OrganizationPlan" NOT NULL,
    "assigned_seats" INTEGER NOT NULL,
    "used_seats" INTEGER NOT NULL,
    "remaining_seats" INTEGER NOT NULL,
    "seat_days" INTEGER NOT NULL,
    "unit_price_cents" INTEGER NOT NULL,
    "discount_basis_points" INTEGER NOT NULL,
    "subtotal_cents" INTEGER NOT NULL,
    "discount_cents" INTEGER NOT NULL,
    "total_cents" INTEGER NOT NULL,

    CONSTRAINT "invoice_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_runs" (
    "key" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(6),
    "result" JSONB,

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "user_recovery_codes_user_id_idx" ON "user_recovery_codes"("user_id");

-- CreateIndex
CREATE INDEX "providers_name_idx" ON "providers"("name");

-- CreateIndex
CREATE UNIQUE INDEX "provider_setup_invitations_token_hash_key" ON "provider_setup_invitations"("token_hash");

-- CreateIndex
CREATE INDEX "provider_setup_invitations_provider_id_idx" ON "provider_setup_invitations"("provider_id");

-- CreateIndex
CREATE UNIQUE INDEX "provider_users_invite_token_hash_key" ON "provider_users"("invite_token_hash");

-- CreateIndex
CREATE INDEX "provider_users_user_id_idx" ON "provider_users"("user_id");

-- CreateIndex
CREATE INDEX "provider_users_provider_id_status_role_idx" ON "provider_users"("provider_id", "status", "role");

-- CreateIndex
CREATE UNIQUE INDEX "provider_users_provider_id_email_key" ON "provider_users"("provider_id", "email");

-- CreateIndex
CREATE UNIQUE INDEX "provider_users_provider_id_user_id_key" ON "provider_users"("provider_id", "user_id");

-- CreateIndex
CREATE INDEX "provider_user_clients_organization_id_idx" ON "provider_user_clients"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "provider_api_keys_key_hash_key" ON "provider_api_keys"("key_hash");

-- CreateIndex
CREATE INDEX "provider_api_keys_provider_id_idx" ON "provider_api_keys"("provider_id");

-- CreateIndex
CREATE UNIQUE INDEX "policy_templates_provider_id_name_key" ON "policy_templates"("provider_id", "name");

-- CreateIndex
CREATE INDEX "organizations_provider_id_name_id_idx" ON "organizations"("provider_id", "name", "id");

-- CreateIndex
CREATE INDEX "organizations_provider_id_seats_id_idx" ON "organizations"("provider_id", "seats", "id");

-- CreateIndex
CREATE INDEX "organizations_provider_id_created_at_id_idx" ON "organizations"("provider_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "organizations_name_trgm_idx" ON "organizations" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "organization_members_invite_token_hash_key" ON "organization_members"("invite_token_hash");

-- CreateIndex
CREATE INDEX "organization_members_user_id_idx" ON "organization_members"("user_id");

-- CreateIndex
CREATE INDEX "organization_members_organization_id_status_role_idx" ON "organization_members"("organization_id", "status", "role");

-- CreateIndex
CREATE UNIQUE INDEX "organization_members_organization_id_email_key" ON "organization_members"("organization_id", "email");

-- CreateIndex
CREATE UNIQUE INDEX "organization_members_organization_id_user_id_key" ON "organization_members"("organization_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "groups_organization_id_name_key" ON "groups"("organization_id", "name");

-- CreateIndex
CREATE INDEX "group_members_member_id_idx" ON "group_members"("member_id");

-- CreateIndex
CREATE UNIQUE INDEX "collections_organization_id_name_key" ON "collections"("organization_id", "name");

-- CreateIndex
CREATE INDEX "collection_member_access_member_id_idx" ON "collection_member_access"("member_id");

-- CreateIndex
CREATE INDEX "collection_group_access_group_id_idx" ON "collection_group_access"("group_id");

-- CreateIndex
CREATE INDEX "vault_items_organization_id_name_idx" ON "vault_items"("organization_id", "name");

-- CreateIndex
CREATE INDEX "vault_item_collections_collection_id_idx" ON "vault_item_collections"("collection_id");

-- CreateIndex
CREATE INDEX "import_jobs_organization_id_created_at_idx" ON "import_jobs"("organization_id", "created_at");

-- CreateIndex
CREATE INDEX "policies_type_enabled_idx" ON "policies"("type", "enabled");

-- CreateIndex
CREATE UNIQUE INDEX "policies_organization_id_type_key" ON "policies"("organization_id", "type");

-- CreateIndex
CREATE INDEX "events_provider_id_occurred_at_id_idx" ON "events"("provider_id", "occurred_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "events_provider_id_type_occurred_at_id_idx" ON "events"("provider_id", "type", "occurred_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "events_provider_id_actor_user_id_occurred_at_id_idx" ON "events"("provider_id", "actor_user_id", "occurred_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "events_provider_id_organization_id_occurred_at_id_idx" ON "events"("provider_id", "organization_id", "occurred_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "events_organization_id_occurred_at_id_idx" ON "events"("organization_id", "occurred_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "events_actor_user_id_occurred_at_idx" ON "events"("actor_user_id", "occurred_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "events_chain_scope_seq_key" ON "events"("chain_scope", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "plan_prices_plan_effective_from_key" ON "plan_prices"("plan", "effective_from");

-- CreateIndex
CREATE UNIQUE INDEX "discount_tiers_min_seats_key" ON "discount_tiers"("min_seats");

-- CreateIndex
CREATE INDEX "seat_ledger_organization_id_effective_at_idx" ON "seat_ledger"("organization_id", "effective_at");

-- CreateIndex
CREATE INDEX "seat_ledger_provider_id_effective_at_idx" ON "seat_ledger"("provider_id", "effective_at");

-- CreateIndex
CREATE UNIQUE INDEX "invoices_number_key" ON "invoices"("number");

-- CreateIndex
CREATE UNIQUE INDEX "invoices_billing_key_key" ON "invoices"("billing_key");

-- CreateIndex
CREATE INDEX "invoices_provider_id_period_idx" ON "invoices"("provider_id", "period");

-- CreateIndex
CREATE INDEX "invoices_organization_id_period_idx" ON "invoices"("organization_id", "period");

-- CreateIndex
CREATE INDEX "invoice_lines_invoice_id_idx" ON "invoice_lines"("invoice_id");

-- AddForeignKey
ALTER TABLE "user_recovery_codes" ADD CONSTRAINT "user_recovery_codes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_stats" ADD CONSTRAINT "provider_stats_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_setup_invitations" ADD CONSTRAINT "provider_setup_invitations_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_users" ADD CONSTRAINT "provider_users_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_users" ADD CONSTRAINT "provider_users_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_user_clients" ADD CONSTRAINT "provider_user_clients_provider_user_id_fkey" FOREIGN KEY ("provider_user_id") REFERENCES "provider_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_user_clients" ADD CONSTRAINT "provider_user_clients_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_api_keys" ADD CONSTRAINT "provider_api_keys_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_templates" ADD CONSTRAINT "policy_templates_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organization_members" ADD CONSTRAINT "organization_members_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organization_members" ADD CONSTRAINT "organization_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "groups" ADD CONSTRAINT "groups_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "organization_members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "collections" ADD CONSTRAINT "collections_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "collection_member_access" ADD CONSTRAINT "collection_member_access_collection_id_fkey" FOREIGN KEY ("collection_id") REFERENCES "collections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "collection_member_access" ADD CONSTRAINT "collection_member_access_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "organization_members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "collection_group_access" ADD CONSTRAINT "collection_group_access_collection_id_fkey" FOREIGN KEY ("collection_id") REFERENCES "collections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "collection_group_access" ADD CONSTRAINT "collection_group_access_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vault_items" ADD CONSTRAINT "vault_items_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vault_item_collections" ADD CONSTRAINT "vault_item_collections_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "vault_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vault_item_collections" ADD CONSTRAINT "vault_item_collections_collection_id_fkey" FOREIGN KEY ("collection_id") REFERENCES "collections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policies" ADD CONSTRAINT "policies_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_seat_minimums" ADD CONSTRAINT "provider_seat_minimums_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "seat_ledger" ADD CONSTRAINT "seat_ledger_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───────────── Counters kept by the database (not expressible in schema.prisma) ─────────────

-- organizations.occupied_seats = members of the organization that hold a seat (every status but REVOKED).
-- Kept here rather than in every service that touches a member, so no code path can forget it; the
-- update also locks the organization row, which serializes concurrent invitations against the seat limit.
CREATE FUNCTION pp_member_seats() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_seat int := CASE WHEN TG_OP <> 'INSERT' AND OLD.status <> 'REVOKED' THEN 1 ELSE 0 END;
  new_seat int := CASE WHEN TG_OP <> 'DELETE' AND NEW.status <> 'REVOKED' THEN 1 ELSE 0 END;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.organization_id = NEW.organization_id THEN
    IF new_seat <> old_seat THEN
      UPDATE organizations SET occupied_seats = occupied_seats + new_seat - old_seat WHERE id = NEW.organization_id;
    END IF;
    RETURN NULL;
  END IF;
  IF old_seat = 1 THEN
    UPDATE organizations SET occupied_seats = occupied_seats - 1 WHERE id = OLD.organization_id;
  END IF;
  IF new_seat = 1 THEN
    UPDATE organizations SET occupied_seats = occupied_seats + 1 WHERE id = NEW.organization_id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER organization_members_occupied_seats
  AFTER INSERT OR DELETE OR UPDATE OF status, organization_id ON organization_members
  FOR EACH ROW EXECUTE FUNCTION pp_member_seats();

-- provider_stats = running totals over each provider's organizations (client count, seats, occupied
-- seats, and Teams/Enterprise seats under management), so list totals cost one row at any scale.
CREATE FUNCTION pp_provider_stats() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  managed_plans "OrganizationPlan"[] := ARRAY['TEAMS_MONTHLY', 'TEAMS_ANNUAL', 'ENTERPRISE_MONTHLY', 'ENTERPRISE_ANNUAL']::"OrganizationPlan"[];
  old_managed int;
  new_managed int;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    old_managed := CASE WHEN OLD.plan = ANY (managed_plans) THEN OLD.seats ELSE 0 END;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    new_managed := CASE WHEN NEW.plan = ANY (managed_plans) THEN NEW.seats ELSE 0 END;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.provider_id IS NOT DISTINCT FROM NEW.provider_id THEN
    IF NEW.provider_id IS NOT NULL AND (OLD.seats, OLD.occupied_seats, old_managed) IS DISTINCT FROM (NEW.seats, NEW.occupied_seats, new_managed) THEN
      UPDATE provider_stats
         SET seats = seats + NEW.seats - OLD.seats,
             occupied_seats = occupied_seats + NEW.occupied_seats - OLD.occupied_seats,
             managed_seats = managed_seats + new_managed - old_managed
       WHERE provider_id = NEW.provider_id;
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.provider_id IS NOT NULL THEN
    UPDATE provider_stats
       SET client_count = client_count - 1,
           seats = seats - OLD.seats,
           occupied_seats = occupied_seats - OLD.occupied_seats,
           managed_seats = managed_seats - old_managed
     WHERE provider_id = OLD.provider_id;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.provider_id IS NOT NULL THEN
    INSERT INTO provider_stats AS s (provider_id, client_count, seats, occupied_seats, managed_seats)
    VALUES (NEW.provider_id, 1, NEW.seats, NEW.occupied_seats, new_managed)
    ON CONFLICT (provider_id) DO UPDATE
       SET client_count = s.client_count + 1,
           seats = s.seats + EXCLUDED.seats,
           occupied_seats = s.occupied_seats + EXCLUDED.occupied_seats,
           managed_seats = s.managed_seats + EXCLUDED.managed_seats;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER organizations_provider_stats
  AFTER INSERT OR DELETE OR UPDATE OF provider_id, seats, occupied_seats, plan ON organizations
  FOR EACH ROW EXECUTE FUNCTION pp_provider_stats();
