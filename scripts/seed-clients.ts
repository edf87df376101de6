// npm run seed:clients -- --provider <id> [--count 100000]
// Loads many client organizations into one provider (batched multi-row INSERTs), so the client list
// can be measured at scale. Applies pending migrations first; prints the time taken.
import { sql } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { idSchema } from "@/lib/validation";
import { ProviderNotFoundError, seedClients } from "./lib/bulk-clients";
import { CliError, flag, runCli } from "./lib/cli";

const USAGE = "Usage: npm run seed:clients -- --provider <provider id> [--count 100000]";

void runCli(async () => {
  const providerId = idSchema.safeParse(flag("provider") ?? "");
  const count = Number(flag("count") ?? 100_000);
  if (!providerId.success) throw new CliError(`${USAGE}\nThe provider id is the UUID in the provider's address (/providers/<id>).`);
  if (!Number.isInteger(count) || count < 1 || count > 5_000_000) throw new CliError(`${USAGE}\n--count must be a whole number from 1 to 5,000,000.`);
  await applyMigrations(sql());
  const started = performance.now();
  let lastReport = 0;
  try {
    const result = await seedClients(sql(), {
      providerId: providerId.data,
      count,
      onProgress: (done, total) => {
        if (done === total || performance.now() - lastReport > 2000) {
          lastReport = performance.now();
          process.stdout.write(`  ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} clients\n`);
        }
      },
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `✔ Loaded ${result.clients.toLocaleString("en-US")} clients, ${result.members.toLocaleString("en-US")} members and ` +
        `${result.users.toLocaleString("en-US")} accounts in ${seconds} s.\n` +
        `  The provider now has ${result.stats.clientCount.toLocaleString("en-US")} clients and ${result.stats.seats.toLocaleString("en-US")} seats ` +
        `(${result.stats.occupiedSeats.toLocaleString("en-US")} occupied); provider_stats checked against a fresh count.`,
    );
  } catch (error) {
    if (error instanceof ProviderNotFoundError) throw new CliError(error.message);
    throw error;
  }
});
