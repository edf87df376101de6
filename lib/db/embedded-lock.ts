// One process at a time on the embedded PGlite data directory. PGlite does not notice a second
// process (it writes a fake postmaster.pid) and writes are silently lost when two share a directory,
// so we keep a lock file holding the owner's PID. A PID lock rather than an mtime-based one
// (proper-lockfile) because it can say *who* holds the database and never goes stale while the
// owner is alive but busy.
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

export class EmbeddedDatabaseBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another process (PID ${holder.pid}: ${holder.purpose}, since ${holder.since}). ` +
        `Stop that process first (e.g. the running app), then try again — or set DATABASE_URL to use a PostgreSQL server.`,
    );
    this.name = "EmbeddedDatabaseBusyError";
  }
}

interface LockHolder {
  pid: number;
  purpose: string;
  since: string;
}

const held = new Map<string, () => void>();

export function lockFilePath(dataDir: string): string {
  return path.join(dataDir, "embedded.lock");
}

/** Takes the lock for this process (re-entrant) and returns its release function. */
export function acquireEmbeddedLock(dataDir: string, purpose: string): () => void {
  const file = lockFilePath(dataDir);
  const existing = held.get(file);
  if (existing) return existing;
  mkdirSync(dataDir, { recursive: true });

  for (let attempt = 0; attempt < 2; attempt++) {
    const holder: LockHolder = { pid: process.pid, purpose, since: new Date().toISOString() };
    try {
      writeFileSync(file, JSON.stringify(holder), { flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const current = readHolder(file);
      if (current && current.pid !== process.pid && isAlive(current.pid)) {
        throw new EmbeddedDatabaseBusyError(dataDir, current);
      }
      // Left behind by a process that has exited (or by this one before a restart): take it over.
      safeUnlink(file);
      continue;
    }
    const release = () => {
      if (readHolder(file)?.pid === process.pid) safeUnlink(file);
      held.delete(file);
      process.off("exit", release);
    };
    process.on("exit", release);
    held.set(file, release);
    return release;
  }
  const current = readHolder(file);
  throw new EmbeddedDatabaseBusyError(dataDir, current ?? { pid: -1, purpose: "unknown", since: "unknown" });
}

function readHolder(file: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as LockHolder;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function safeUnlink(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}
