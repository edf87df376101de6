// A minimal SQL interface over either backend, for the few places that need plain SQL outside
// Prisma: applying migrations, the schema drift check, the database reset and bulk loads.
import type { PGlite, Transaction } from "@electric-sql/pglite";
import type { Pool, PoolClient } from "pg";

export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements. */
  exec(text: string): Promise<void>;
  transaction<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
}

export function pgliteSql(db: PGlite | Transaction): Sql {
  return {
    async query<T>(text: string, params?: unknown[]) {
      return (await db.query<T>(text, params)).rows;
    },
    async exec(text) {
      await db.exec(text);
    },
    async transaction(fn) {
      if (!("transaction" in db)) return fn(pgliteSql(db));
      return db.transaction((tx) => fn(pgliteSql(tx)));
    },
  };
}

export function pgSql(pool: Pool | PoolClient): Sql {
  return {
    async query<T>(text: string, params?: unknown[]) {
      return (await pool.query(text, params)).rows as T[];
    },
    async exec(text) {
      await pool.query(text);
    },
    async transaction(fn) {
      const client = "release" in pool ? pool : await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(pgSql(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        if (client !== pool) (client as PoolClient).release();
      }
    },
  };
}
