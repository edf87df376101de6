// Importing Bitwarden exports: preview, a realistic 10,000-item import in one transaction, the
// ciphertext at rest, folder/collection mapping, malformed files refused with nothing written, and
// the wrapper's raw-body limits.
import { describe, expect, it } from "vitest";
import * as importRoute from "@/app/api/v1/organizations/[orgId]/import/route";
import * as items from "@/app/api/v1/organizations/[orgId]/items/route";
import { organizationRoute, rawBody } from "@/lib/api/handler";
import { DecryptionError, unwrapDataKey } from "@/lib/crypto/envelope";
import { db, sql } from "@/lib/db/client";
import { decryptSecret } from "@/lib/vault/item";
import { createOrganization } from "../support/factories";
import { eventsOf } from "../support/events";
import { call } from "../support/http";
import { bitwardenExport } from "./bitwarden-export";
import { addCollection, dump, orgWorld } from "./support";

const path = "/api/v1/organizations/x/import";
const asJson = (json: string) => ({ rawBody: json, headers: { "content-type": "application/json" } });
const asCsv = (csv: string) => ({ rawBody: csv, headers: { "content-type": "text/csv; charset=utf-8" } });

async function nothingWritten(organizationId: string, collectionsBefore: number) {
  expect(await db.vaultItem.count({ where: { organizationId } })).toBe(0);
  expect(await db.collection.count({ where: { organizationId } })).toBe(collectionsBefore);
  expect(await db.importJob.count()).toBe(0);
  expect(await eventsOf("VAULT_ITEMS_IMPORTED")).toHaveLength(0);
  expect(await eventsOf("COLLECTION_CREATED")).toHaveLength(0);
}

describe("importing a realistic 10,000-item Bitwarden JSON export", () => {
  it("previews without writing, then imports everything in one transaction with secrets encrypted at rest", async () => {
    const { organization, owner } = await createOrganization({ seats: 10 });
    await addCollection(organization.id, "Default collection", { isDefault: true });
    await addCollection(organization.id, "Finance");
    const file = bitwardenExport(10_000);
    const bytes = Buffer.byteLength(file.json);

    const previewStart = performance.now();
    const preview = await call(importRoute.POST, "POST", path, { as: owner, params: { orgId: organization.id }, query: { preview: "true" }, ...asJson(file.json) });
    const previewMs = performance.now() - previewStart;
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body).toMatchObject({ preview: true, format: "bitwarden-json", imported: 10_000, byType: file.counts });
    const byName = Object.fromEntries(preview.body.collections.map((c: any) => [c.name, c]));
    expect(Object.keys(byName).sort()).toEqual([...file.folders, "Default collection"].sort());
    expect(byName.Finance.exists).toBe(true);
    expect(byName["Infrastructure/Servers"].exists).toBe(false);
    expect(preview.body.collections.reduce((n: number, c: any) => n + c.items, 0)).toBe(10_000);
    await nothingWritten(organization.id, 2);

    const start = performance.now();
    const res = await call(importRoute.POST, "POST", path, { as: owner, params: { orgId: organization.id }, ...asJson(file.json) });
    const importMs = performance.now() - start;
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ imported: 10_000, byType: file.counts, importJobId: expect.any(String) });
    expect(res.body.collectionsCreated.sort()).toEqual(file.folders.filter((f) => f !== "Finance").sort());
    console.log(`[import timing] ${(bytes / 1024 / 1024).toFixed(1)} MB, 10,000 items: preview ${previewMs.toFixed(0)} ms, import ${importMs.toFixed(0)} ms`);

    expect(await db.vaultItem.count({ where: { organizationId: organization.id } })).toBe(10_000);
    expect(await db.vaultItemCollection.count()).toBe(10_000);
    expect(await db.importJob.findUniqueOrThrow({ where: { id: res.body.importJobId } })).toMatchObject({ status: "COMPLETED", totalItems: 10_000, importedItems: 10_000 });
    const [event] = await eventsOf("VAULT_ITEMS_IMPORTED");
    expect(event).toMatchObject({ organizationId: organization.id, actorUserId: owner!.id });
    expect(event!.details).toEqual({ importJobId: res.body.importJobId, format: "bitwarden-json", imported: 10_000, byType: file.counts, collections: preview.body.collections.length, collectionsCreated: 9 });
    expect(await eventsOf("COLLECTION_CREATED")).toHaveLength(9);

    // At rest: read the rows directly. Nothing but names and types is readable.
    const rows = await sql().query<Record<string, unknown>>(`SELECT * FROM vault_items WHERE organization_id = $1 ORDER BY name LIMIT 2000`, [organization.id]);
    const atRest = dump(rows);
    const sample = file.secrets.filter((_, i) => i % 7 === 0);
    for (const secret of sample) expect(atRest.includes(secret), secret).toBe(false);
    for (const leak of ["contoso.example", "https://", "JBSWY3DP", "recovery phrase", "Springfield"]) expect(atRest).not.toContain(leak);
    const orgRow = dump(await sql().query(`SELECT * FROM organizations WHERE id = $1`, [organization.id]));
    const key = unwrapDataKey((await db.organization.findUniqueOrThrow({ where: { id: organization.id } })).dataKeyWrapped!, organization.id);
    expect(orgRow).not.toContain(key.toString("latin1"));

    // The ciphertext is bound to its organization and item: moved to another row, it does not decrypt.
    const [first, second] = await db.vaultItem.findMany({ where: { organizationId: organization.id }, take: 2, orderBy: { name: "asc" } });
    expect(decryptSecret(key, organization.id, first!.id, first!.ciphertext).favorite).toEqual(expect.any(Boolean));
    expect(() => decryptSecret(key, organization.id, second!.id, first!.ciphertext)).toThrow(DecryptionError);

    // And the owner reads back exactly what was exported.
    const source = JSON.parse(file.json).items.find((i: any) => i.type === 1 && i.fields.length && i.passwordHistory && i.notes);
    const listed = await call(items.GET, "GET", "/x", { as: owner, params: { orgId: organization.id }, query: { q: source.name } });
    const item = listed.body.data.find((i: any) => i.name === source.name);
    expect(item.data.login).toEqual({ username: source.login.username, password: source.login.password, totp: source.login.totp, uris: source.login.uris.map((u: any) => ({ uri: u.uri, match: u.match })) });
    expect(item.data.notes).toBe(source.notes);
    expect(item.data.fields).toEqual([{ name: "PIN", value: source.fields[0].value, type: "hidden" }, { name: "Department", value: "IT", type: "text" }]);
    expect(item.data.passwordHistory).toEqual(source.passwordHistory);
    expect(dump(event)).not.toContain(source.login.password);
  });
});

describe("mapping folders and collections", () => {
  it("puts an organization export's items into its collections, and items without one into the default collection (created when missing)", async () => {
    const { organization, owner } = await createOrganization();
    const file = bitwardenExport(60, { organization: true, seed: 7 });
    const res = await call(importRoute.POST, "POST", path, { as: owner, params: { orgId: organization.id }, ...asJson(file.json) });
    expect(res.status, res.text).toBe(201);
    const defaultCollection = await db.collection.findFirstOrThrow({ where: { organizationId: organization.id, isDefault: true } });
    expect(defaultCollection.name).toBe("Default collection");
    const source = JSON.parse(file.json);
    const nameOf = new Map(source.collections.map((c: any) => [c.id, c.name]));
    for (const raw of source.items.slice(0, 20)) {
      const stored = await db.vaultItem.findFirstOrThrow({ where: { organizationId: organization.id, name: raw.name }, include: { collections: { include: { collection: true } } } });
      const expected = raw.collectionIds.length ? raw.collectionIds.map((id: string) => nameOf.get(id)) : ["Default collection"];
      expect(stored.collections.map((c) => c.collection.name)).toEqual(expected);
    }
  });

  it("imports Bitwarden's CSV (personal and organization variants): multi-line notes, custom fields, several URIs", async () => {
    const { organization, owner } = await createOrganization();
    const personal = [
      "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp",
      'Social,1,login,Twitter,"line one\nline two","PIN: 1234\nColor: blue",0,"https://twitter.com,https://x.com",me@example.test,"pa,ss""word",otpauth://totp/x?secret=ABC',
      ",,note,Wifi,\"SSID home\",,,,,,",
    ].join("\n");
    const res = await call(importRoute.POST, "POST", path, { as: owner, params: { orgId: organization.id }, ...asCsv(personal) });
    expect(res.status, res.text).toBe(201);
    expect(res.body.byType).toEqual({ LOGIN: 1, SECURE_NOTE: 1, CARD: 0, IDENTITY: 0 });
    const listed = await call(items.GET, "GET", "/x", { as: owner, params: { orgId: organization.id } });
    const twitter = listed.body.data.find((i: any) => i.name === "Twitter");
    expect(twitter.data).toMatchObject({
      notes: "line one\nline two",
      favorite: true,
      fields: [{ name: "PIN", value: "1234", type: "text" }, { name: "Color", value: "blue", type: "text" }],
      login: { username: "me@example.test", password: 'pa,ss"word', totp: "otpauth://totp/x?secret=ABC", uris: [{ uri: "https://twitter.com", match: null }, { uri: "https://x.com", match: null }] },
    });
    const org = ["collections,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp", '"Finance,Shared/Banking",login,Bank,,,0,https://bank.test,acct,pw,'].join("\n");
    const orgRes = await call(importRoute.POST, "POST", path, { as: owner, params: { orgId: organization.id }, query: { preview: "true" }, ...asCsv(org) });
    expect(orgRes.body.collections).toEqual([
      { name: "Finance", items: 1, exists: false },
      { name: "Shared/Banking", items: 1, exists: false },
    ]);
  });

  it("is logged with the provider when a provider member imports, and can stream its progress", async () => {
    const w = await orgWorld();
    const file = bitwardenExport(2500, { seed: 3 });
    const res = await call(importRoute.POST, "POST", path, { as: w.serviceUser, params: { orgId: w.organization.id }, headers: { "content-type": "application/json", accept: "application/x-ndjson" }, rawBody: file.json });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = res.text.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.progress).map((l) => l.progress.done)).toEqual([0, 1000, 2000, 2500]);
    expect(lines.at(-1)).toMatchObject({ result: { imported: 2500 } });
    const [event] = await eventsOf("VAULT_ITEMS_IMPORTED");
    expect(event).toMatchObject({ actorUserId: w.serviceUser.id, actingProviderId: w.provider.id, providerId: w.provider.id });
  });
});

describe("malformed files are refused with the line or field named, and nothing is written", () => {
  const good = bitwardenExport(3, { seed: 9 });
  const withItem = (patch: (items: any[]) => void) => {
    const data = JSON.parse(good.json);
    patch(data.items);
    return JSON.stringify(data);
  };
  const header = "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp";
  const cases: { name: string; body: ReturnType<typeof asJson>; message: RegExp; field?: string }[] = [
    { name: "JSON syntax error", body: asJson('{\n  "items": [\n    {"type": 1,, }\n  ]\n}'), message: /not valid JSON.*line 3/, field: "line 3" },
    { name: "not an export", body: asJson('{"hello": "world"}'), message: /not a Bitwarden JSON export \(items: expected a list of items\)/, field: "items" },
    { name: "encrypted export", body: asJson('{"encrypted": true, "items": []}'), message: /encrypted/, field: "encrypted" },
    { name: "wrong field type", body: asJson(withItem((i) => (i[1].login = { password: 42 }))), message: /Item 2 .*items\[1\]\.login\.password: expected text or null/, field: "items[1].login.password" },
    { name: "missing name", body: asJson(withItem((i) => delete i[2].name)), message: /items\[2\]\.name/, field: "items[2].name" },
    { name: "unsupported type", body: asJson(withItem((i) => (i[0].type = 5))), message: /items\[0\]\.type: type 5 cannot be imported/, field: "items[0].type" },
    { name: "unknown folder", body: asJson(withItem((i) => (i[0].folderId = "nope"))), message: /no folder with id nope/, field: "items[0].folderId" },
    { name: "no items", body: asJson('{"encrypted": false, "items": []}'), message: /no items/ },
    { name: "CSV with other columns", body: asCsv("url,username,password\nhttps://a,b,c"), message: /Line 1: unknown columns "url", "username", "password"/, field: "line 1" },
    { name: "CSV wrong type", body: asCsv(`${header}\n,,login,A,,,,,,,\n,,card,B,,,,,,,`), message: /Line 3: type must be "login" or "note", not "card"/, field: "line 3" },
    { name: "CSV unclosed quote", body: asCsv(`${header}\n,,login,A,,,,,,,\n,,note,"B,,,,,,,,\n`), message: /Line 3: a quoted value is never closed/, field: "line 3" },
    { name: "CSV ragged row", body: asCsv(`${header}\n,,login,A,"multi\nline",,,,,,\n,,login,B,,,`), message: /Line 4: the row has a different number of values/, field: "line 4" },
    { name: "CSV empty name", body: asCsv(`${header}\n,,login,,,,,,,,`), message: /Line 2: the name is empty/ },
    { name: "CSV bad favorite", body: asCsv(`${header}\n,yes,login,A,,,,,,,`), message: /Line 2: favorite must be 1, 0 or empty, not "yes"/ },
  ];

  it.each(cases)("$name", async ({ body, message, field }) => {
    const { organization, owner } = await createOrganization();
    await addCollection(organization.id, "Default collection", { isDefault: true });
    for (const preview of ["true", "false"]) {
      const res = await call(importRoute.POST, "POST", path, { as: owner, params: { orgId: organization.id }, query: { preview }, ...body });
      expect(res.status, res.text).toBe(400);
      expect(res.body.error.code).toBe("invalid_import_file");
      expect(res.body.error.message).toMatch(message);
      if (field) expect(Object.keys(res.body.error.fields)).toEqual([field]);
    }
    await nothingWritten(organization.id, 1);
  });

  it("writes nothing when the last of 10,000 items is broken", async () => {
    const { organization, owner } = await createOrganization();
    const data = JSON.parse(bitwardenExport(10_000, { seed: 11 }).json);
    data.items[9_999].login = { uris: "https://not-a-list" };
    data.items[9_999].type = 1;
    const res = await call(importRoute.POST, "POST", path, { as: owner, params: { orgId: organization.id }, ...asJson(JSON.stringify(data)) });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Item 10000 .*items\[9999\]\.login\.uris: expected a list of URIs or null/);
    await nothingWritten(organization.id, 0);
  });
});

describe("file uploads through the route wrapper", () => {
  const echo = organizationRoute({ permission: "org.import", body: rawBody({ contentTypes: ["text/csv"], maxBytes: 64 }) }, async ({ body }) => body);

  it("hands the handler the text, refuses other content types (415), oversized bodies (413) and empty ones (400)", async () => {
    const w = await orgWorld();
    const as = { as: w.owner, params: { orgId: w.organization.id } };
    const ok = await call(echo, "POST", path, { ...as, rawBody: "\uFEFFa,b\n1,2", headers: { "content-type": "text/csv; charset=utf-8" } });
    expect(ok.body).toEqual({ contentType: "text/csv", text: "a,b\n1,2", bytes: 10 });
    expect((await call(echo, "POST", path, { ...as, rawBody: "a,b", headers: { "content-type": "application/pdf" } })).status).toBe(415);
    const big = await call(echo, "POST", path, { ...as, rawBody: "x".repeat(65), headers: { "content-type": "text/csv" } });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe("payload_too_large");
    expect((await call(echo, "POST", path, { ...as, rawBody: "", headers: { "content-type": "text/csv" } })).status).toBe(400);
    const latin1 = await call(echo, "POST", path, { ...as, rawBody: Buffer.from([0xe9, 0x2c, 0x61]) as unknown as string, headers: { "content-type": "text/csv" } });
    expect(latin1.body.error.code).toBe("invalid_encoding");
  });
});
