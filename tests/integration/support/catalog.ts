// A comparable description of a database schema: what Prisma models (tables, columns, indexes,
// constraints, enums). Triggers and functions are deliberately left out, as Prisma leaves them out.
import type { Sql } from "@/lib/db/sql";

export async function describeSchema(sql: Sql) {
  const skip = "'_prisma_migrations'";
  const [columns, indexes, constraints, enums] = await Promise.all([
    sql.query(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length, numeric_precision, datetime_precision
                 FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> ${skip} ORDER BY 1, 2`),
    sql.query(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> ${skip} ORDER BY 1, 2`),
    sql.query(`SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition
                 FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> ${skip} ORDER BY 1, 2`),
    sql.query(`SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
                 JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' ORDER BY 1, 3`),
  ]);
  return { columns, indexes, constraints, enums };
}
