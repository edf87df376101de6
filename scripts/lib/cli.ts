// Shared entry for command-line scripts: clear messages instead of stack traces for the errors a
// person can act on, and the database closed (embedded lock released) on the way out.
import { closeDb } from "@/lib/db/client";
import { EmbeddedDatabaseBusyError } from "@/lib/db/embedded-lock";
import { MigrationError } from "@/lib/db/migrate";
import { EnvError } from "@/lib/env";
import { log } from "@/lib/log";

export async function runCli(main: () => Promise<void>): Promise<void> {
  // The terminal gets plain sentences; the structured log only speaks up for problems.
  log.level = process.env.LOG_LEVEL ?? "warn";
  let code = 0;
  try {
    await main();
  } catch (error) {
    code = 1;
    if (error instanceof EmbeddedDatabaseBusyError || error instanceof EnvError || error instanceof MigrationError || error instanceof CliError) {
      console.error(`\n✖ ${error.message}\n`);
    } else {
      console.error(error);
    }
  } finally {
    await closeDb().catch(() => {});
  }
  process.exit(code);
}

/** An error whose message is the whole story for the person at the terminal. */
export class CliError extends Error {}

/** `--name value` or `--name=value` from argv. */
export function flag(name: string, argv = process.argv.slice(2)): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === `--${name}`) return argv[i + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}

export function hasFlag(name: string, argv = process.argv.slice(2)): boolean {
  return argv.includes(`--${name}`);
}
