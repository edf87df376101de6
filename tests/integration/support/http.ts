// Calls route handlers the way Next.js does, with a real next-auth session cookie: the whole wrapper
// (authentication, CSRF, tenant resolution, permissions, validation, error mapping) runs for real.
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { env } from "@/lib/env";

type RouteHandler = (req: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface CallOptions {
  as?: { id: string; sessionVersion?: number } | null;
  params?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
}

export interface CallResult<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export async function sessionCookie(user: { id: string; sessionVersion?: number }): Promise<string> {
  const token = await encode({ token: { uid: user.id, sv: user.sessionVersion ?? 0 }, secret: env().NEXTAUTH_SECRET });
  return `next-auth.session-token=${token}`;
}

export async function call<T = any>(handler: RouteHandler, method: string, path: string, options: CallOptions = {}): Promise<CallResult<T>> {
  const url = new URL(path, "http://localhost:3000");
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const headers = new Headers({ host: "localhost:3000", "user-agent": "vitest", "x-forwarded-for": "198.51.100.7", ...options.headers });
  if (options.as) headers.set("cookie", await sessionCookie(options.as));
  if (method !== "GET" && !headers.has("origin")) headers.set("origin", "http://localhost:3000");
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const request = new NextRequest(url, { method, headers, body });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (CSV export)
  }
  return { status: response.status, body: parsed as T, text, headers: response.headers };
}
