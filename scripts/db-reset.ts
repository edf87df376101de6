// npm run db:reset — deletes every table and re-applies the migrations (and the demo seed on the
// embedded database). On a PostgreSQL server it asks for --yes, since it destroys all data.
import { closeDb, sql } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { printDemoSignIns, seedDemo } from "@/prisma/seed";
import { CliError, hasFlag, runCli } from "./lib/cli";

void runCli(async () => {
  const e = env();
  if (!e.embedded && !hasFlag("yes")) {
    throw new CliError(`This deletes ALL data in ${redact(e.DATABASE_URL!)}. Run again with: npm run db:reset -- --yes`);
  }
  await sql().exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
  console.log("Dropped all tables.");
  const applied = await applyMigrations(sql());
  console.log(`Applied ${applied.length} migration(s).`);
  if (e.embedded || hasFlag("seed")) {
    const { signIns } = await seedDemo();
    printDemoSignIns(signIns);
  }
  await closeDb();
});

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}
