// npm run test:e2e — builds the app, starts it on a fresh database (a new database on
// TEST_DATABASE_URL's server, or a temporary embedded one), runs Playwright in Chromium against it,
// and cleans up. Extra arguments go to `playwright test` (e.g. a spec file or --grep).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { chromium } from "@playwright/test";
import { closeDb, sql } from "@/lib/db/client";
import { withDatabase } from "@/lib/db/database-url";
import { applyMigrations } from "@/lib/db/migrate";
import { resetEnvCache } from "@/lib/env";
import { grantStaff } from "@/lib/services/accounts/grant-staff";
import { chromiumPath } from "@/playwright.config";
import { CliError, runCli } from "./lib/cli";
import { buildApp, startNext, waitForHealth } from "./lib/next-process";

const STAFF = { email: "e2e-staff@example.test", password: "Console-Guardian-Passphrase-77" };

void runCli(async () => {
  ensureChromium();
  const port = Number(process.env.E2E_PORT ?? 3100);
  const work = mkdtempSync(path.join(tmpdir(), "pp-e2e-"));
  const serverEnv: NodeJS.ProcessEnv = {
    ...process.env,
    APP_URL: `http://localhost:${port}`,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    KEY_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    MAIL_OUTBOX_DIR: path.join(work, "outbox"),
    DATA_DIR: path.join(work, "data"),
    LOGIN_RATE_LIMIT: "1000",
    JOBS_ENABLED: "false",
    LOG_LEVEL: "warn",
  };
  delete serverEnv.SMTP_URL;
  delete serverEnv.DATABASE_URL;
  const serverUrl = process.env.TEST_DATABASE_URL;
  const database = `pp_e2e_${Date.now()}_${process.pid}`;
  if (serverUrl) {
    await admin(serverUrl, `CREATE DATABASE ${database}`);
    serverEnv.DATABASE_URL = withDatabase(serverUrl, database);
  }

  let server: ReturnType<typeof startNext> | undefined;
  try {
    if (process.env.E2E_SKIP_BUILD !== "1") buildApp(serverEnv);
    // Migrate and create the staff account the tests sign in with, then hand the database to the server.
    Object.assign(process.env, serverEnv);
    if (!serverEnv.DATABASE_URL) delete process.env.DATABASE_URL;
    resetEnvCache();
    await applyMigrations(sql());
    await grantStaff({ email: STAFF.email, name: "E2E Staff", password: STAFF.password });
    const fixtures = await loadFixtures();
    await closeDb();

    server = startNext("start", port, serverEnv, true);
    server.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[server] ${chunk}`));
    await waitForHealth(`http://127.0.0.1:${port}`, server);
    const result = spawnSync(process.execPath, [path.resolve("node_modules", "@playwright", "test", "cli.js"), "test", ...process.argv.slice(2)], {
      stdio: "inherit",
      env: {
        ...process.env,
        E2E_BASE_URL: `http://localhost:${port}`,
        E2E_OUTBOX_DIR: serverEnv.MAIL_OUTBOX_DIR,
        E2E_STAFF_EMAIL: STAFF.email,
        E2E_STAFF_PASSWORD: STAFF.password,
        ...fixtures,
      },
    });
    if (result.status !== 0) throw new CliError(`Playwright tests failed (exit ${result.status}).`);
  } finally {
    server?.kill("SIGTERM");
    if (server) await new Promise((resolve) => server!.once("exit", resolve));
    if (serverUrl) await admin(serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => {});
    rmSync(work, { recursive: true, force: true });
  }
});

/**
 * Data a spec cannot create through the app yet (e.g. months of events): every module in
 * tests/e2e/fixtures exports a default function that writes it, before the server takes the database.
 */
/**
 * Runs each tests/e2e/fixtures/*.ts (data the specs need that the app cannot create through its own
 * API, or not quickly); what a fixture returns is handed to the specs as environment variables.
 */
async function loadFixtures(): Promise<Record<string, string>> {
  const dir = path.resolve("tests", "e2e", "fixtures");
  const env: Record<string, string> = {};
  if (!existsSync(dir)) return env;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts")).sort()) {
    const fixture = (await import(path.join(dir, file))) as { default: () => Promise<Record<string, string> | void> };
    Object.assign(env, (await fixture.default()) ?? {});
  }
  return env;
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function ensureChromium(): void {
  if (chromiumPath()) return;
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && existsSync(bundled)) return;
  throw new CliError(
    "No Chromium found for the end-to-end tests. Install one:\n" +
      "  Debian/Ubuntu:  sudo apt-get install -y chromium\n" +
      "  or:             npx playwright install chromium\n" +
      "  or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium/Chrome binary.",
  );
}
