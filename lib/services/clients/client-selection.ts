// Actions on many clients at once (bulk disable/enable, applying a policy template): which clients a
// request means, and running the action on each one in its own transaction. A failure in one client
// rolls back that client only; the others keep their change, and every client gets a result.
//
// A selection is either ids (at most 1,000; every id must be a client of this provider, or the
// whole request is refused with 404 before anything is written) or a search over the client list
// ("all N matching", 100,000 possible), walked in keyset batches over the
// organizations (provider_id, name, id) index, so memory stays flat at any number of clients.
import { backend, db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import { transaction } from "@/lib/db/transaction";
import { AppError, notFound } from "@/lib/errors";
import { log } from "@/lib/log";
import { lockOrganization, type LockedClient } from "./common";
import { likePattern } from "./list-clients";

export type ClientSelection = { organizationIds: string[] } | { query: { q?: string } };

export interface SelectedClient {
  id: string;
  name: string;
}

export type ClientOutcome = "applied" | "unchanged" | "failed";

export interface ClientResult {
  id: string;
  name: string;
  result: ClientOutcome;
  error?: { code: string; message: string };
}

export interface BulkOutcome {
  total: number;
  applied: number;
  unchanged: number;
  failed: number;
  /** Every client for a selection by ids; only the failures (at most 1,000) for a search or "all". */
  results: ClientResult[];
}

export interface BulkProgress {
  done: number;
  total: number;
}

const BATCH = 200;
/** Clients changed at the same time (separate transactions); the pool has DATABASE_POOL_MAX connections (10 by default). */
const CONCURRENCY = 4;
const MAX_LISTED_FAILURES = 1000;
/** Progress lines at most every this many clients (and at the end). */
const PROGRESS_EVERY = 25;

/** The clients a selection names, in batches; ids of no client of this provider refuse the request first. */
export async function resolveSelection(providerId: string, selection: ClientSelection): Promise<{ total: number; batches: () => AsyncGenerator<SelectedClient[]> }> {
  if ("organizationIds" in selection) {
    const ids = [...new Set(selection.organizationIds.map((id) => id.toLowerCase()))];
    const rows = await db.$queryRaw<SelectedClient[]>`
      SELECT id::text AS id, name FROM organizations WHERE id = ANY(${ids}::uuid[]) AND provider_id = ${providerId}::uuid ORDER BY name, id`;
    if (rows.length !== ids.length) throw notFound("client");
    return {
      total: rows.length,
      async *batches() {
        for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH);
      },
    };
  }
  const q = selection.query.q?.trim() || undefined;
  const search = q ? Prisma.sql`AND name ILIKE ${likePattern(q)} ESCAPE '\\'` : Prisma.empty;
  const [counted] = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM organizations WHERE provider_id = ${providerId}::uuid ${search}`;
  return {
    total: counted?.count ?? 0,
    async *batches() {
      let after: SelectedClient | null = null;
      for (;;) {
        const keyset = after ? Prisma.sql`AND (name, id) > (${after.name}::text, ${after.id}::uuid)` : Prisma.empty;
        const rows: SelectedClient[] = await db.$queryRaw<SelectedClient[]>`
          SELECT id::text AS id, name FROM organizations
           WHERE provider_id = ${providerId}::uuid ${search} ${keyset}
           ORDER BY name, id LIMIT ${BATCH}`;
        if (rows.length) yield rows;
        if (rows.length < BATCH) return;
        after = rows.at(-1)!;
      }
    },
  };
}

export interface PerClientOptions {
  /** Clients of a batch known to need nothing (counted unchanged without opening a transaction). */
  skip?: (batch: SelectedClient[]) => Promise<Set<string>>;
  onProgress?: (progress: BulkProgress) => void;
}

/**
 * Runs `work` for each selected client in its own transaction, with the client's row locked and
 * checked to still belong to the provider. `work` answers whether it changed anything; an error
 * (a rule the client does not meet) fails that client only.
 */
export async function forEachClient(
  providerId: string,
  selection: ClientSelection,
  work: (tx: Tx, client: LockedClient) => Promise<boolean>,
  options: PerClientOptions = {},
): Promise<BulkOutcome> {
  const { total, batches } = await resolveSelection(providerId, selection);
  const listAll = "organizationIds" in selection;
  const outcome: BulkOutcome = { total, applied: 0, unchanged: 0, failed: 0, results: [] };
  let done = 0;
  let reported = 0;
  const report = (force = false) => {
    if (options.onProgress && (force || done - reported >= PROGRESS_EVERY)) {
      reported = done;
      options.onProgress({ done, total });
    }
  };
  report(true);
  const runOne = async (client: SelectedClient, skipped: Set<string>): Promise<ClientResult> => {
    try {
      if (skipped.has(client.id)) return { ...client, result: "unchanged" };
      const changed = await transaction(async (tx) => work(tx, await lockOrganization(tx, client.id, providerId)));
      return { ...client, result: changed ? "applied" : "unchanged" };
    } catch (error) {
      return { ...client, result: "failed", error: failureOf(error) };
    } finally {
      done++;
      report();
    }
  };
  // Several clients at once on PostgreSQL (each still in its own transaction; they lock different
  // organization rows and meet only at the event chain's head, always in the same order, so they
  // cannot deadlock). The embedded database has one connection: one at a time.
  const workers = backend().kind === "postgres" ? CONCURRENCY : 1;
  for await (const batch of batches()) {
    const skipped = options.skip ? await options.skip(batch) : new Set<string>();
    const results: ClientResult[] = new Array(batch.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(workers, batch.length) }, async () => {
        while (next < batch.length) {
          const i = next++;
          results[i] = await runOne(batch[i]!, skipped);
        }
      }),
    );
    for (const result of results) {
      outcome[result.result]++;
      if (listAll || (result.result === "failed" && outcome.results.length < MAX_LISTED_FAILURES)) outcome.results.push(result);
    }
  }
  report(true);
  return outcome;
}

function failureOf(error: unknown): { code: string; message: string } {
  if (error instanceof AppError) {
    // The client left the provider between the selection and its turn.
    if (error.status === 404) return { code: "not_found", message: "This organization is no longer a client of the provider." };
    return { code: error.code, message: error.message };
  }
  log.error({ err: error }, "bulk client action failed for one client");
  return { code: "internal_error", message: "Something went wrong on our side for this client. It has been logged." };
}
