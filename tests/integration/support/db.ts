import { sql } from "@/lib/db/client";

let tables: string[] | undefined;

/** Empties every table (but the migration history), like a freshly migrated database. */
export async function resetDatabase(): Promise<void> {
  tables ??= (
    await sql().query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`)
  ).map((r) => `"${r.tablename}"`);
  if (tables.length) await sql().exec(`TRUNCATE ${tables.join(", ")} RESTART IDENTITY CASCADE`);
}
