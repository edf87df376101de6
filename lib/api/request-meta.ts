// The client's IP and user agent, for events and rate limits. Behind a load balancer set
// TRUST_PROXY=true so the left-most X-Forwarded-For address (the real client) is used.
import type { RequestMeta } from "@/lib/actor";
import { env } from "@/lib/env";

export function requestMeta(headers: Headers): RequestMeta {
  return { ip: clientIp(headers), userAgent: headers.get("user-agent")?.slice(0, 512) ?? null };
}

export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) {
    const hops = forwarded.split(",").map((h) => h.trim()).filter(Boolean);
    // Without a trusted proxy only the hop our own server added (the socket address) is reliable.
    const ip = env().TRUST_PROXY ? hops[0] : hops.at(-1);
    if (ip) return normalizeIp(ip);
  }
  const real = headers.get("x-real-ip");
  return real ? normalizeIp(real) : null;
}

function normalizeIp(ip: string): string {
  return ip.startsWith("::ffff:") ? ip.slice(7) : ip;
}
