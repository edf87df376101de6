// npm run dev — migrate (and seed the demo on the embedded database), then `next dev`.
import { closeDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { printDemoSignIns } from "@/prisma/seed";
import { runCli } from "./lib/cli";
import { startNext, tieLifetimes, waitForHealth } from "./lib/next-process";
import { prepareDatabase, shouldSeedDemo } from "./lib/prepare-database";

void runCli(async () => {
  const e = env();
  const { demo } = await prepareDatabase({ seed: shouldSeedDemo() });
  await closeDb();
  const server = startNext("dev", e.PORT, process.env);
  await waitForHealth(`http://127.0.0.1:${e.PORT}`, server, 300_000);
  if (demo) printDemoSignIns(demo);
  tieLifetimes(server);
  await new Promise(() => {});
});
