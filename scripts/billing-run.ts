// npm run billing:run [-- --period YYYY-MM]
// Issues the invoices of a completed month (default: last month). Running it again for the same
// month creates nothing new.
import { formatCents } from "@/lib/billing/money";
import { lastClosedPeriod, periodSchema } from "@/lib/billing/period";
import { AppError } from "@/lib/errors";
import { runBilling } from "@/lib/services/billing/run-billing";
import { CliError, flag, runCli } from "./lib/cli";

void runCli(async () => {
  const requested = flag("period") ?? lastClosedPeriod(new Date());
  const parsed = periodSchema.safeParse(requested);
  if (!parsed.success) throw new CliError(`--period: ${parsed.error.issues[0]!.message}`);
  try {
    const started = Date.now();
    const result = await runBilling(parsed.data);
    console.log(
      `Billing ${result.period}: issued ${result.issued} invoice(s) totalling ${formatCents(result.totalCents)}` +
        `${result.alreadyIssued ? `; ${result.alreadyIssued} already issued earlier` : ""} (${((Date.now() - started) / 1000).toFixed(1)} s).`,
    );
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.message);
    throw error;
  }
});
