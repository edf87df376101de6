// npm run db:seed — loads the demo data set (once) into DATABASE_URL or the embedded database.
import { sql } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { printDemoSignIns, seedDemo } from "@/prisma/seed";
import { runCli } from "./lib/cli";

void runCli(async () => {
  await applyMigrations(sql());
  const started = Date.now();
  const { seededNow, signIns } = await seedDemo();
  console.log(seededNow ? `Seeded the demo in ${((Date.now() - started) / 1000).toFixed(1)} s.` : "The demo data is already there.");
  printDemoSignIns(signIns);
});
