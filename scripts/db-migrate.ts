// npm run db:migrate — applies pending migrations to DATABASE_URL, or to the embedded database in
// DATA_DIR (refusing while another process, such as the running app, holds it).
import { sql } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { runCli } from "./lib/cli";

void runCli(async () => {
  const applied = await applyMigrations(sql());
  console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
});
