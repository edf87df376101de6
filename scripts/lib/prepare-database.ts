// Migrate, and seed the demo once: what `npm start` and `npm run dev` do before serving.
import { sql } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { seedDemo, type DemoSignIn } from "@/prisma/seed";

export async function prepareDatabase(options: { seed: boolean }): Promise<{ applied: string[]; demo: DemoSignIn[] | null; seededNow: boolean }> {
  const started = Date.now();
  const applied = await applyMigrations(sql());
  if (applied.length) console.log(`Applied ${applied.length} migration(s) in ${Date.now() - started} ms.`);
  if (!options.seed) return { applied, demo: null, seededNow: false };
  const seedStarted = Date.now();
  const result = await seedDemo();
  if (result.seededNow) console.log(`Seeded the demo data in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s.`);
  return { applied, demo: result.signIns, seededNow: result.seededNow };
}

export function shouldSeedDemo(): boolean {
  // The demo belongs to the self-contained default; a real PostgreSQL gets it only via `npm run db:seed`.
  return env().embedded;
}
