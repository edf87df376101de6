// Interactive transactions with a retry on serialization failures and deadlocks, which PostgreSQL
// may raise under concurrency and which are safe to retry because nothing committed.
import { db, type Tx } from "./client";
import { isRetryable } from "./errors";

export interface TransactionOptions {
  /** Milliseconds the transaction may run (Prisma's default of 5 s is too short for large imports). */
  timeout?: number;
  isolationLevel?: "ReadCommitted" | "RepeatableRead" | "Serializable";
  attempts?: number;
}

export async function transaction<T>(fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(fn, {
        timeout: options.timeout ?? 15_000,
        maxWait: 10_000,
        isolationLevel: options.isolationLevel,
      });
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
    }
  }
}
