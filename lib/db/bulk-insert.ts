// Multi-row INSERTs for bulk loads (imports): one statement per chunk of rows instead of one round
// trip per row, and without the ORM's per-row overhead. Column names are code constants, never input.
import type { Tx } from "./client";

/** PostgreSQL allows 65,535 bind parameters per statement. */
const MAX_PARAMETERS = 60_000;

export async function insertRows(
  tx: Tx,
  table: string,
  columns: readonly { name: string; cast?: string }[],
  rows: readonly unknown[][],
  options: { onConflictDoNothing?: boolean } = {},
): Promise<void> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    const values = chunk.map((row) => {
      const placeholders = columns.map((column, i) => {
        params.push(row[i]);
        return column.cast ? `$${params.length}::${column.cast}` : `$${params.length}`;
      });
      return `(${placeholders.join(", ")})`;
    });
    await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${names}) VALUES ${values.join(", ")}${options.onConflictDoNothing ? " ON CONFLICT DO NOTHING" : ""}`, ...params);
  }
}
