// npm run bench [-- --seconds 10] [--clients 100000] [--events 5000000] [--reload]
// Loads (or reuses) a benchmark database on DATABASE_URL's server (`<database>_bench`; default server
// postgresql://postgres@127.0.0.1:5432), starts the production build against it, and measures the
// client list and event log over HTTP at concurrency 1 and 32 — beside the same SQL timed straight
// through `pg` (the database floor) — plus the client list page and a 1,000,000-event CSV export.
// A health-check row shows what any request costs through Next.js on the machine, for reading the
// ratios. Prints a table and writes bench/results/<date>.json. Not part of `npm test`.
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { encodeCursor } from "@/lib/api/pagination";
import { withDatabase } from "@/lib/db/database-url";
import { applyMigrations } from "@/lib/db/migrate";
import { pgSql } from "@/lib/db/sql";
import { clientPageQuery, clientTotalsQuery } from "@/lib/services/clients/list-clients";
import { eventPageSql } from "@/lib/services/events/list-events";
import { CliError, flag, hasFlag, runCli } from "@/scripts/lib/cli";
import { buildApp, hasBuild, startNext, waitForHealth } from "@/scripts/lib/next-process";
import { existingDataset, loadDataset, type Dataset } from "./dataset";
import { httpLoad, rssMb, rssSampler, sqlLoad, type Query, type Stats } from "./measure";

const PAGE = 50;
/** Depths measured: after 50,000 clients and 1,000,000 events (less on a smaller --clients/--events run). */
const depths = (dataset: Dataset) => ({ clients: Math.min(50_000, Math.floor(dataset.clients / 2)), events: Math.min(1_000_000, Math.floor(dataset.events / 5)) });

interface Scenario {
  name: string;
  path: string;
  /** The SQL the route runs, with the same values; absent for the HTML page. */
  floor?: Query[];
}

void runCli(async () => {
  const seconds = Number(flag("seconds") ?? 10);
  const size = { clients: Number(flag("clients") ?? 100_000), events: Number(flag("events") ?? 5_000_000) };
  const serverUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const benchUrl = withDatabase(serverUrl, `${new URL(serverUrl).pathname.slice(1) || "postgres"}_bench`);
  await ensureDatabase(serverUrl, benchUrl);

  const pool = new pg.Pool({ connectionString: benchUrl, max: 4 });
  const log = (line: string) => console.log(line);
  let dataset: Dataset;
  try {
    await applyMigrations(pgSql(pool));
    const reusable = hasFlag("reload") ? null : await existingDataset(pool, size);
    if (reusable) {
      dataset = reusable;
      log(`Reusing the benchmark data set (${size.clients.toLocaleString("en-US")} clients, ${size.events.toLocaleString("en-US")} events), loaded in ${reusable.loadSeconds.total.toFixed(0)} s.`);
    } else {
      log(`Loading ${size.clients.toLocaleString("en-US")} clients and ${size.events.toLocaleString("en-US")} events into ${redact(benchUrl)}…`);
      dataset = await loadDataset(pool, size, log);
      log(`Loaded in ${dataset.loadSeconds.total.toFixed(1)} s.`);
    }
    const scenarios = await buildScenarios(pool, dataset);
    await pool.end();

    if (!hasBuild() || hasFlag("rebuild")) buildApp();
    const secret = randomBytes(32).toString("base64");
    const port = Number(process.env.BENCH_PORT ?? 3300);
    const server = startNext("start", port, {
      ...process.env,
      DATABASE_URL: benchUrl,
      DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? "20",
      NEXTAUTH_SECRET: secret,
      KEY_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      APP_URL: `http://localhost:${port}`,
      JOBS_ENABLED: "false",
      LOG_LEVEL: "warn",
    }, true);
    server.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[server] ${chunk}`));
    try {
      await waitForHealth(`http://127.0.0.1:${port}`, server);
      const base = `http://127.0.0.1:${port}`;
      const cookie = `next-auth.session-token=${await encode({ token: { uid: dataset.adminId, sv: 0 }, secret })}`;
      const headers = { cookie };
      // Warm up every route once (route compilation, connection pool, plans).
      for (const s of scenarios) await fetch(`${base}${s.path}`, { headers }).then((r) => r.arrayBuffer());
      const rss = rssSampler(server.pid!);
      const idleRss = rssMb(server.pid!);
      const rows: ResultRow[] = [];
      for (const scenario of scenarios) {
        for (const concurrency of [1, 32]) {
          log(`Measuring ${scenario.name} at concurrency ${concurrency}…`);
          const app = await httpLoad(`${base}${scenario.path}`, headers, concurrency, seconds);
          const floor = scenario.floor ? await sqlLoad(benchUrl, scenario.floor, concurrency, seconds) : undefined;
          rows.push({ scenario: scenario.name, concurrency, app, floor, ratio: floor ? app.p50 / floor.p50 : undefined });
        }
      }
      log(`Measuring the CSV export of ${depths(dataset).events.toLocaleString("en-US")} events…`);
      const csv = await measureCsv(base, headers, dataset, server.pid!, benchUrl);
      const peakRss = rss.stop();
      const results = { date: new Date().toISOString(), machine: machine(), dataset, seconds, idleRssMb: idleRss, peakRssMb: peakRss, scenarios: rows, csv };
      printTable(rows, csv, idleRss, peakRss);
      const out = path.resolve("bench", "results", `${new Date().toISOString().slice(0, 10)}.json`);
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
      log(`\nWrote ${path.relative(process.cwd(), out)}`);
    } finally {
      server.kill("SIGTERM");
    }
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
});

interface ResultRow {
  scenario: string;
  concurrency: number;
  app: Stats;
  floor?: Stats;
  ratio?: number;
}

async function buildScenarios(pool: pg.Pool, dataset: Dataset): Promise<Scenario[]> {
  const providerId = dataset.providerId;
  const asQuery = (sql: { text: string; values: unknown[] }): Query => ({ text: sql.text, values: [...sql.values] });

  // A search term matching about 100 clients: the name prefix (two words) whose count is nearest 100.
  const term = (
    await pool.query<{ term: string; n: number }>(
      `SELECT split_part(name, ' ', 1) || ' ' || split_part(name, ' ', 2) AS term, count(*)::int AS n
         FROM organizations WHERE provider_id = $1 GROUP BY 1 ORDER BY abs(count(*) - 100), 1 LIMIT 1`,
      [providerId],
    )
  ).rows[0]!;
  const deep = (
    await pool.query<{ name: string; id: string }>(`SELECT name, id::text FROM organizations WHERE provider_id = $1 ORDER BY name, id OFFSET $2 LIMIT 1`, [providerId, depths(dataset).clients - 1])
  ).rows[0];
  if (!deep) throw new CliError("The data set is smaller than recorded; run with --reload.");
  const newest = (await pool.query<{ at: string }>(
    `SELECT to_char(max(occurred_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at FROM events WHERE provider_id = $1`,
    [providerId],
  )).rows[0]!.at;
  const from30 = new Date(new Date(newest).getTime() - 30 * 86_400_000);
  const million = (
    await pool.query<{ at: string; id: string }>(
      `SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, id::text
         FROM events WHERE provider_id = $1 ORDER BY occurred_at DESC, id DESC OFFSET $2 LIMIT 1`,
      [providerId, depths(dataset).events - 1],
    )
  ).rows[0];
  if (!million) throw new CliError("The data set is smaller than recorded; run with --reload.");
  const totals = asQuery(clientTotalsQuery(providerId));
  const scope = { kind: "provider" as const, providerId };
  const clientsPath = `/api/v1/providers/${providerId}/clients`;
  const eventsPath = `/api/v1/providers/${providerId}/events`;
  return [
    {
      // Not a target: what any request costs through Next.js here (one trivial query), for reading the ratios.
      name: "0. health check (framework floor)",
      path: "/api/health",
      floor: [{ text: "SELECT 1", values: [] }],
    },
    {
      name: "1. client list, first page by name",
      path: `${clientsPath}?sort=name&limit=${PAGE}`,
      floor: [asQuery(clientPageQuery({ providerId, sort: "name", order: "asc", limit: PAGE })), totals],
    },
    {
      name: `2. client search "${term.term}" (${term.n} matches)`,
      path: `${clientsPath}?sort=name&limit=${PAGE}&q=${encodeURIComponent(term.term)}`,
      floor: [asQuery(clientPageQuery({ providerId, q: term.term, sort: "name", order: "asc", limit: PAGE })), totals],
    },
    {
      name: `3. client list, page after ${depths(dataset).clients.toLocaleString("en-US")}`,
      path: `${clientsPath}?sort=name&limit=${PAGE}&cursor=${encodeCursor(["name", "asc", deep.name, deep.id])}`,
      floor: [asQuery(clientPageQuery({ providerId, sort: "name", order: "asc", after: { value: deep.name, id: deep.id }, limit: PAGE })), totals],
    },
    {
      name: "4a. event log, first page",
      path: `${eventsPath}?limit=${PAGE}`,
      floor: [asQuery(eventPageSql(scope, {}, undefined, PAGE + 1))],
    },
    {
      name: "4b. event log, one type, last 30 days",
      path: `${eventsPath}?limit=${PAGE}&type=MEMBER_INVITED&from=${encodeURIComponent(from30.toISOString())}`,
      floor: [asQuery(eventPageSql(scope, { types: ["MEMBER_INVITED"], from: from30 }, undefined, PAGE + 1))],
    },
    {
      name: `5. event log, page after ${depths(dataset).events.toLocaleString("en-US")}`,
      path: `${eventsPath}?limit=${PAGE}&cursor=${encodeCursor([million.at, million.id])}`,
      floor: [asQuery(eventPageSql(scope, {}, [million.at, million.id], PAGE + 1))],
    },
    { name: "6. client list page (HTML)", path: `/providers/${providerId}` },
  ];
}

interface CsvResult {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  megabytes: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  rssGrowthMb: number;
}

async function measureCsv(base: string, headers: Record<string, string>, dataset: Dataset, pid: number, benchUrl: string): Promise<CsvResult> {
  // Exactly the 1,000,000 newest events (fewer on a small run): from the millionth newest one's time on.
  const client = new pg.Client({ connectionString: benchUrl });
  await client.connect();
  const from = (
    await client.query<{ at: string }>(
      `SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at FROM events WHERE provider_id = $1 ORDER BY occurred_at DESC, id DESC OFFSET $2 LIMIT 1`,
      [dataset.providerId, depths(dataset).events - 1],
    )
  ).rows[0]!.at;
  await client.end();
  const before = rssMb(pid);
  const sampler = rssSampler(pid, 50);
  const started = performance.now();
  const response = await fetch(`${base}/api/v1/providers/${dataset.providerId}/events?format=csv&from=${encodeURIComponent(from)}`, { headers });
  if (!response.ok || !response.body) throw new CliError(`CSV export failed: ${response.status} ${await response.text()}`);
  let newlines = 0;
  let bytes = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) newlines += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  const peak = sampler.stop();
  const rows = newlines - 1; // header row
  return { rows, seconds, rowsPerSecond: rows / seconds, megabytes: bytes / 1024 / 1024, rssBeforeMb: before, rssPeakMb: peak, rssGrowthMb: peak - before };
}

async function ensureDatabase(serverUrl: string, benchUrl: string): Promise<void> {
  const name = new URL(benchUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new CliError(`Cannot reach PostgreSQL at ${redact(serverUrl)} (${(error as Error).message}). Set DATABASE_URL to a server the benchmark may create a database on.`);
  }
  const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

function machine() {
  return { node: process.version, platform: process.platform, cpus: (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? null };
}

function printTable(rows: ResultRow[], csv: CsvResult, idleRss: number, peakRss: number): void {
  const f = (n: number | undefined, digits = 1) => (n === undefined || Number.isNaN(n) ? "—" : n.toFixed(digits));
  const header = ["scenario", "c", "p50 ms", "p95 ms", "p99 ms", "req/s", "errors", "floor p50", "floor p95", "floor req/s", "app/floor"];
  const lines = rows.map((r) => [
    r.scenario,
    String(r.concurrency),
    f(r.app.p50, 2),
    f(r.app.p95, 2),
    f(r.app.p99, 2),
    f(r.app.rps, 0),
    String(r.app.errors),
    f(r.floor?.p50, 2),
    f(r.floor?.p95, 2),
    f(r.floor?.rps, 0),
    f(r.ratio, 2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(`\n${row(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const l of lines) console.log(row(l));
  console.log(
    `\n7. CSV export: ${csv.rows.toLocaleString("en-US")} rows, ${csv.megabytes.toFixed(0)} MB in ${csv.seconds.toFixed(1)} s = ${Math.round(csv.rowsPerSecond).toLocaleString("en-US")} rows/s; ` +
      `server RSS ${csv.rssBeforeMb.toFixed(0)} → peak ${csv.rssPeakMb.toFixed(0)} MB (+${csv.rssGrowthMb.toFixed(0)} MB)`,
  );
  console.log(`Server RSS: ${idleRss.toFixed(0)} MB after warm-up, ${peakRss.toFixed(0)} MB peak over the whole run.`);
}
