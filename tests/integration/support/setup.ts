// Per test file: point the app at the run's database, give it its own mail outbox and secrets, and
// start every test from empty tables.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, inject } from "vitest";
import { closeDb } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { resetDatabase } from "./db";

const databaseUrl = inject("databaseUrl");
const template = inject("pgliteTemplate");
if (databaseUrl) {
  process.env.DATABASE_URL = databaseUrl;
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
