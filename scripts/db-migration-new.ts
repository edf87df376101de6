// npm run db:migration:new -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes the database from
// the schema of the latest migration (its schema.prisma snapshot) to prisma/schema.prisma. Review
// it, add anything Prisma cannot express (triggers, functions) at the end, then `npm run db:migrate`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { listMigrations, MIGRATIONS_DIR } from "@/lib/db/migrate";
import { CliError, runCli } from "./lib/cli";
import { diffSchemas } from "./lib/schema-diff";

void runCli(async () => {
  const raw = process.argv.slice(2).find((a) => !a.startsWith("-"));
  if (!raw) throw new CliError("Usage: npm run db:migration:new -- <name>   (e.g. add_invoice_notes)");
  const name = raw.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
  const schema = readFileSync(path.resolve("prisma", "schema.prisma"), "utf8");
  const latest = listMigrations().at(-1);
  const snapshotFile = latest && path.join(MIGRATIONS_DIR, latest.name, "schema.prisma");
  const from = snapshotFile && existsSync(snapshotFile) ? readFileSync(snapshotFile, "utf8") : undefined;
  if (latest && from === undefined) throw new CliError(`Missing ${snapshotFile}: the schema snapshot of the latest migration.`);

  console.log("Computing the schema difference (about 15 s)…");
  const diff = await diffSchemas(from, schema);
  if (!diff) {
    console.log("schema.prisma matches the latest migration: nothing to do.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), `${diff}\n`);
  writeFileSync(path.join(dir, "schema.prisma"), schema);
  const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  if (!existsSync(lock)) writeFileSync(lock, 'provider = "postgresql"\n');
  console.log(`Created ${path.relative(process.cwd(), dir)}/migration.sql — review it, then run npm run db:migrate.`);
});
