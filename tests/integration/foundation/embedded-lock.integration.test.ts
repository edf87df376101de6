// PGlite silently loses writes when two processes share a data directory, so CLI scripts must refuse
// while the app holds the embedded database, and work once it has stopped.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

// `node --import tsx` rather than the tsx binary, so the process we hold is the one that takes the lock.
const node = (script: string, args: string[] = []) => [process.execPath, ["--import", "tsx", script, ...args]] as const;

function scriptEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "silent" };
  delete env.DATABASE_URL;
  delete env.PGLITE_TEMPLATE;
  return env;
}

function runScript(script: string, dataDir: string, args: string[] = [], input?: string) {
  const [cmd, argv] = node(script, args);
  return spawnSync(cmd, argv, { env: scriptEnv(dataDir), encoding: "utf8", input, timeout: 60_000 });
}

async function holdDatabase(dataDir: string): Promise<ChildProcess> {
  const [cmd, argv] = node("tests/integration/support/hold-embedded-db.ts");
  const child = spawn(cmd, argv, { env: scriptEnv(dataDir), stdio: ["ignore", "pipe", "pipe"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    child.on("exit", (code) => reject(new Error(`holder exited early (${code})`)));
  });
  return child;
}

describe("the embedded database lock", () => {
  let dir: string | undefined;
  let holder: ChildProcess | undefined;

  afterEach(() => {
    holder?.kill("SIGKILL");
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("makes db:migrate and staff:create refuse while another process holds the database, and lets them run after", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "pp-lock-"));
    holder = await holdDatabase(dir);

    const refused = runScript("scripts/db-migrate.ts", dir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("is in use by another process");
    expect(refused.stderr).toContain(`PID ${holder.pid}`);

    const refusedStaff = runScript("scripts/staff-create.ts", dir, ["--email", "ops@example.test", "--password-stdin"], "A-Long-Staff-Passphrase-9\n");
    expect(refusedStaff.status).toBe(1);
    expect(refusedStaff.stderr).toContain("is in use by another process");

    holder.kill("SIGTERM");
    await new Promise((resolve) => holder!.once("exit", resolve));

    const migrated = runScript("scripts/db-migrate.ts", dir);
    expect(migrated.stderr).toBe("");
    expect(migrated.status).toBe(0);
    expect(migrated.stdout).toMatch(/Applied \d+ migration/);

    const staff = runScript("scripts/staff-create.ts", dir, ["--email", "ops@example.test", "--password-stdin"], "A-Long-Staff-Passphrase-9\n");
    expect(staff.status).toBe(0);
    expect(staff.stdout).toContain("Created staff account ops@example.test");
  });
});
