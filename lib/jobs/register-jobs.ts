// Every scheduled job of the app, registered before the scheduler starts (lib/server-start.ts).
import { eventRetentionJob } from "./event-retention";
import { registerJob } from "./scheduler";

export function registerJobs(): void {
  registerJob(eventRetentionJob);
}
