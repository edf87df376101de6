// Running Next.js's own CLI from our scripts (build, start, dev) and waiting for the server.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const NEXT_BIN = path.resolve("node_modules", "next", "dist", "bin", "next");
const FINGERPRINT_FILE = path.resolve(".next", "source-fingerprint");
/** What the production build is made from: a change to any of these needs a new build. */
const BUILD_INPUTS = ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];

/** A hash of the build inputs' paths, sizes and modification times (cheap: no file is read). */
function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const visit = (file: string) => {
    if (!existsSync(file)) return;
    const stat = statSync(file);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(file).sort()) if (entry !== "generated" && entry !== "node_modules") visit(path.join(file, entry));
    } else {
      hash.update(`${path.relative(process.cwd(), file)}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  for (const input of BUILD_INPUTS) visit(path.resolve(input));
  return hash.digest("hex");
}

/** True when a production build exists and was made from the current sources. */
export function hasBuild(): boolean {
  if (!existsSync(path.resolve(".next", "BUILD_ID"))) return false;
  return existsSync(FINGERPRINT_FILE) && readFileSync(FINGERPRINT_FILE, "utf8") === sourceFingerprint();
}

export function buildApp(env: NodeJS.ProcessEnv = process.env): void {
  const started = Date.now();
  console.log("Building the app (next build)…");
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    stdio: "inherit",
    env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
  writeFileSync(FINGERPRINT_FILE, sourceFingerprint());
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

/**
 * The production server's V8 heap limit. Without one, V8 sizes it from the machine's memory (2-4 GB)
 * and collects lazily, so a busy server's memory grows far beyond what it uses (`npm run bench`: 940
 * MB without, see README "Performance"). A `--max-old-space-size` in NODE_OPTIONS wins.
 */
export const SERVER_HEAP_MB = 384;

export function withHeapLimit(nodeOptions: string | undefined): string {
  const options = nodeOptions ?? "";
  return options.includes("--max-old-space-size") ? options : `${options} --max-old-space-size=${SERVER_HEAP_MB}`.trim();
}

export function startNext(mode: "start" | "dev", port: number, env: NodeJS.ProcessEnv, quiet = false): ChildProcess {
  const production = mode === "start";
  return spawn(process.execPath, [NEXT_BIN, mode, "--port", String(port)], {
    stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    env: {
      ...env,
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: production ? "production" : "development",
      ...(production ? { NODE_OPTIONS: withHeapLimit(env.NODE_OPTIONS) } : {}),
    },
  });
}

export async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (code ${child.exitCode}) before it was ready`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the server did not answer ${url}/api/health within ${timeoutMs / 1000} s`);
}

/** Stops the child with the parent, and the parent with the child. */
export function tieLifetimes(child: ChildProcess): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      child.kill(signal);
    });
  }
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}
