// Load generation and timing: HTTP through autocannon (per-request latencies collected from its
// "response" events, so p95 is exact), and the database floor through `pg` with the same SQL and
// values at the same concurrency.
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import pg from "pg";

export interface Stats {
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
}

function summarize(latencies: number[], seconds: number, errors: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : Number.NaN);
  return { requests: sorted.length, errors, p50: at(0.5), p95: at(0.95), p99: at(0.99), rps: sorted.length / seconds };
}

export async function httpLoad(url: string, headers: Record<string, string>, connections: number, seconds: number): Promise<Stats> {
  const latencies: number[] = [];
  let errors = 0;
  const started = Date.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, headers, connections, duration: seconds, pipelining: 1 }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      else errors += 1;
    });
  });
  errors += result.errors + result.timeouts;
  return summarize(latencies, (Date.now() - started) / 1000, errors);
}

export interface Query {
  text: string;
  values: unknown[];
}

/**
 * Runs a request's `queries` side by side (as the route handler does, on a pool) by `connections`
 * workers back to back, timing each request.
 */
export async function sqlLoad(connectionString: string, queries: Query[], connections: number, seconds: number): Promise<Stats> {
  const pool = new pg.Pool({ connectionString, max: connections * queries.length });
  const latencies: number[] = [];
  let errors = 0;
  const request = () => Promise.all(queries.map((q) => pool.query(q.text, q.values)));
  try {
    // Warm up the connections (plans, caches) before timing.
    await Promise.all(Array.from({ length: connections }, request));
    const deadline = Date.now() + seconds * 1000;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (Date.now() < deadline) {
          const t0 = performance.now();
          try {
            await request();
            latencies.push(performance.now() - t0);
          } catch {
            errors += 1;
          }
        }
      }),
    );
    return summarize(latencies, (Date.now() - started) / 1000, errors);
  } finally {
    await pool.end();
  }
}

/** Resident memory (MB) of a process and its children, from /proc. */
export function rssMb(pid: number): number {
  const pids = [pid, ...childPids(pid)];
  let kb = 0;
  for (const p of pids) {
    try {
      const match = readFileSync(`/proc/${p}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
      if (match) kb += Number(match[1]);
    } catch {
      // exited
    }
  }
  return kb / 1024;
}

function childPids(pid: number): number[] {
  try {
    const direct = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return direct.flatMap((child) => [child, ...childPids(child)]);
  } catch {
    return [];
  }
}

/** Samples a process tree's RSS until stopped; returns the peak. */
export function rssSampler(pid: number, everyMs = 100) {
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, everyMs);
  return {
    peak: () => peak,
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
