-- CreateEnum
CREATE TYPE "InvoiceLineKind" AS ENUM ('CLIENT', 'UNASSIGNED_MINIMUM');

-- AlterTable
ALTER TABLE "seat_ledger" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- AlterTable
ALTER TABLE "invoices" ADD COLUMN     "discount_basis_points" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "paid_at" TIMESTAMPTZ(6),
ADD COLUMN     "seats_under_management" INTEGER;

-- AlterTable
ALTER TABLE "invoice_lines" ADD COLUMN     "kind" "InvoiceLineKind" NOT NULL DEFAULT 'CLIENT';
