// The OpenAPI document covers every route file under app/api/v1 and is well-formed: each operation's
// path parameters, query parameters and body come from the route's own schemas, every $ref resolves,
// and security says which operations take API keys.
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { publicRoute } from "@/lib/api/handler";
import { listClientsQuerySchema } from "@/lib/services/clients/schemas";
import { API_BASE, buildDocument, loadOperations, type ApiOperation, type OpenApiDocument } from "./document";
import { API_SECTIONS, HTTP_METHODS } from "./manifest";

const API_DIR = path.resolve("app/api/v1");

function routeFiles(dir = API_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** app/api/v1/providers/[id]/clients/route.ts → /providers/{id}/clients */
function pathOf(file: string): string {
  const rel = path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/");
  return `/${rel}`.replace(/\[([^\]]+)\]/g, "{$1}");
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function walk(value: Json, visit: (node: { [key: string]: Json }, at: string) => void, at = "#"): void {
  if (Array.isArray(value)) value.forEach((item, i) => walk(item, visit, `${at}/${i}`));
  else if (value && typeof value === "object") {
    visit(value, at);
    for (const [key, child] of Object.entries(value)) walk(child, visit, `${at}/${key}`);
  }
}

function resolvePointer(doc: Json, ref: string): Json | undefined {
  if (!ref.startsWith("#/")) return undefined;
  let node: Json | undefined = doc;
  for (const part of ref.slice(2).split("/").map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))) {
    if (!node || typeof node !== "object" || Array.isArray(node)) return undefined;
    node = node[part];
  }
  return node;
}

let operations: ApiOperation[];
let document: OpenApiDocument;
let json: { [key: string]: Json };

beforeAll(async () => {
  operations = await loadOperations();
  document = buildDocument(operations, "https://portal.example.test");
  json = JSON.parse(JSON.stringify(document));
});

const operation = (method: string, p: string) => json.paths![`${API_BASE}${p}` as never]![method as never] as { [key: string]: Json };

describe("the OpenAPI document covers every route", () => {
  it("lists every route file under app/api/v1 in the manifest, and nothing else", () => {
    const onDisk = routeFiles().map(pathOf).sort();
    const inManifest = API_SECTIONS.flatMap((s) => s.routes.map((r) => r.path)).sort();
    expect(onDisk.length).toBeGreaterThan(50);
    expect(inManifest).toEqual(onDisk);
  });

  it("loads, for each manifest path, the route module served at that path", async () => {
    const byPath = new Map(routeFiles().map((file) => [pathOf(file), file]));
    for (const section of API_SECTIONS) {
      for (const route of section.routes) {
        const fromManifest = await route.load();
        const fromDisk = (await import(byPath.get(route.path)!)) as Record<string, unknown>;
        for (const method of HTTP_METHODS) expect(fromManifest[method], `${method} ${route.path}`).toBe(fromDisk[method]);
      }
    }
  });

  it("documents every exported method of every route file", async () => {
    const documented = new Set(operations.map((op) => `${op.method} ${op.path}`));
    for (const file of routeFiles()) {
      const exports = (await import(file)) as Record<string, unknown>;
      for (const method of HTTP_METHODS) {
        if (exports[method]) expect(documented, `${method} ${pathOf(file)}`).toContain(`${method} ${API_BASE}${pathOf(file)}`);
      }
    }
    const inDocument = Object.values(json.paths as object).flatMap((item) => Object.keys(item as object));
    expect(inDocument).toHaveLength(operations.length);
  });

  it("refuses a handler the wrapper did not make, and a described method the module lacks", async () => {
    const plain = async () => new Response("hi");
    await expect(
      loadOperations([{ tag: "T", description: "", routes: [{ path: "/x", load: async () => ({ GET: plain }), operations: {} }] }]),
    ).rejects.toThrow("not made by lib/api/handler.ts");
    const wrapped = publicRoute({}, async () => ({}));
    await expect(
      loadOperations([{ tag: "T", description: "", routes: [{ path: "/x", load: async () => ({ GET: wrapped }), operations: { POST: "Nope" } }] }]),
    ).rejects.toThrow("exports no POST");
  });
});

describe("the OpenAPI document is well-formed", () => {
  it("is OpenAPI 3.1 with info, a server and the security schemes", () => {
    expect(json.openapi).toBe("3.1.0");
    expect(json.info).toMatchObject({ title: "Provider Portal API", version: "1" });
    expect(json.servers).toEqual([{ url: "https://portal.example.test" }]);
    expect(Object.keys((json.components as { securitySchemes: object }).securitySchemes).sort()).toEqual(["apiKey", "session"]);
  });

  it("declares each path's parameters exactly once, required, and no others", () => {
    for (const [p, item] of Object.entries(json.paths as Record<string, Record<string, { parameters?: { name: string; in: string; required: boolean }[] }>>)) {
      const placeholders = [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      for (const [method, op] of Object.entries(item)) {
        expect(HTTP_METHODS.map((m) => m.toLowerCase())).toContain(method);
        const params = op.parameters ?? [];
        const inPath = params.filter((x) => x.in === "path");
        expect(inPath.map((x) => x.name).sort(), `${method} ${p}`).toEqual(placeholders);
        expect(inPath.every((x) => x.required)).toBe(true);
        const keys = params.map((x) => `${x.in}:${x.name}`);
        expect(new Set(keys).size, `${method} ${p} parameters are unique`).toBe(keys.length);
        expect(params.every((x) => ["path", "query"].includes(x.in))).toBe(true);
      }
    }
  });

  it("gives every operation a unique id, a known tag, a success response and known security schemes", () => {
    const ids = new Set<string>();
    const tags = new Set((json.tags as { name: string }[]).map((t) => t.name));
    const schemes = Object.keys((json.components as { securitySchemes: object }).securitySchemes);
    for (const item of Object.values(json.paths as Record<string, Record<string, { [key: string]: Json }>>)) {
      for (const op of Object.values(item)) {
        expect(ids.has(op.operationId as string), `${op.operationId} is unique`).toBe(false);
        ids.add(op.operationId as string);
        expect(tags).toContain((op.tags as string[])[0]);
        expect(Object.keys(op.responses as object).some((code) => /^2\d\d$/.test(code))).toBe(true);
        for (const requirement of op.security as { [key: string]: Json }[]) for (const name of Object.keys(requirement)) expect(schemes).toContain(name);
      }
    }
  });

  it("resolves every $ref, and uses only JSON Schema types", () => {
    let refs = 0;
    const types = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);
    walk(json, (node, at) => {
      if (typeof node.$ref === "string") {
        refs++;
        expect(resolvePointer(json, node.$ref), `${at} → ${node.$ref}`).toBeDefined();
      }
      if (at.includes("/schema") && node.type !== undefined && typeof node.type !== "object") expect(types, at).toContain(node.type);
    });
    expect(refs).toBeGreaterThan(100);
  });
});

describe("the OpenAPI document describes each operation from its route", () => {
  it("takes query parameters from the route's zod schema", () => {
    const names = (operation("get", "/providers/{id}/clients").parameters as { name: string; in: string }[]).filter((x) => x.in === "query").map((x) => x.name);
    expect(names.sort()).toEqual(Object.keys(listClientsQuerySchema.shape).sort());
  });

  it("takes the request body from the route's zod schema, as the client sends it", () => {
    const schema = (operation("post", "/providers/{id}/api-keys").requestBody as { content: { "application/json": { schema: { [key: string]: Json } } } }).content["application/json"].schema;
    expect(schema).toMatchObject({ type: "object", required: ["name", "role"], additionalProperties: false });
    expect(schema.properties).toMatchObject({ role: { enum: ["PROVIDER_ADMIN", "SERVICE_USER"] }, name: { type: "string", maxLength: 80 } });
    const invite = (operation("post", "/organizations/{orgId}/members").requestBody as { content: { "application/json": { schema: { properties: Json } } } }).content["application/json"].schema;
    expect(invite.properties).toMatchObject({ emails: { anyOf: [{ type: "string" }, { type: "array" }] } });
  });

  it("documents file uploads by their content types", () => {
    const content = (operation("post", "/organizations/{orgId}/import").requestBody as { content: object }).content;
    expect(Object.keys(content).sort()).toEqual(["application/json", "text/csv"]);
  });

  it("uses non-uuid path parameter schemas where the manifest gives them", () => {
    const type = (operation("put", "/organizations/{orgId}/policies/{type}").parameters as { name: string; schema: { enum?: string[] } }[]).find((x) => x.name === "type")!;
    expect(type.schema.enum).toContain("TWO_FACTOR_AUTHENTICATION");
  });

  it.each([
    ["get", "/providers/{id}/clients", ["PROVIDER_ADMIN", "SERVICE_USER"]],
    ["patch", "/providers/{id}", ["PROVIDER_ADMIN"]],
    ["post", "/organizations/{orgId}/members", ["PROVIDER_ADMIN", "SERVICE_USER"]],
    ["get", "/organizations/{orgId}/items", []],
    ["get", "/providers/{id}/api-keys", []],
    ["post", "/providers/{id}/api-keys", []],
    ["delete", "/providers/{id}/api-keys/{keyId}", []],
    ["get", "/providers/{id}/clients/addable", []],
    ["get", "/me", []],
    ["get", "/admin/providers", []],
  ])("%s %s accepts API keys of roles %j", (method, p, roles) => {
    const op = operation(method, p);
    expect(op["x-api-key-roles"]).toEqual(roles);
    const schemes = (op.security as object[]).flatMap((r) => Object.keys(r));
    expect(schemes.includes("apiKey")).toBe(roles.length > 0);
    expect(schemes).toContain("session");
  });

  it("marks public operations as needing no authentication", () => {
    expect(operation("get", "/openapi.json").security).toEqual([]);
    expect(operation("post", "/auth/register").security).toEqual([]);
  });

  it("names who may call each operation and the error shape of each refusal", () => {
    const op = operation("patch", "/providers/{id}");
    expect(op.description).toContain("Provider Admins (`provider.update`)");
    expect(op["x-permission"]).toBe("provider.update");
    expect(Object.keys(op.responses as object)).toEqual(expect.arrayContaining(["200", "400", "401", "403", "404", "409", "422", "429"]));
    expect((op.responses as { [k: string]: { content: { "application/json": { schema: Json } } } })["403"]!.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Error" });
    expect(resolvePointer(json, "#/components/schemas/Error")).toMatchObject({ type: "object", required: ["error"] });
    expect(operation("post", "/providers/{id}/clients").responses).toHaveProperty("201");
  });

  it("refuses a query schema that is not an object", () => {
    const op: ApiOperation = {
      tag: "T",
      method: "GET",
      path: "/api/v1/x",
      summary: "x",
      status: 200,
      doc: { auth: "public", query: z.string(), apiKeys: false },
      pathParams: {},
      apiKeyRoles: [],
      callers: "",
    };
    expect(() => buildDocument([op], "http://x")).toThrow("not an object schema");
  });
});
