// Rate limits shared by every app instance through Redis when REDIS_URL is set, per process in
// memory otherwise. rate-limiter-flexible gives both stores the same API.
import Redis from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { tooManyRequests } from "@/lib/errors";
import { log } from "@/lib/log";

const globalCache = globalThis as typeof globalThis & {
  __providerPortalLimiters?: Map<string, RateLimiterAbstract>;
  __providerPortalRedis?: Redis;
};

function redis(): Redis | undefined {
  const url = env().REDIS_URL;
  if (!url) return undefined;
  if (!globalCache.__providerPortalRedis) {
    const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    client.on("error", (error) => log.warn({ err: error.message }, "redis unavailable; rate limits fall back to memory"));
    globalCache.__providerPortalRedis = client;
  }
  return globalCache.__providerPortalRedis;
}

export interface LimitSpec {
  /** Attempts allowed per window. */
  points: number;
  /** Window in seconds. */
  duration: number;
}

export function limiter(name: string, spec: LimitSpec): RateLimiterAbstract {
  globalCache.__providerPortalLimiters ??= new Map();
  const key = `${name}:${spec.points}:${spec.duration}`;
  let existing = globalCache.__providerPortalLimiters.get(key);
  if (!existing) {
    const memory = new RateLimiterMemory({ keyPrefix: `pp:${name}`, ...spec });
    const client = redis();
    existing = client
      ? new RateLimiterRedis({ storeClient: client, keyPrefix: `pp:${name}`, ...spec, insuranceLimiter: memory })
      : memory;
    globalCache.__providerPortalLimiters.set(key, existing);
  }
  return existing;
}

/** Seconds until `key` may try again, or 0 when it still has attempts left. */
export async function blockedFor(l: RateLimiterAbstract, key: string): Promise<number> {
  const state = await l.get(key);
  if (!state || state.remainingPoints > 0) return 0;
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}

/** Counts one attempt; throws 429 (saying `what` was too many) when the limit is used up. */
export async function consume(l: RateLimiterAbstract, key: string, what?: string): Promise<void> {
  try {
    await l.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw tooManyRequests(Math.max(1, Math.ceil(error.msBeforeNext / 1000)), what);
    throw error;
  }
}

/** Counts one failed attempt without throwing. */
export async function penalize(l: RateLimiterAbstract, key: string): Promise<void> {
  await l.penalty(key, 1).catch(() => {});
}

export async function reset(l: RateLimiterAbstract, key: string): Promise<void> {
  await l.delete(key).catch(() => {});
}
