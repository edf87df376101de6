// Server start-up: validate the configuration (clear message and exit on a mistake), open the
// database (which takes the embedded database's lock for this process) and start scheduled jobs.
import { sql } from "@/lib/db/client";
import { EmbeddedDatabaseBusyError } from "@/lib/db/embedded-lock";
import { env, EnvError } from "@/lib/env";
import { registerJobs } from "@/lib/jobs/register-jobs";
import { startScheduler } from "@/lib/jobs/scheduler";

export async function onServerStart(): Promise<void> {
  try {
    env();
    await sql().query("SELECT 1");
  } catch (error) {
    if (error instanceof EnvError || error instanceof EmbeddedDatabaseBusyError) {
      console.error(`\n✖ ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  registerJobs();
  startScheduler();
}
