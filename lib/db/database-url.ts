// The same PostgreSQL server's URL with another database name (test runs, e2e and the benchmark each
// create their own databases beside the one configured).
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
