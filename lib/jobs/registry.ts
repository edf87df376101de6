// Every scheduled job the app runs. lib/server-start.ts registers these before starting the scheduler.
import { billingJob } from "./billing-job";
import { eventRetentionJob } from "./event-retention";
import { registerJob } from "./scheduler";

export function registerJobs(): void {
  registerJob(billingJob);
  registerJob(eventRetentionJob);
}
