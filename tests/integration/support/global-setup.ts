// Once per integration run: a fresh database. With TEST_DATABASE_URL, a new migrated database on that
// server that each test worker copies into its own (all dropped afterwards), so files run in parallel;
// otherwise a migrated in-memory PGlite snapshot that each test file loads.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { withDatabase } from "@/lib/db/database-url";
import { applyMigrations } from "@/lib/db/migrate";
import { pgliteSql, pgSql } from "@/lib/db/sql";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string | null;
    /** TEST_DATABASE_URL itself: where each worker creates its copy of `databaseUrl`. */
    databaseServerUrl: string | null;
    pgliteTemplate: string | null;
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `pp_it_${Date.now()}_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = withDatabase(serverUrl, name);
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    await applyMigrations(pgSql(pool));
    await pool.end();
    project.provide("databaseUrl", url);
    project.provide("databaseServerUrl", serverUrl);
    project.provide("pgliteTemplate", null);
    return async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      const { rows } = await cleanup.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`, [name, `${name}\\_w%`]);
      for (const { datname } of rows) await cleanup.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      await cleanup.end();
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "pp-it-"));
  const db = new PGlite("memory://", { extensions: { pg_trgm } });
  await applyMigrations(pgliteSql(db));
  const file = path.join(dir, "template.tar.gz");
  writeFileSync(file, Buffer.from(await (await db.dumpDataDir("gzip")).arrayBuffer()));
  await db.close();
  project.provide("databaseUrl", null);
  project.provide("databaseServerUrl", null);
  project.provide("pgliteTemplate", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
