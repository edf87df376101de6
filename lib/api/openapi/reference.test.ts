import { beforeAll, describe, expect, it } from "vitest";
import { buildDocument, loadOperations, type OpenApiDocument } from "./document";
import { buildReference, curlExample, describeConstraints, describeType, sampleValue, type ReferenceSection } from "./reference";

let document: OpenApiDocument;
let sections: ReferenceSection[];

beforeAll(async () => {
  document = buildDocument(await loadOperations(), "https://portal.example.test");
  sections = buildReference(document, "https://portal.example.test");
});

const find = (method: string, path: string) =>
  sections.flatMap((s) => s.operations).find((op) => op.method === method && op.path === `/api/v1${path}`)!;

describe("the developer reference", () => {
  it("shows every operation of the document, grouped by tag in the document's order", () => {
    const count = Object.values(document.paths ?? {}).reduce((n, item) => n + Object.keys(item).length, 0);
    expect(sections.flatMap((s) => s.operations)).toHaveLength(count);
    expect(sections.map((s) => s.tag)).toEqual((document.tags ?? []).map((t) => t.name));
  });

  it("gives key-accepting operations a curl example with the bearer key, the body and shell variables for ids", () => {
    const op = find("POST", "/providers/{id}/clients");
    expect(op.apiKeyRoles).toEqual(["PROVIDER_ADMIN"]);
    expect(op.curl).toContain(`curl -sS -X POST "https://portal.example.test/api/v1/providers/$PROVIDER_ID/clients"`);
    expect(op.curl).toContain(`-H "Authorization: Bearer $PROVIDER_PORTAL_API_KEY"`);
    const body = JSON.parse(/-d '(.*)'$/m.exec(op.curl!)![1]!);
    expect(body).toMatchObject({ name: "Example", billingEmail: "someone@example.com", plan: "TEAMS_MONTHLY", seats: 1, ownerEmail: "someone@example.com" });
    expect(find("POST", "/organizations/{orgId}/members/{mId}/confirm").curl).toContain("/api/v1/organizations/$ORG_ID/members/$M_ID/confirm");
  });

  it("gives session-only operations no curl example, and public ones one without a key", () => {
    expect(find("GET", "/me").curl).toBeNull();
    expect(find("GET", "/providers/{id}/api-keys").curl).toBeNull();
    expect(find("GET", "/openapi.json").curl).toBe(`curl -sS "https://portal.example.test/api/v1/openapi.json"`);
  });

  it("sends file uploads as the file", () => {
    expect(find("POST", "/organizations/{orgId}/import").curl).toContain("--data-binary @export.csv");
  });

  it("lists parameters with where they go", () => {
    const params = find("GET", "/providers/{id}/clients").parameters;
    expect(params.find((p) => p.name === "id")).toMatchObject({ in: "path", required: true });
    expect(params.find((p) => p.name === "limit")).toMatchObject({ in: "query", required: false });
  });
});

describe("schema descriptions", () => {
  it.each([
    [{ type: "string", format: "uuid" }, "string (uuid)"],
    [{ type: "string", enum: ["A", "B"] }, "one of A, B"],
    [{ type: "array", items: { type: "string" } }, "array of string"],
    [{ anyOf: [{ type: "string" }, { type: "array", items: { type: "string" } }] }, "string or array of string"],
    [{ type: "object", additionalProperties: {} }, "object (any keys)"],
    [{}, "any JSON"],
  ])("%j → %s", (schema, text) => expect(describeType(schema)).toBe(text));

  it("names the limits", () => {
    expect(describeConstraints({ type: "integer", minimum: 1, maximum: 200, default: 50 })).toEqual(["1–200", "default 50"]);
    expect(describeConstraints({ type: "string", maxLength: 80 })).toEqual(["at most 80 characters"]);
  });

  it("makes sample values that fit the schema", () => {
    expect(sampleValue({ type: "object", properties: { a: { type: "integer", minimum: 3 }, b: { type: "boolean" } }, required: ["a"] }, "")).toEqual({ a: 3 });
    expect(sampleValue({ type: "array", items: { type: "string", format: "uuid" } }, "ids")).toEqual(["00000000-0000-4000-8000-000000000000"]);
  });

  it("quotes JSON bodies safely for the shell", () => {
    const curl = curlExample("POST", "/api/v1/x", "http://h", { contentTypes: ["application/json"], schema: { type: "object", properties: { name: { const: "O'Brien" } } } }, true);
    expect(curl).toContain(`-d '{"name":"O'\\''Brien"}'`);
  });
});
