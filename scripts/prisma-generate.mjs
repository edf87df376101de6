// Runs `prisma generate` on machines that cannot download Prisma's schema engine.
// Generating the client does not need the engine, but every Prisma CLI command first tries to
// fetch it; pointing PRISMA_SCHEMA_ENGINE_BINARY at a stub that fails politely lets it proceed.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const stub = path.join(root, "scripts", "prisma-engine-stub.sh");
const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= stub;
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const result = spawnSync(process.execPath, [path.join(root, "node_modules", "prisma", "build", "index.js"), "generate"], {
  cwd: root,
  env,
  stdio: "inherit",
});
process.exit(result.status ?? 1);
