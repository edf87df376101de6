// The one wrapper every API route handler goes through. In order, it:
//   1. authenticates (session cookie) — 401 when a route needs a user and there is none; a user who
//      must change their password first (an organization's password rules at sign-in) may use only
//      their own account (userRoute) until they do — 403 password_change_required elsewhere;
//   2. checks the Origin of state-changing requests (CSRF) — 403;
//   3. resolves the tenant from the resource id in the path — 404 for ids the user has no relation to;
//   4. checks the permission in the registry — 403;
//   5. parses query and body with zod — 400 with per-field messages (or, for file uploads declared
//      with `rawBody()`, reads the body as text within a size limit and allowed types — 413/415);
//   6. runs the handler and maps every error to the API.md error shape (never a 500 for bad input).
import type { NextRequest } from "next/server";
import { type z } from "zod";
import type { Actor, RequestMeta } from "@/lib/actor";
import { claimsFromCookies, userFromClaims, type SessionUser } from "@/lib/auth/session";
import {
  actorFor,
  organizationAccess,
  platformAccess,
  providerAccess,
  requirePermission,
  type OrganizationAccess,
  type PlatformAccess,
  type ProviderAccess,
} from "@/lib/authz/context";
import type { Permission } from "@/lib/authz/permissions";
import { mapDbError } from "@/lib/db/errors";
import { EmbeddedDatabaseBusyError } from "@/lib/db/embedded-lock";
import { AppError, badRequest, forbidden, passwordChangeRequired, unauthorized } from "@/lib/errors";
import { log } from "@/lib/log";
import { requestMeta } from "./request-meta";
import { errorResponse, json } from "./responses";

type RouteParams = { params: Promise<Record<string, string | string[]>> };
type Handler<C> = (ctx: C) => Promise<Response | unknown>;

const MAX_JSON_BYTES = 1024 * 1024;

/** A body taken as it comes (a file upload) instead of JSON validated by a zod schema. */
export interface RawBodySpec {
  kind: "raw";
  /** Accepted media types, without parameters ("text/csv"); anything else is a 415. */
  contentTypes: readonly string[];
  /** Larger bodies are refused with 413 before they are read completely. */
  maxBytes: number;
}

export interface RawBody {
  /** The media type the client declared, lower-cased, one of `contentTypes`. */
  contentType: string;
  /** The body decoded as UTF-8 (a byte-order mark is dropped). */
  text: string;
  bytes: number;
}

/** `body: rawBody({...})` hands the handler `{ contentType, text, bytes }`. */
export function rawBody(spec: Omit<RawBodySpec, "kind">): RawBodySpec {
  return { kind: "raw", ...spec };
}

type BodySpec = z.ZodType | RawBodySpec;

interface InputSpec<B extends BodySpec | undefined, Q extends z.ZodType | undefined> {
  body?: B;
  query?: Q;
}

type Parsed<S> = S extends RawBodySpec ? RawBody : S extends z.ZodType ? z.output<S> : undefined;

export interface PublicContext<B, Q> {
  req: NextRequest;
  params: Record<string, string>;
  body: B;
  query: Q;
  meta: RequestMeta;
  /** The signed-in user when there is one (public routes do not require it). */
  user: SessionUser | null;
}

export interface UserContext<B, Q> extends PublicContext<B, Q> {
  user: SessionUser;
  actor: Actor;
}

export interface PlatformContext<B, Q> extends UserContext<B, Q> {
  access: PlatformAccess;
}

export interface ProviderContext<B, Q> extends UserContext<B, Q> {
  access: ProviderAccess;
  providerId: string;
}

export interface OrganizationContext<B, Q> extends UserContext<B, Q> {
  access: OrganizationAccess;
  organizationId: string;
}

/** No sign-in needed (register, health, token redemption pages' lookups). */
export function publicRoute<B extends BodySpec | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: InputSpec<B, Q>,
  handler: Handler<PublicContext<Parsed<B>, Parsed<Q>>>,
) {
  return wrap(async (req, params, user) => {
    const input = await parseInput(req, spec);
    return handler({ req, params, user, meta: requestMeta(req.headers), ...input } as PublicContext<Parsed<B>, Parsed<Q>>);
  });
}

/** Any signed-in user, acting on their own account. */
export function userRoute<B extends BodySpec | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: InputSpec<B, Q>,
  handler: Handler<UserContext<Parsed<B>, Parsed<Q>>>,
) {
  return wrap(async (req, params, maybeUser) => {
    const user = requireUser(maybeUser);
    const input = await parseInput(req, spec);
    const actor: Actor = { userId: user.id, name: user.name, email: user.email, actingProviderId: null };
    return handler({ req, params, user, actor, meta: requestMeta(req.headers), ...input } as UserContext<Parsed<B>, Parsed<Q>>);
  });
}

/** Platform staff console. */
export function platformRoute<B extends BodySpec | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: InputSpec<B, Q> & { permission: Permission },
  handler: Handler<PlatformContext<Parsed<B>, Parsed<Q>>>,
) {
  return wrap(async (req, params, maybeUser) => {
    const user = requireTenantUser(maybeUser);
    const access = platformAccess(user);
    requirePermission(access, spec.permission);
    const input = await parseInput(req, spec);
    const actor = actorFor(user, access, spec.permission);
    return handler({ req, params, user, actor, access, meta: requestMeta(req.headers), ...input } as PlatformContext<
      Parsed<B>,
      Parsed<Q>
    >);
  });
}

/** A provider's resources; the provider comes from the `id` path segment. */
export function providerRoute<B extends BodySpec | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: InputSpec<B, Q> & { permission: Permission },
  handler: Handler<ProviderContext<Parsed<B>, Parsed<Q>>>,
) {
  return wrap(async (req, params, maybeUser) => {
    const user = requireTenantUser(maybeUser);
    const providerId = params.id ?? "";
    const access = await providerAccess(user, providerId);
    requirePermission(access, spec.permission);
    const input = await parseInput(req, spec);
    const actor = actorFor(user, access, spec.permission);
    return handler({ req, params, user, actor, access, providerId, meta: requestMeta(req.headers), ...input } as ProviderContext<
      Parsed<B>,
      Parsed<Q>
    >);
  });
}

/** A client organization's admin console; the organization comes from the `orgId` path segment. */
export function organizationRoute<B extends BodySpec | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: InputSpec<B, Q> & { permission: Permission },
  handler: Handler<OrganizationContext<Parsed<B>, Parsed<Q>>>,
) {
  return wrap(async (req, params, maybeUser) => {
    const user = requireTenantUser(maybeUser);
    const organizationId = params.orgId ?? "";
    const access = await organizationAccess(user, organizationId);
    requirePermission(access, spec.permission);
    const input = await parseInput(req, spec);
    const actor = actorFor(user, access, spec.permission);
    return handler({
      req,
      params,
      user,
      actor,
      access,
      organizationId,
      meta: requestMeta(req.headers),
      ...input,
    } as OrganizationContext<Parsed<B>, Parsed<Q>>);
  });
}

function requireUser(user: SessionUser | null): SessionUser {
  if (!user) throw unauthorized();
  return user;
}

/** For everything but the user's own account: refused while a password change is required. */
function requireTenantUser(user: SessionUser | null): SessionUser {
  const signedIn = requireUser(user);
  if (signedIn.passwordChangeRequired) throw passwordChangeRequired();
  return signedIn;
}

function wrap(run: (req: NextRequest, params: Record<string, string>, user: SessionUser | null) => Promise<Response | unknown>) {
  return async (req: NextRequest, context: RouteParams): Promise<Response> => {
    try {
      const raw = context?.params ? await context.params : {};
      const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
      const user = await userFromClaims(await claimsFromCookies(req.cookies));
      if (user) checkSameOrigin(req);
      const result = await run(req, params, user);
      return result instanceof Response ? result : json(result ?? { ok: true });
    } catch (error) {
      return toErrorResponse(error, req);
    }
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for cookie-authenticated writes. Browsers send Origin on every cross-site write;
 * a write whose Origin (or Sec-Fetch-Site) says it came from another site is refused. Session
 * cookies are also SameSite=Lax and JSON bodies need a CORS preflight cross-site.
 */
function checkSameOrigin(req: NextRequest): void {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.get("origin");
  if (origin) {
    const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      throw forbidden("Cross-site request refused.", "csrf_failed");
    }
    if (originHost !== host) throw forbidden("Cross-site request refused.", "csrf_failed");
    return;
  }
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw forbidden("Cross-site request refused.", "csrf_failed");
}

async function parseInput<B extends BodySpec | undefined, Q extends z.ZodType | undefined>(
  req: NextRequest,
  spec: InputSpec<B, Q>,
): Promise<{ body: unknown; query: unknown }> {
  let query: unknown = undefined;
  if (spec.query) {
    const raw: Record<string, string | string[]> = {};
    for (const key of new Set(req.nextUrl.searchParams.keys())) {
      const all = req.nextUrl.searchParams.getAll(key);
      raw[key] = all.length > 1 ? all : all[0]!;
    }
    query = validate(spec.query, raw, "query");
  }
  let body: unknown = undefined;
  if (spec.body && isRawSpec(spec.body)) body = await readRaw(req, spec.body);
  else if (spec.body) body = validate(spec.body, await readJson(req), "body");
  return { body, query };
}

function isRawSpec(spec: BodySpec): spec is RawBodySpec {
  return (spec as RawBodySpec).kind === "raw";
}

async function readRaw(req: NextRequest, spec: RawBodySpec): Promise<RawBody> {
  const contentType = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!spec.contentTypes.includes(contentType)) {
    throw new AppError(415, "unsupported_media_type", `Send the file with one of these content types: ${spec.contentTypes.join(", ")}.`);
  }
  const tooLarge = () => new AppError(413, "payload_too_large", `The file is larger than ${formatBytes(spec.maxBytes)}.`);
  if (Number(req.headers.get("content-length") ?? 0) > spec.maxBytes) throw tooLarge();
  // Counted while reading, since Content-Length may be missing (chunked uploads) or wrong.
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > spec.maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  if (bytes === 0) throw badRequest("The request body is empty: send the file as the body.", { _: "empty body" }, "empty_body");
  try {
    return { contentType, text: new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)), bytes };
  } catch {
    throw badRequest("The file is not UTF-8 text.", { _: "not UTF-8" }, "invalid_encoding");
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

async function readJson(req: NextRequest): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  const text = await req.text();
  if (text.trim() === "") return {};
  if (!type.includes("application/json")) {
    throw new AppError(415, "unsupported_media_type", "Send the request body as JSON (Content-Type: application/json).");
  }
  if (Buffer.byteLength(text) > MAX_JSON_BYTES) throw new AppError(413, "payload_too_large", "The request body is larger than 1 MB.");
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("The request body is not valid JSON.", undefined, "invalid_json");
  }
}

function validate(schema: z.ZodType, value: unknown, where: "body" | "query"): unknown {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw badRequest(`The ${where === "body" ? "request" : "query string"} has invalid fields.`, zodFields(result.error));
}

export function zodFields(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

export function toErrorResponse(error: unknown, req?: NextRequest): Response {
  if (error instanceof AppError) return errorResponse(error);
  const mapped = mapDbError(error);
  if (mapped) return errorResponse(mapped);
  if (error instanceof EmbeddedDatabaseBusyError) {
    log.error({ err: error.message }, "embedded database busy");
    return errorResponse(new AppError(503, "database_unavailable", "The database is not available right now."));
  }
  log.error({ err: error, method: req?.method, path: req?.nextUrl.pathname }, "unhandled error in route handler");
  return Response.json(
    { error: { code: "internal_error", message: "Something went wrong on our side. It has been logged." } },
    { status: 500, headers: { "cache-control": "no-store" } },
  );
}
