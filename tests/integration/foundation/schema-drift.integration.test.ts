// schema.prisma and prisma/migrations must describe the same database: apply every migration to one
// fresh database, schema.prisma's from-empty SQL to another, and compare what Prisma models.
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { describe, expect, it } from "vitest";
import { applyMigrations, listMigrations } from "@/lib/db/migrate";
import { pgliteSql } from "@/lib/db/sql";
import { diffSchemas } from "@/scripts/lib/schema-diff";
import { describeSchema } from "../support/catalog";

describe("schema.prisma and the migrations", () => {
  it("produce the same tables, columns, indexes, constraints and enums", async () => {
    const fromMigrations = new PGlite("memory://", { extensions: { pg_trgm } });
    const fromSchema = new PGlite("memory://", { extensions: { pg_trgm } });
    try {
      await applyMigrations(pgliteSql(fromMigrations));
      const schemaSql = await diffSchemas(undefined, readFileSync("prisma/schema.prisma", "utf8"));
      await fromSchema.exec(`CREATE EXTENSION IF NOT EXISTS pg_trgm;\n${schemaSql}`);
      const [a, b] = await Promise.all([describeSchema(pgliteSql(fromMigrations)), describeSchema(pgliteSql(fromSchema))]);
      expect(a.columns.length).toBeGreaterThan(100);
      expect(a.columns).toEqual(b.columns);
      expect(a.indexes).toEqual(b.indexes);
      expect(a.constraints).toEqual(b.constraints);
      expect(a.enums).toEqual(b.enums);
    } finally {
      await Promise.all([fromMigrations.close(), fromSchema.close()]);
    }
  });

  it("keep a schema snapshot beside the latest migration for db:migration:new", () => {
    const latest = listMigrations().at(-1)!;
    expect(() => readFileSync(`prisma/migrations/${latest.name}/schema.prisma`, "utf8")).not.toThrow();
  });
});
