// The one place that constructs the Prisma client. PostgreSQL through `pg` when DATABASE_URL is
// set, otherwise embedded PGlite in DATA_DIR (guarded by a PID lock). The connection opens on first
// use, never at import, so `next build` never touches a database. Cached on globalThis because
// Next.js evaluates this module separately for pages and route handlers in one process.
import path from "node:path";
import { mkdirSync, readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "@/lib/env";
import { PrismaClient } from "./generated/client.ts";
import { acquireEmbeddedLock } from "./embedded-lock";
import { pgliteSql, pgSql, type Sql } from "./sql";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

interface Backend {
  kind: "postgres" | "embedded";
  prisma: PrismaClient;
  sql: Sql;
  close(): Promise<void>;
}

const globalCache = globalThis as typeof globalThis & { __providerPortalDb?: Backend };

/** PGlite's data directory inside DATA_DIR ("memory://" keeps it in memory, for tests). */
export function embeddedDataPath(dataDir: string): string {
  return dataDir.startsWith("memory://") ? dataDir : path.resolve(dataDir, "pgdata");
}

function open(purpose: string): Backend {
  const e = env();
  if (e.DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: e.DATABASE_URL, max: e.DATABASE_POOL_MAX });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      kind: "postgres",
      prisma,
      sql: pgSql(pool),
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  const dataPath = embeddedDataPath(e.DATA_DIR);
  let release = () => {};
  if (!dataPath.startsWith("memory://")) {
    release = acquireEmbeddedLock(path.resolve(e.DATA_DIR), purpose);
    mkdirSync(dataPath, { recursive: true });
  }
  // Test support: an in-memory database can start from a migrated snapshot instead of migrating.
  const template = dataPath.startsWith("memory://") ? process.env.PGLITE_TEMPLATE : undefined;
  const pglite = new PGlite(dataPath, {
    extensions: { pg_trgm },
    ...(template ? { loadDataDir: new Blob([readFileSync(template)]) } : {}),
  });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    kind: "embedded",
    prisma,
    sql: pgliteSql(pglite),
    async close() {
      await prisma.$disconnect();
      await pglite.close();
      release();
    },
  };
}

/** Opens the database for this process (once). `purpose` names the holder in the embedded lock. */
export function backend(purpose = processPurpose()): Backend {
  globalCache.__providerPortalDb ??= open(purpose);
  return globalCache.__providerPortalDb;
}

export function prisma(): PrismaClient {
  return backend().prisma;
}

export function sql(): Sql {
  return backend().sql;
}

/**
 * Runs a `Prisma.sql` query straight through the driver (pg or PGlite), skipping Prisma's per-query
 * work. For the reads every request makes (session, tenant, list pages): `npm run bench` showed
 * Prisma adding 0.1-0.4 ms per query there. Columns come back as the driver types them, so such
 * queries cast what must keep its precision (ids to text, times to ISO text).
 */
export function queryRows<T>(query: { text: string; values: unknown[] }): Promise<T[]> {
  return sql().query<T>(query.text, query.values);
}

/** `db.user.findMany(...)` — the Prisma client, opened on first property access. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = prisma();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export async function closeDb(): Promise<void> {
  const current = globalCache.__providerPortalDb;
  globalCache.__providerPortalDb = undefined;
  await current?.close();
}

function processPurpose(): string {
  return process.argv.slice(1, 3).map((a) => path.basename(a)).join(" ") || "node";
}
