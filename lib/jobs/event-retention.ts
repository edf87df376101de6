// Daily event retention: with EVENT_RETENTION_DAYS > 0, deletes older events once a day (the run
// key is the UTC date, so several instances run it once). 0 keeps events forever.
import { env } from "@/lib/env";
import { purgeExpiredEvents } from "@/lib/services/events/purge-expired-events";
import type { ScheduledJob } from "./scheduler";

export const eventRetentionJob: ScheduledJob = {
  name: "event-retention",
  everyMs: 60 * 60 * 1000,
  dueKey(now) {
    return env().EVENT_RETENTION_DAYS > 0 ? `event-retention:${now.toISOString().slice(0, 10)}` : null;
  },
  run() {
    return purgeExpiredEvents({ retentionDays: env().EVENT_RETENTION_DAYS });
  },
};
