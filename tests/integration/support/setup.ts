// Per test file: point the app at its worker's database, give it its own mail outbox and secrets, and
// start every test from empty tables.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeEach, inject } from "vitest";
import { closeDb } from "@/lib/db/client";
import { withDatabase } from "@/lib/db/database-url";
import { resetEnvCache } from "@/lib/env";
import { resetDatabase } from "./db";

const databaseUrl = inject("databaseUrl");
const template = inject("pgliteTemplate");
if (databaseUrl) {
  process.env.DATABASE_URL = await workerDatabase(databaseUrl, inject("databaseServerUrl") ?? databaseUrl);
} else {
  delete process.env.DATABASE_URL;
  process.env.DATA_DIR = "memory://";
  process.env.PGLITE_TEMPLATE = template ?? "";
}
process.env.MAIL_OUTBOX_DIR = mkdtempSync(path.join(tmpdir(), "pp-outbox-"));
process.env.NEXTAUTH_SECRET = "integration-test-secret-integration-test-secret";
process.env.KEY_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString("base64");
process.env.APP_URL = "http://localhost:3000";
process.env.JOBS_ENABLED = "false";
delete process.env.SMTP_URL;
delete process.env.REDIS_URL;
resetEnvCache();

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await closeDb();
});

/**
 * This worker's own copy of the run's migrated database (files run in parallel, one worker each; the
 * files of one worker share its copy and start from empty tables).
 */
async function workerDatabase(runUrl: string, serverUrl: string): Promise<string> {
  const run = new URL(runUrl).pathname.slice(1);
  const name = `${run}_w${process.env.VITEST_POOL_ID ?? "1"}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${name} TEMPLATE ${run}`);
  } finally {
    await admin.end();
  }
  return withDatabase(runUrl, name);
}
