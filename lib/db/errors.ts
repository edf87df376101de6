// Database errors that mean "the request conflicts with existing data" rather than "the server broke".
import { type AppError, conflict, notFound } from "@/lib/errors";

interface PrismaLikeError {
  code?: string;
  meta?: { driverAdapterError?: { cause?: { kind?: string; originalCode?: string; code?: string } }; code?: string; target?: unknown };
  cause?: { kind?: string; originalCode?: string };
}

/** The SQLSTATE behind a Prisma error, when there is one (driver adapters nest it). */
export function sqlState(error: unknown): string | undefined {
  const e = error as PrismaLikeError | undefined;
  return e?.meta?.driverAdapterError?.cause?.originalCode ?? e?.meta?.code ?? e?.cause?.originalCode;
}

function adapterKind(error: unknown): string | undefined {
  const e = error as PrismaLikeError | undefined;
  return e?.meta?.driverAdapterError?.cause?.kind ?? e?.cause?.kind;
}

/** Serialization failure or deadlock: the transaction can be retried as a whole. */
export function isRetryable(error: unknown): boolean {
  const state = sqlState(error);
  return (error as PrismaLikeError)?.code === "P2034" || state === "40001" || state === "40P01" || adapterKind(error) === "TransactionWriteConflict";
}

export function mapDbError(error: unknown): AppError | undefined {
  const code = (error as PrismaLikeError)?.code;
  const state = sqlState(error);
  const kind = adapterKind(error);
  if (code === "P2002" || state === "23505" || kind === "UniqueConstraintViolation") {
    return conflict("That already exists.", "already_exists");
  }
  if (code === "P2025") return notFound();
  if (code === "P2003" || state === "23503" || kind === "ForeignKeyConstraintViolation") {
    return conflict("It is still referenced by other data, or refers to something that no longer exists.", "reference_conflict");
  }
  if (isRetryable(error)) return conflict("Someone else changed this at the same moment. Please try again.", "concurrent_update");
  return undefined;
}
