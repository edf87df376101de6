// In-process scheduler for periodic jobs. Each job claims its run key in job_runs first, so with
// several app instances a job runs once per key. Disabled with JOBS_ENABLED=false.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export interface ScheduledJob {
  name: string;
  /** How often to look for work, in milliseconds. */
  everyMs: number;
  /** The key of the run due now (e.g. "billing:2026-11"), or null when nothing is due. */
  dueKey(now: Date): string | null;
  run(key: string): Promise<unknown>;
}

const jobs: ScheduledJob[] = [];

export function registerJob(job: ScheduledJob): void {
  if (!jobs.some((j) => j.name === job.name)) jobs.push(job);
}

/** Claims `key` (false when another instance or an earlier run already has) and runs the job. */
export async function runOnce(key: string, run: () => Promise<unknown>): Promise<boolean> {
  const claimed = await db.jobRun.createMany({ data: [{ key }], skipDuplicates: true });
  if (claimed.count === 0) return false;
  let result: unknown;
  try {
    result = await run();
  } catch (error) {
    // Release the claim so the next tick (or instance) retries.
    await db.jobRun.delete({ where: { key } }).catch(() => {});
    throw error;
  }
  await db.jobRun.update({ where: { key }, data: { finishedAt: new Date(), result: (result ?? null) as never } });
  return true;
}

const globalCache = globalThis as typeof globalThis & { __providerPortalScheduler?: NodeJS.Timeout[] };

export function startScheduler(): void {
  if (!env().JOBS_ENABLED || globalCache.__providerPortalScheduler) return;
  globalCache.__providerPortalScheduler = jobs.map((job) => {
    const tick = async () => {
      const key = job.dueKey(new Date());
      if (!key) return;
      try {
        if (await runOnce(key, () => job.run(key))) log.info({ job: job.name, key }, "scheduled job finished");
      } catch (error) {
        log.error({ job: job.name, key, err: (error as Error).message }, "scheduled job failed");
      }
    };
    const timer = setInterval(() => void tick(), job.everyMs);
    timer.unref();
    setTimeout(() => void tick(), 5_000).unref();
    return timer;
  });
}
