// npm run lockfile:platforms — run after `npm install` changes package-lock.json.
// The npm registry mirror on our build machines carries only linux-x64 builds of native packages
// (Next's SWC, Tailwind's oxide, ESLint's resolver), so `npm install` leaves their other-platform
// optional dependencies out of the lockfile and `npm ci` then refuses the lockfile as out of sync.
// This adds those entries back with their os/cpu, exactly as npm writes them where the registry is
// complete: npm skips them on other platforms and fetches them by version where they match.
import { readFileSync, writeFileSync } from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
const packages = lock.packages;
const PLATFORM = /-(android|darwin|freebsd|linux|win32|openharmony|wasm32)-?(arm64|x64|arm|ia32|loong64|ppc64|riscv64|s390x|wasi)?/;

function installed(fromPath, name) {
  const segments = fromPath.split(/node_modules\//).filter(Boolean).map((s) => s.replace(/\/$/, ""));
  for (let depth = segments.length; depth >= 0; depth--) {
    const prefix = segments.slice(0, depth).map((s) => `node_modules/${s}/`).join("");
    if (packages[`${prefix}node_modules/${name}`]) return true;
  }
  return false;
}

let added = 0;
for (const [path, meta] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    if (installed(path, name)) continue;
    const match = name.match(PLATFORM);
    if (!match) continue;
    const [, os, cpu] = match;
    packages[`node_modules/${name}`] = {
      version,
      optional: true,
      ...(meta.dev ? { dev: true } : {}),
      ...(os === "wasm32" ? { cpu: ["wasm32"] } : { os: [os], cpu: [cpu ?? "x64"] }),
    };
    added++;
  }
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: added ${added} other-platform optional package entr${added === 1 ? "y" : "ies"}.`);
