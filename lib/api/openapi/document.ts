// The OpenAPI 3.1 document of /api/v1, generated from the routes themselves: each handler made by
// lib/api/handler.ts carries its RouteDoc (who may call it, its zod query and body schemas, whether
// API keys may call it), and lib/api/openapi/manifest.ts says where each route module is served.
import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { routeDocOf, type RawBodySpec, type RouteDoc } from "@/lib/api/handler";
import { PERMISSIONS, type Role } from "@/lib/authz/permissions";
import { env } from "@/lib/env";
import { API_SECTIONS, HTTP_METHODS, type HttpMethod, type ManifestSection, type OperationNote } from "./manifest";

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31["generateDocument"]>;

export const API_BASE = "/api/v1";

/** One operation of the API, as found in the route modules. */
export interface ApiOperation {
  tag: string;
  method: HttpMethod;
  /** The full path, with `{param}` placeholders. */
  path: string;
  summary: string;
  description?: string;
  status: 200 | 201;
  doc: RouteDoc;
  pathParams: Record<string, z.ZodType>;
  /** Provider roles whose API keys may call it (empty: keys are refused). */
  apiKeyRoles: ("PROVIDER_ADMIN" | "SERVICE_USER")[];
  /** Who may call it when signed in. */
  callers: string;
}

const ROLE_NAMES: Record<Role, string> = {
  STAFF: "platform staff",
  PROVIDER_ADMIN: "Provider Admins",
  SERVICE_USER: "Service Users",
  ORG_OWNER: "organization owners",
  ORG_ADMIN: "organization admins",
  ORG_USER: "organization users",
  SELF_BILLED_OWNER: "owners of a self-billed organization",
};

const KEY_ROLES = ["PROVIDER_ADMIN", "SERVICE_USER"] as const;

function callersOf(doc: RouteDoc): string {
  if (doc.auth === "public") return "Anyone; no sign-in needed.";
  if (doc.auth === "user" || !doc.permission) return "Any signed-in user, for their own account.";
  const names = PERMISSIONS[doc.permission].map((role) => ROLE_NAMES[role]);
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0]!;
  return `${list[0]!.toUpperCase()}${list.slice(1)} (\`${doc.permission}\`).`;
}

function apiKeyRolesOf(doc: RouteDoc): ApiOperation["apiKeyRoles"] {
  if (!doc.apiKeys || !doc.permission) return [];
  const allowed: readonly Role[] = PERMISSIONS[doc.permission];
  return KEY_ROLES.filter((role) => allowed.includes(role));
}

function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}

/** Every operation of every route module in the manifest; throws for a handler the wrapper did not make. */
export async function loadOperations(sections: ManifestSection[] = API_SECTIONS): Promise<ApiOperation[]> {
  const operations: ApiOperation[] = [];
  for (const section of sections) {
    for (const route of section.routes) {
      const path = `${API_BASE}${route.path}`;
      const exports = await route.load();
      for (const method of HTTP_METHODS) {
        const handler = exports[method];
        const note = route.operations[method];
        if (handler === undefined) {
          if (note) throw new Error(`The manifest describes ${method} ${path}, but its route module exports no ${method}.`);
          continue;
        }
        const doc = routeDocOf(handler);
        if (!doc) throw new Error(`${method} ${path} is not made by lib/api/handler.ts, so it cannot be documented.`);
        const { summary, status, description }: OperationNote = typeof note === "string" ? { summary: note } : (note ?? { summary: `${method} ${path}` });
        const pathParams = Object.fromEntries(pathParamNames(route.path).map((name) => [name, route.params?.[name] ?? z.uuid()]));
        operations.push({
          tag: section.tag,
          method,
          path,
          summary,
          description,
          status: status ?? 200,
          doc,
          pathParams,
          apiKeyRoles: apiKeyRolesOf(doc),
          callers: callersOf(doc),
        });
      }
    }
  }
  return operations;
}

const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "Stable snake_case code, e.g. `not_found`, `invalid_api_key`." }),
      message: z.string().meta({ description: "A sentence for people, naming the reason and what to do." }),
      fields: z.record(z.string(), z.string()).optional().meta({ description: "For 400: the message for each invalid field (`_` for the whole body)." }),
    }),
  })
  .meta({ id: "Error", description: "Every error answers this shape." });

const ERROR_RESPONSES = {
  400: "The input is malformed or invalid; `fields` names each problem.",
  401: "Not signed in, or the API key is unknown, malformed or revoked (`invalid_api_key`, `api_key_revoked`).",
  403: "Signed in but not allowed: a missing permission, a disabled provider, or a request that does not accept API keys (`api_key_not_allowed`).",
  404: "Unknown id, or an id of another tenant.",
  409: "Conflict: a duplicate, the last admin or owner, an organization already managed.",
  422: "Valid input refused by a business rule; the message names the reason.",
  429: "Rate limited; retry after the seconds in `Retry-After`.",
} as const;

function errorCodesFor(op: ApiOperation): (keyof typeof ERROR_RESPONSES)[] {
  const codes: (keyof typeof ERROR_RESPONSES)[] = [];
  if (op.doc.body || op.doc.query) codes.push(400);
  if (op.doc.auth !== "public") codes.push(401, 403);
  if (Object.keys(op.pathParams).length > 0) codes.push(404);
  if (op.method !== "GET") codes.push(409, 422);
  if (op.apiKeyRoles.length > 0 || (op.doc.auth === "public" && op.method !== "GET")) codes.push(429);
  return codes;
}

function isRawBody(body: RouteDoc["body"]): body is RawBodySpec {
  return (body as RawBodySpec | undefined)?.kind === "raw";
}

function requestBody(doc: RouteDoc): RouteConfig["request"] {
  if (!doc.body) return undefined;
  if (isRawBody(doc.body)) {
    // A file upload: the body is the file as it is, so no schema describes it.
    const content = Object.fromEntries(doc.body.contentTypes.map((type) => [type, {}]));
    return { body: { required: true, description: `The file itself (${doc.body.contentTypes.join(" or ")}), at most ${Math.round(doc.body.maxBytes / (1024 * 1024))} MB.`, content } };
  }
  return { body: { required: true, content: { "application/json": { schema: doc.body } } } };
}

/** Query parameters come from an object schema (possibly piped into a refinement or transform). */
function queryObject(op: ApiOperation): z.ZodObject | z.ZodPipe | undefined {
  const query = op.doc.query;
  if (!query) return undefined;
  if (query instanceof z.ZodObject || query instanceof z.ZodPipe) return query;
  throw new Error(`The query schema of ${op.method} ${op.path} is not an object schema, so its parameters cannot be documented.`);
}

function operationId(method: HttpMethod, path: string): string {
  const words = path
    .slice(API_BASE.length)
    .split("/")
    .filter(Boolean)
    .map((segment) => (segment.startsWith("{") ? `By-${segment.slice(1, -1)}` : segment))
    .flatMap((segment) => segment.split(/[^A-Za-z0-9]+/))
    .filter(Boolean);
  return [method.toLowerCase(), ...words.map((w) => w[0]!.toUpperCase() + w.slice(1))].join("");
}

function describe(op: ApiOperation): string {
  const keys =
    op.apiKeyRoles.length === 0
      ? "API keys: not accepted."
      : `API keys: accepted from ${op.apiKeyRoles.map((r) => (r === "PROVIDER_ADMIN" ? "Provider Admin" : "Service User")).join(" and ")} keys of ${op.doc.auth === "organization" ? "the provider that manages the organization" : "this provider"}.`;
  return [`Who: ${op.callers}`, keys, op.description].filter(Boolean).join("\n\n");
}

export function buildDocument(operations: ApiOperation[], serverUrl: string): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "next-auth.session-token",
    description: "The browser session of a signed-in user (`__Secure-next-auth.session-token` over HTTPS). Writes must come from this site (Origin check).",
  });
  registry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "pp_<prefix>_<secret>",
    description:
      "A provider API key, created by a Provider Admin under Provider → API keys: `Authorization: Bearer pp_…`. It acts for its provider with its role (Provider Admin or Service User), never with more than its creator holds, on that provider's routes and its client organizations' routes. Session cookies sent with it are ignored.",
  });
  for (const op of operations) {
    const errors = Object.fromEntries(
      errorCodesFor(op).map((code) => [code, { description: ERROR_RESPONSES[code], content: { "application/json": { schema: ErrorSchema } } }]),
    );
    const params = Object.keys(op.pathParams).length ? z.object(op.pathParams) : undefined;
    const security: Record<string, string[]>[] = op.doc.auth === "public" ? [] : op.apiKeyRoles.length ? [{ session: [] }, { apiKey: [] }] : [{ session: [] }];
    registry.registerPath({
      method: op.method.toLowerCase() as Lowercase<HttpMethod>,
      path: op.path,
      operationId: operationId(op.method, op.path),
      tags: [op.tag],
      summary: op.summary,
      description: describe(op),
      security,
      request: { params, query: queryObject(op), ...requestBody(op.doc) },
      responses: {
        [op.status]: { description: op.status === 201 ? "Created." : "OK.", content: { "application/json": {} } },
        ...errors,
      },
      "x-permission": op.doc.permission ?? null,
      "x-api-key-roles": op.apiKeyRoles,
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Provider Portal API",
      version: "1",
      description:
        "The JSON API the portal's pages use, open to scripts and PSA/RMM tools. Authenticate with a browser session or, where an operation says so, `Authorization: Bearer <api key>`. Lists take `limit` (default 50, max 200) and an opaque `cursor`, and answer `{data, nextCursor}`. Ids are opaque strings, times ISO-8601 UTC.",
    },
    servers: [{ url: serverUrl }],
    tags: API_SECTIONS.map((s) => ({ name: s.tag, description: s.description })),
  });
}

let cached: Promise<{ operations: ApiOperation[]; document: OpenApiDocument }> | undefined;

/** The document (built once per process) and the operations it was built from. */
export function openApiDocument(): Promise<{ operations: ApiOperation[]; document: OpenApiDocument }> {
  cached ??= loadOperations().then((operations) => ({ operations, document: buildDocument(operations, env().APP_URL) }));
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}
