// Stands in for the running app in the lock test: opens the embedded database in DATA_DIR (taking
// its lock), says "ready", and keeps it open until killed.
import { sql } from "@/lib/db/client";

void (async () => {
  await sql().query("SELECT 1");
  process.stdout.write("ready\n");
  setInterval(() => {}, 1000);
})();
