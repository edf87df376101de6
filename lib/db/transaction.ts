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

type AfterCommit = () => Promise<unknown>;

/** Work to do once a transaction has committed (mail), registered by code deep inside it. */
const afterCommitQueues = new WeakMap<Tx, AfterCommit[]>();

export async function transaction<T>(fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    // A fresh queue per attempt: work registered by an attempt that rolled back is dropped with it.
    const queue: AfterCommit[] = [];
    let result: T;
    try {
      result = await db.$transaction(
        (tx) => {
          afterCommitQueues.set(tx, queue);
          return fn(tx);
        },
        { timeout: options.timeout ?? 15_000, maxWait: 10_000, isolationLevel: options.isolationLevel },
      );
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
      continue;
    }
    for (const run of queue) await run();
    return result;
  }
}

/**
 * Runs `fn` after the transaction `tx` commits (never when it rolls back). For a shared write path
 * (e.g. writePolicy, which policy templates also call) whose side effects, such as mail, must wait
 * for the commit whichever caller opened the transaction. `fn` must not throw: use sendMailSafely.
 */
export function afterCommit(tx: Tx, fn: AfterCommit): void {
  const queue = afterCommitQueues.get(tx);
  if (!queue) throw new Error("afterCommit needs a transaction opened with transaction()");
  queue.push(fn);
}
