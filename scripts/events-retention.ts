// npm run events:retention [-- --days <n>]
// Deletes events older than EVENT_RETENTION_DAYS (or --days) now, chain by chain, keeping every
// chain verifiable from its retained start and recording one EVENTS_PURGED summary per chain. The
// app's daily job does the same; this is for a first clean-up or a cron-driven setup.
import { sql } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { purgeExpiredEvents } from "@/lib/services/events/purge-expired-events";
import { CliError, flag, runCli } from "./lib/cli";

void runCli(async () => {
  const raw = flag("days");
  const days = raw === undefined ? env().EVENT_RETENTION_DAYS : Number(raw);
  if (!Number.isInteger(days) || days < 0) throw new CliError("Usage: npm run events:retention [-- --days <whole number of days, at least 1>]");
  if (days === 0) {
    console.log("Retention is off (EVENT_RETENTION_DAYS=0 keeps events forever): nothing to delete. Pass --days <n> to delete older events once.");
    return;
  }
  await applyMigrations(sql());
  const started = Date.now();
  const result = await purgeExpiredEvents({ retentionDays: days });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    result.deleted === 0
      ? `No events older than ${result.cutoff.slice(0, 10)} (UTC). (${seconds} s)`
      : `✔ Deleted ${result.deleted.toLocaleString("en-US")} events older than ${result.cutoff.slice(0, 10)} (UTC) from ${result.chains} chain${result.chains === 1 ? "" : "s"}. (${seconds} s)`,
  );
});
