// SQL that takes the database from one schema.prisma to another, computed offline with Prisma 6's
// WebAssembly engine (scripts/lib/prisma6-diff.config.ts). Used by `db:migration:new` and by the
// test that proves schema.prisma and the migrations agree.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..", "..");

/** Prisma 6 wants a datasource `url` and no Prisma-7-only generator settings. */
function toPrisma6(schema: string): string {
  return schema
    .replace(/generator\s+\w+\s*\{[^}]*\}/g, "")
    .replace(/(datasource\s+\w+\s*\{[^}]*provider\s*=\s*"postgresql")/, `$1\n  url = env("DATABASE_URL")`);
}

/** SQL from `from` (undefined = empty database) to `to`; empty string when nothing changes. */
export async function diffSchemas(from: string | undefined, to: string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "pp-schema-diff-"));
  try {
    const toFile = path.join(dir, "to.prisma");
    writeFileSync(toFile, toPrisma6(to));
    const args = [
      path.join(root, "node_modules", "prisma6", "build", "index.js"),
      "migrate",
      "diff",
      "--config",
      path.join(root, "scripts", "lib", "prisma6-diff.config.ts"),
    ];
    if (from === undefined) args.push("--from-empty");
    else {
      const fromFile = path.join(dir, "from.prisma");
      writeFileSync(fromFile, toPrisma6(from));
      args.push("--from-schema-datamodel", fromFile);
    }
    args.push("--to-schema-datamodel", toFile, "--script");
    const stub = path.join(root, "scripts", "prisma-engine-stub.sh");
    const { stdout } = await run(process.execPath, args, {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
      env: {
        ...process.env,
        DATABASE_URL: "postgresql://offline/diff",
        PRISMA_QUERY_ENGINE_LIBRARY: stub,
        PRISMA_SCHEMA_ENGINE_BINARY: stub,
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
      },
    });
    const sql = stdout.replace(/^(-- CreateSchema\s*)?CREATE SCHEMA IF NOT EXISTS "public";\s*/m, "").trim();
    return sql.startsWith("-- This is an empty migration.") ? "" : sql;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
