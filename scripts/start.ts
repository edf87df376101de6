// npm start — build if there is no build (or the sources changed since), migrate, seed the demo on the embedded database (once),
// then serve the production build on PORT (default 3000) and print the demo sign-ins.
(process.env as Record<string, string | undefined>).NODE_ENV ??= "production";

import { closeDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { printDemoSignIns } from "@/prisma/seed";
import { hasFlag, runCli } from "./lib/cli";
import { buildApp, hasBuild, startNext, tieLifetimes, waitForHealth } from "./lib/next-process";
import { prepareDatabase, shouldSeedDemo } from "./lib/prepare-database";

void runCli(async () => {
  const e = env();
  if (!hasBuild() || hasFlag("rebuild")) buildApp();
  const { demo } = await prepareDatabase({ seed: shouldSeedDemo() });
  // Release the embedded database: the server process takes it over.
  await closeDb();

  console.log(`Starting Provider Portal on ${e.APP_URL} (${e.embedded ? `embedded database in ${e.DATA_DIR}` : "PostgreSQL"})…`);
  const server = startNext("start", e.PORT, process.env);
  await waitForHealth(`http://127.0.0.1:${e.PORT}`, server);
  console.log(`\n✔ Provider Portal is ready at ${e.APP_URL}`);
  if (demo) printDemoSignIns(demo);
  tieLifetimes(server);
  await new Promise(() => {}); // keep running until the server exits
});
