// Issues last month's invoices early in each new month (UTC). Claimed once per period across instances.
import { lastClosedPeriod } from "@/lib/billing/period";
import { runBilling } from "@/lib/services/billing/run-billing";
import type { ScheduledJob } from "./scheduler";

export const billingJob: ScheduledJob = {
  name: "billing",
  everyMs: 60 * 60 * 1000,
  dueKey: (now) => `billing:${lastClosedPeriod(now)}`,
  run: (key) => runBilling(key.slice("billing:".length)),
};
