// The OpenAPI document turned into what the developer page (/developers) shows: sections of
// operations with their parameters, body fields, responses and a curl example — read from the
// generated document itself, so the page and openapi.json cannot disagree.
import type { OpenApiDocument } from "./document";

/** The part of JSON Schema (2020-12) the generated document uses. */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  default?: unknown;
  description?: string;
  $ref?: string;
}

export interface ReferenceParameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  schema: JsonSchema;
}

export interface ReferenceOperation {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  permission: string | null;
  apiKeyRoles: string[];
  public: boolean;
  parameters: ReferenceParameter[];
  body: { contentTypes: string[]; schema: JsonSchema | null } | null;
  responses: { status: string; description: string }[];
  curl: string | null;
}

export interface ReferenceSection {
  tag: string;
  description: string;
  operations: ReferenceOperation[];
}

interface RawOperation {
  operationId?: string;
  tags?: string[];
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { description?: string }>;
  "x-permission"?: string | null;
  "x-api-key-roles"?: string[];
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

export function buildReference(document: OpenApiDocument, baseUrl: string): ReferenceSection[] {
  const sections = new Map<string, ReferenceSection>(
    (document.tags ?? []).map((t) => [t.name, { tag: t.name, description: t.description ?? "", operations: [] }]),
  );
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const raw = (item as Record<string, RawOperation | undefined>)[method];
      if (!raw) continue;
      const tag = raw.tags?.[0] ?? "Other";
      if (!sections.has(tag)) sections.set(tag, { tag, description: "", operations: [] });
      const parameters = (raw.parameters ?? [])
        .filter((p): p is { name: string; in: "path" | "query"; required?: boolean; schema?: JsonSchema } => p.in === "path" || p.in === "query")
        .map((p) => ({ name: p.name, in: p.in, required: Boolean(p.required), schema: p.schema ?? {} }));
      const content = raw.requestBody?.content ?? {};
      const contentTypes = Object.keys(content);
      const body = contentTypes.length ? { contentTypes, schema: content["application/json"]?.schema ?? null } : null;
      const apiKeyRoles = raw["x-api-key-roles"] ?? [];
      const isPublic = (raw.security ?? []).length === 0;
      const operation: ReferenceOperation = {
        id: raw.operationId ?? `${method}-${path}`,
        method: method.toUpperCase(),
        path,
        summary: raw.summary ?? "",
        description: raw.description ?? "",
        permission: raw["x-permission"] ?? null,
        apiKeyRoles,
        public: isPublic,
        parameters,
        body,
        responses: Object.entries(raw.responses ?? {}).map(([status, r]) => ({ status, description: r.description ?? "" })),
        curl: isPublic || apiKeyRoles.length ? curlExample(method.toUpperCase(), path, baseUrl, body, !isPublic) : null,
      };
      sections.get(tag)!.operations.push(operation);
    }
  }
  return [...sections.values()].filter((s) => s.operations.length > 0);
}

/** `{orgId}` → `$ORG_ID`; the provider id is `$PROVIDER_ID`. */
function shellVariable(name: string): string {
  if (name === "id") return "PROVIDER_ID";
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}

export function curlExample(method: string, path: string, baseUrl: string, body: ReferenceOperation["body"], withKey: boolean): string {
  const url = `${baseUrl}${path.replace(/\{([^}]+)\}/g, (_m, name: string) => `$${shellVariable(name)}`)}`;
  const lines = [`curl -sS${method === "GET" ? "" : ` -X ${method}`} "${url}"`];
  if (withKey) lines.push(`-H "Authorization: Bearer $PROVIDER_PORTAL_API_KEY"`);
  if (body?.schema) {
    lines.push(`-H "Content-Type: application/json"`);
    lines.push(`-d '${JSON.stringify(sampleValue(body.schema, "")).replace(/'/g, "'\\''")}'`);
  } else if (body) {
    const type = body.contentTypes.includes("text/csv") ? "text/csv" : body.contentTypes[0]!;
    lines.push(`-H "Content-Type: ${type}"`, `--data-binary @export.${type === "text/csv" ? "csv" : "json"}`);
  }
  return lines.join(" \\\n  ");
}

/** A plausible value for a schema, for request examples: required fields only, when there are any. */
export function sampleValue(schema: JsonSchema, name: string): unknown {
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const choice = schema.anyOf?.[0] ?? schema.oneOf?.[0] ?? schema.allOf?.[0];
  if (choice) return sampleValue(choice, name);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object": {
      const properties = schema.properties ?? {};
      const required = schema.required?.length ? schema.required : Object.keys(properties);
      return Object.fromEntries(required.filter((key) => properties[key]).map((key) => [key, sampleValue(properties[key]!, key)]));
    }
    case "array":
      return schema.items ? [sampleValue(schema.items, name.replace(/s$/, ""))] : [];
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return true;
    case "string":
      return sampleString(schema, name);
    default:
      return {};
  }
}

function sampleString(schema: JsonSchema, name: string): string {
  if (schema.format === "uuid" || /Id$|^id$/.test(name)) return "00000000-0000-4000-8000-000000000000";
  if (schema.format === "date" || /date|From$/i.test(name)) return "2026-01-01";
  if (schema.format === "date-time") return "2026-01-01T00:00:00Z";
  if (/email/i.test(name)) return "someone@example.com";
  if (schema.pattern === "^\\d{4}$") return "4242";
  if (/password/i.test(name)) return "a-long-passphrase-of-yours";
  if (/name/i.test(name)) return "Example";
  return "text";
}

/** A short type description: `string (uuid)`, `one of A, B`, `array of string`, `integer 1–200`. */
export function describeType(schema: JsonSchema): string {
  if (schema.enum?.length) return `one of ${schema.enum.map((v) => String(v)).join(", ")}`;
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices?.length) return choices.map(describeType).join(" or ");
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "any JSON");
  if (type === "array") return `array of ${schema.items ? describeType(schema.items) : "values"}`;
  if (type === "object" && !schema.properties && schema.additionalProperties) return "object (any keys)";
  return schema.format ? `${type} (${schema.format})` : type;
}

/** Limits worth telling a client: lengths, ranges, counts, a pattern, the default. */
export function describeConstraints(schema: JsonSchema): string[] {
  const notes: string[] = [];
  const range = (min?: number, max?: number, unit = "") =>
    min !== undefined && max !== undefined ? `${min}–${max}${unit}` : min !== undefined ? `at least ${min}${unit}` : max !== undefined ? `at most ${max}${unit}` : null;
  const length = range(schema.minLength, schema.maxLength, " characters");
  if (length) notes.push(length);
  const value = range(schema.minimum, schema.maximum);
  if (value) notes.push(value);
  const items = range(schema.minItems, schema.maxItems, " items");
  if (items) notes.push(items);
  if (schema.pattern) notes.push(`pattern ${schema.pattern}`);
  if (schema.default !== undefined) notes.push(`default ${JSON.stringify(schema.default)}`);
  return notes;
}
