// The one wrapper every API route handler goes through. In order, it:
//   1. authenticates: a provider API key (`Authorization: Bearer pp_…`, provider and organization
//      routes only; the request's cookies are then ignored) or the session cookie — 401 when a route
//      needs a caller and there is none or the key is wrong or revoked. A user who must change their
//      password first (an organization's password rules at sign-in) may use only their own account
//      (userRoute) until they do — 403 password_change_required elsewhere;
//   2. checks the Origin of cookie-authenticated state-changing requests (CSRF) — 403;
//   3. resolves the tenant from the resource id in the path — 404 for ids the user has no relation to;
//   4. checks the permission in the registry — 403;
//   5. parses query and body with zod — 400 with per-field messages (or, for file uploads declared
//      with `rawBody()`, reads the body as text within a size limit and allowed types — 413/415);
//   6. runs the handler and maps every error to the API.md error shape (never a 500 for bad input).
// Each handler it returns carries its RouteDoc (auth, permission, schemas), which the OpenAPI document
// (lib/api/openapi) is generated from.
import type { NextRequest } from "next/server";
import { type z } from "zod";
import type { Actor, RequestMeta } from "@/lib/actor";
import { apiKeyActor, apiKeyUser, authenticateApiKey, bearerToken, type ApiKeyPrincipal } from "@/lib/auth/api-keys";
import { claimsFromCookies, userFromClaims, type SessionUser } from "@/lib/auth/session";
import { organizationAccessForKey, providerAccessForKey } from "@/lib/authz/api-key-access";
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
  /** The signed-in user, or for an API key the member who created it. */
  user: SessionUser;
  /** The API key the request was authenticated with (provider and organization routes only). */
  apiKey: ApiKeyPrincipal | null;
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

/** What a route is, as the OpenAPI document describes it. */
export interface RouteDoc {
  auth: "public" | "user" | "platform" | "provider" | "organization";
  permission?: Permission;
  body?: BodySpec;
  query?: z.ZodType;
  /** Whether `Authorization: Bearer <api key>` may call it. */
  apiKeys: boolean;
}

/** For provider and organization routes: `apiKeys: false` refuses API keys (403 `api_key_not_allowed`). */
interface TenantSpec {
  permission: Permission;
  apiKeys?: boolean;
}

const ROUTE_DOC = Symbol.for("provider-portal.route-doc");

/** The RouteDoc a wrapped handler carries, or undefined for a function the wrapper did not make. */
export function routeDocOf(handler: unknown): RouteDoc | undefined {
  return typeof handler === "function" ? (handler as { [ROUTE_DOC]?: RouteDoc })[ROUTE_DOC] : undefined;
}

/** No sign-in needed (register, health, token redemption pages' lookups). */
export function publicRoute<B extends BodySpec | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: InputSpec<B, Q>,
  handler: Handler<PublicContext<Parsed<B>, Parsed<Q>>>,
) {
  return wrap({ auth: "public", body: spec.body, query: spec.query, apiKeys: false }, async (req, params, caller) => {
    const input = await parseInput(req, spec);
    return handler({ req, params, user: caller.user, meta: requestMeta(req.headers), ...input } as PublicContext<Parsed<B>, Parsed<Q>>);
  });
}

/** Any signed-in user, acting on their own account. */
export function userRoute<B extends BodySpec | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: InputSpec<B, Q>,
  handler: Handler<UserContext<Parsed<B>, Parsed<Q>>>,
) {
  return wrap({ auth: "user", body: spec.body, query: spec.query, apiKeys: false }, async (req, params, caller) => {
    const user = requireUser(caller.user);
    const input = await parseInput(req, spec);
    const actor: Actor = { userId: user.id, name: user.name, email: user.email, actingProviderId: null };
    return handler({ req, params, user, apiKey: null, actor, meta: requestMeta(req.headers), ...input } as UserContext<Parsed<B>, Parsed<Q>>);
  });
}

/** Platform staff console. */
export function platformRoute<B extends BodySpec | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: InputSpec<B, Q> & { permission: Permission },
  handler: Handler<PlatformContext<Parsed<B>, Parsed<Q>>>,
) {
  return wrap({ auth: "platform", permission: spec.permission, body: spec.body, query: spec.query, apiKeys: false }, async (req, params, caller) => {
    const user = requireTenantUser(caller.user);
    const access = platformAccess(user);
    requirePermission(access, spec.permission);
    const input = await parseInput(req, spec);
    const actor = actorFor(user, access, spec.permission);
    return handler({ req, params, user, apiKey: null, actor, access, meta: requestMeta(req.headers), ...input } as PlatformContext<
      Parsed<B>,
      Parsed<Q>
    >);
  });
}

/** A provider's resources; the provider comes from the `id` path segment. API keys of that provider may call it. */
export function providerRoute<B extends BodySpec | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: InputSpec<B, Q> & TenantSpec,
  handler: Handler<ProviderContext<Parsed<B>, Parsed<Q>>>,
) {
  const doc: RouteDoc = { auth: "provider", permission: spec.permission, body: spec.body, query: spec.query, apiKeys: spec.apiKeys ?? true };
  return wrap(doc, async (req, params, caller) => {
    const user = requireTenantUser(caller.user);
    const providerId = params.id ?? "";
    const access = caller.apiKey ? providerAccessForKey(caller.apiKey, providerId) : await providerAccess(user, providerId);
    requirePermission(access, spec.permission);
    const input = await parseInput(req, spec);
    const actor = actorOf(caller.apiKey, actorFor(user, access, spec.permission));
    return handler({ req, params, user, apiKey: caller.apiKey, actor, access, providerId, meta: requestMeta(req.headers), ...input } as ProviderContext<
      Parsed<B>,
      Parsed<Q>
    >);
  });
}

/**
 * A client organization's admin console; the organization comes from the `orgId` path segment. API
 * keys of the managing provider may call it.
 */
export function organizationRoute<B extends BodySpec | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  spec: InputSpec<B, Q> & TenantSpec,
  handler: Handler<OrganizationContext<Parsed<B>, Parsed<Q>>>,
) {
  const doc: RouteDoc = { auth: "organization", permission: spec.permission, body: spec.body, query: spec.query, apiKeys: spec.apiKeys ?? true };
  return wrap(doc, async (req, params, caller) => {
    const user = requireTenantUser(caller.user);
    const organizationId = params.orgId ?? "";
    const access = caller.apiKey ? await organizationAccessForKey(caller.apiKey, organizationId) : await organizationAccess(user, organizationId);
    requirePermission(access, spec.permission);
    const input = await parseInput(req, spec);
    const actor = actorOf(caller.apiKey, actorFor(user, access, spec.permission));
    return handler({
      req,
      params,
      user,
      apiKey: caller.apiKey,
      actor,
      access,
      organizationId,
      meta: requestMeta(req.headers),
      ...input,
    } as OrganizationContext<Parsed<B>, Parsed<Q>>);
  });
}

/** For everything but the user's own account: refused while a password change is required. */
function requireTenantUser(user: SessionUser | null): SessionUser {
  const signedIn = requireUser(user);
  if (signedIn.passwordChangeRequired) throw passwordChangeRequired();
  return signedIn;
}

function requireUser(user: SessionUser | null): SessionUser {
  if (!user) throw unauthorized();
  return user;
}

function actorOf(apiKey: ApiKeyPrincipal | null, actor: Actor): Actor {
  return apiKey ? apiKeyActor(actor, apiKey) : actor;
}

/** Who is calling: a signed-in user, or an API key acting for its creator (`user` is then the creator). */
interface Caller {
  user: SessionUser | null;
  apiKey: ApiKeyPrincipal | null;
}

async function authenticate(req: NextRequest, doc: RouteDoc): Promise<Caller> {
  const token = bearerToken(req.headers);
  if (token === null) {
    const user = await userFromClaims(await claimsFromCookies(req.cookies));
    if (user) checkSameOrigin(req);
    return { user, apiKey: null };
  }
  // A bearer request never gains the rights of cookies it also carries, and needs no CSRF check:
  // browsers do not attach Authorization headers on their own.
  if (doc.auth === "public") return { user: null, apiKey: null };
  const apiKey = await authenticateApiKey(token);
  if (!doc.apiKeys) {
    throw forbidden("API keys cannot be used for this request. Sign in to the portal to do it.", "api_key_not_allowed");
  }
  return { user: apiKeyUser(apiKey), apiKey };
}

function wrap(doc: RouteDoc, run: (req: NextRequest, params: Record<string, string>, caller: Caller) => Promise<Response | unknown>) {
  const handler = async (req: NextRequest, context: RouteParams): Promise<Response> => {
    try {
      const raw = context?.params ? await context.params : {};
      const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
      const result = await run(req, params, await authenticate(req, doc));
      return result instanceof Response ? result : json(result ?? { ok: true });
    } catch (error) {
      return toErrorResponse(error, req);
    }
  };
  return Object.assign(handler, { [ROUTE_DOC]: doc });
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
