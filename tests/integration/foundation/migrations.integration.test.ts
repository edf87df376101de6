import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { describe, expect, it } from "vitest";
import { applyMigrations, listMigrations, MigrationError } from "@/lib/db/migrate";
import { sql } from "@/lib/db/client";
import { pgliteSql } from "@/lib/db/sql";

describe("migrations", () => {
  it("are recorded in Prisma's _prisma_migrations table with sha256 checksums", async () => {
    const rows = await sql().query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const files = listMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    expect(rows.map((r) => r.checksum)).toEqual(files.map((f) => f.checksum));
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
  });

  it("apply nothing the second time", async () => {
    expect(await applyMigrations(sql())).toEqual([]);
  });

  it("refuse a migration that was edited after it was applied", async () => {
    const db = new PGlite("memory://", { extensions: { pg_trgm } });
    try {
      const migrations = listMigrations();
      await applyMigrations(pgliteSql(db), migrations);
      const edited = migrations.map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
      await expect(applyMigrations(pgliteSql(db), edited)).rejects.toThrow(MigrationError);
      await expect(applyMigrations(pgliteSql(db), edited)).rejects.toThrow(/changed after it was applied/);
    } finally {
      await db.close();
    }
  });

  it("roll back completely when a migration fails", async () => {
    const db = new PGlite("memory://", { extensions: { pg_trgm } });
    try {
      const broken = [{ name: "20990101000000_broken", sql: "CREATE TABLE half_done (id int); SELECT no_such_function();", checksum: "x".repeat(64) }];
      await expect(applyMigrations(pgliteSql(db), broken)).rejects.toThrow(/failed/);
      const tables = await db.query(`SELECT 1 FROM pg_tables WHERE tablename = 'half_done'`);
      expect(tables.rows).toHaveLength(0);
    } finally {
      await db.close();
    }
  });
});
