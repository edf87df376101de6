// API key lifecycle: the secret is shown once and stored only as a hash; revoking, disabling the
// provider, demoting or removing the creator stop a key on its next request; use is recorded at
// most once a minute; each key has its own rate limit.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as disableRoute } from "@/app/api/v1/admin/providers/[id]/disable/route";
import { POST as enableRoute } from "@/app/api/v1/admin/providers/[id]/enable/route";
import { DELETE as revokeRoute } from "@/app/api/v1/providers/[id]/api-keys/[keyId]/route";
import { GET as listKeysRoute, POST as createKeyRoute } from "@/app/api/v1/providers/[id]/api-keys/route";
import { GET as clientsRoute } from "@/app/api/v1/providers/[id]/clients/route";
import { DELETE as removeMemberRoute, PATCH as changeRoleRoute } from "@/app/api/v1/providers/[id]/users/[puId]/route";
import { LAST_USED_RESOLUTION_MS } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { MAX_ACTIVE_API_KEYS } from "@/lib/services/api-keys/create-api-key";
import { eventsOf } from "../support/events";
import { addProviderUser } from "../support/factories";
import { call } from "../support/http";
import { createKey, keyWorld, withKey, type KeyWorld } from "./support";

const clientsPath = (w: KeyWorld) => `/api/v1/providers/${w.provider.id}/clients`;
const listClients = (w: KeyWorld, secret: string) => withKey(clientsRoute, "GET", clientsPath(w), secret, { params: { id: w.provider.id } });
const keysPath = (w: KeyWorld) => `/api/v1/providers/${w.provider.id}/api-keys`;

describe("creating an API key", () => {
  it("hands out the secret once and stores only its SHA-256 hash", async () => {
    const w = await keyWorld();
    const key = await createKey(w.provider.id, w.alice, "SERVICE_USER", "PSA sync");
    expect(key.secret).toMatch(/^pp_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(key).toMatchObject({ name: "PSA sync", role: "SERVICE_USER", status: "active", prefix: key.secret.slice(0, 11), createdBy: { id: w.alice.id, name: "Alice Admin" } });

    const row = await db.providerApiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.keyHash).toBe(createHash("sha256").update(key.secret).digest("hex"));
    const secretPart = key.secret.slice(12);
    expect(JSON.stringify(row)).not.toContain(secretPart);
    expect(row).toMatchObject({ role: "SERVICE_USER", createdById: w.alice.id, createdByMembershipId: w.aliceMembership.id, revokedAt: null, lastUsedAt: null });

    const list = await call(listKeysRoute, "GET", keysPath(w), { as: w.alice, params: { id: w.provider.id } });
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([expect.objectContaining({ id: key.id, name: "PSA sync", prefix: key.prefix, role: "SERVICE_USER", status: "active", lastUsedAt: null })]);
    expect(list.body.data[0]).not.toHaveProperty("secret");
    expect(list.text).not.toContain(secretPart);
    expect(list.text).not.toContain(row.keyHash);

    const [event] = await eventsOf("PROVIDER_API_KEY_CREATED");
    expect(event).toMatchObject({
      providerId: w.provider.id,
      actorUserId: w.alice.id,
      actorName: "Alice Admin",
      targetType: "PROVIDER_API_KEY",
      targetId: key.id,
      targetName: "PSA sync",
      details: { prefix: key.prefix, role: "SERVICE_USER" },
    });
    expect(JSON.stringify(await eventsOf(), (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(secretPart);

    const res = await listClients(w, key.secret);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.map((c: { name: string }) => c.name)).toEqual(["Contoso Dental"]);
  });

  it.each([
    [{ name: "", role: "SERVICE_USER" }, "name"],
    [{ name: "x".repeat(81), role: "SERVICE_USER" }, "name"],
    [{ name: "PSA", role: "OWNER" }, "role"],
    [{ name: "PSA" }, "role"],
    [{ name: "PSA", role: "SERVICE_USER", secret: "mine" }, "_"],
  ])("refuses %j with 400 naming %s, and creates nothing", async (body, field) => {
    const w = await keyWorld();
    const res = await call(createKeyRoute, "POST", keysPath(w), { as: w.alice, params: { id: w.provider.id }, body });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toContain(field);
    expect(await db.providerApiKey.count()).toBe(0);
    expect(await eventsOf("PROVIDER_API_KEY_CREATED")).toHaveLength(0);
  });

  it("refuses a second active key of the same name (409), and allows the name again once that key is revoked", async () => {
    const w = await keyWorld();
    const first = await createKey(w.provider.id, w.alice, "SERVICE_USER", "PSA sync");
    const again = await call(createKeyRoute, "POST", keysPath(w), { as: w.bob, params: { id: w.provider.id }, body: { name: "psa SYNC", role: "SERVICE_USER" } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("api_key_name_taken");
    await call(revokeRoute, "DELETE", `${keysPath(w)}/${first.id}`, { as: w.alice, params: { id: w.provider.id, keyId: first.id } });
    await createKey(w.provider.id, w.bob, "SERVICE_USER", "PSA sync");
    // Another provider may use the same name.
    await createKey(w.otherProvider.id, w.otherAdmin, "SERVICE_USER", "PSA sync");
  });

  it(`caps a provider at ${MAX_ACTIVE_API_KEYS} active keys (422); revoked keys do not count`, async () => {
    const w = await keyWorld();
    await db.providerApiKey.createMany({
      data: Array.from({ length: MAX_ACTIVE_API_KEYS }, (_, i) => ({
        providerId: w.provider.id,
        name: `Key ${i}`,
        prefix: `pp_${String(i).padStart(8, "0")}`,
        keyHash: `hash-${i}`,
        role: "SERVICE_USER" as const,
        createdById: w.alice.id,
        createdByMembershipId: w.aliceMembership.id,
      })),
    });
    const full = await call(createKeyRoute, "POST", keysPath(w), { as: w.alice, params: { id: w.provider.id }, body: { name: "One more", role: "SERVICE_USER" } });
    expect(full.status).toBe(422);
    expect(full.body.error.code).toBe("too_many_api_keys");
    await db.providerApiKey.updateMany({ where: { name: "Key 0" }, data: { revokedAt: new Date() } });
    await createKey(w.provider.id, w.alice, "SERVICE_USER", "One more");
  });
});

describe("revoking an API key", () => {
  it("refuses the key on its very next request with 401 api_key_revoked, and logs the revocation once", async () => {
    const w = await keyWorld();
    const key = await createKey(w.provider.id, w.alice);
    expect((await listClients(w, key.secret)).status).toBe(200);

    const revoke = () => call(revokeRoute, "DELETE", `${keysPath(w)}/${key.id}`, { as: w.bob, params: { id: w.provider.id, keyId: key.id } });
    const res = await revoke();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: key.id, status: "revoked", revokedAt: expect.any(String) });

    const refused = await listClients(w, key.secret);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe("api_key_revoked");
    expect(refused.headers.get("www-authenticate")).toContain("Bearer");

    expect((await revoke()).status).toBe(200);
    const events = await eventsOf("PROVIDER_API_KEY_REVOKED");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorUserId: w.bob.id, targetId: key.id, targetName: "PSA sync", details: { prefix: key.prefix, role: "PROVIDER_ADMIN" } });
  });

  it("refuses an unknown or malformed key id with 404", async () => {
    const w = await keyWorld();
    for (const keyId of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      const res = await call(revokeRoute, "DELETE", `${keysPath(w)}/${keyId}`, { as: w.alice, params: { id: w.provider.id, keyId } });
      expect(res.status).toBe(404);
    }
  });
});

describe("a key stops working at once when", () => {
  it("staff disable its provider (403 provider_disabled), and works again when they enable it", async () => {
    const w = await keyWorld();
    const key = await createKey(w.provider.id, w.alice);
    const disable = await call(disableRoute, "POST", `/api/v1/admin/providers/${w.provider.id}/disable`, { as: w.staff, params: { id: w.provider.id } });
    expect(disable.status).toBe(200);
    const refused = await listClients(w, key.secret);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("provider_disabled");
    await call(enableRoute, "POST", `/api/v1/admin/providers/${w.provider.id}/enable`, { as: w.staff, params: { id: w.provider.id } });
    expect((await listClients(w, key.secret)).status).toBe(200);
  });

  it("its creator is demoted to Service User: Provider Admin keys stop, Service User keys go on", async () => {
    const w = await keyWorld();
    const adminKey = await createKey(w.provider.id, w.alice, "PROVIDER_ADMIN", "Admin automation");
    const serviceKey = await createKey(w.provider.id, w.alice, "SERVICE_USER", "Seat sync");
    const demote = await call(changeRoleRoute, "PATCH", `/api/v1/providers/${w.provider.id}/users/${w.aliceMembership.id}`, {
      as: w.bob,
      params: { id: w.provider.id, puId: w.aliceMembership.id },
      body: { role: "SERVICE_USER" },
    });
    expect(demote.status, JSON.stringify(demote.body)).toBe(200);

    // Listing clients is allowed to Service Users: the refusal is the key's, not the route's.
    const refused = await listClients(w, adminKey.secret);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: "api_key_creator_lacks_role", message: expect.stringContaining("Provider Admin") });
    expect((await listClients(w, serviceKey.secret)).status).toBe(200);

    const list = await call(listKeysRoute, "GET", keysPath(w), { as: w.bob, params: { id: w.provider.id } });
    const byName = Object.fromEntries(list.body.data.map((k: { name: string }) => [k.name, k]));
    expect(byName["Admin automation"]).toMatchObject({ status: "creator_lacks_role", statusReason: expect.stringContaining("Provider Admin") });
    expect(byName["Seat sync"]).toMatchObject({ status: "active", statusReason: null });

    await call(changeRoleRoute, "PATCH", `/api/v1/providers/${w.provider.id}/users/${w.aliceMembership.id}`, {
      as: w.bob,
      params: { id: w.provider.id, puId: w.aliceMembership.id },
      body: { role: "PROVIDER_ADMIN" },
    });
    expect((await listClients(w, adminKey.secret)).status).toBe(200);
  });

  it("its creator is removed from the provider, for good: inviting them back does not revive it", async () => {
    const w = await keyWorld();
    const key = await createKey(w.provider.id, w.alice, "SERVICE_USER");
    const remove = await call(removeMemberRoute, "DELETE", `/api/v1/providers/${w.provider.id}/users/${w.aliceMembership.id}`, {
      as: w.bob,
      params: { id: w.provider.id, puId: w.aliceMembership.id },
    });
    expect(remove.status, JSON.stringify(remove.body)).toBe(200);
    const refused = await listClients(w, key.secret);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("api_key_creator_removed");

    await addProviderUser(w.provider.id, w.alice, "PROVIDER_ADMIN", "CONFIRMED");
    expect((await listClients(w, key.secret)).status).toBe(403);
    const list = await call(listKeysRoute, "GET", keysPath(w), { as: w.bob, params: { id: w.provider.id } });
    expect(list.body.data[0]).toMatchObject({ status: "creator_removed", createdBy: { id: w.alice.id } });
  });

  it("its creator's account is deleted", async () => {
    const w = await keyWorld();
    const key = await createKey(w.provider.id, w.alice, "SERVICE_USER");
    await db.user.delete({ where: { id: w.alice.id } });
    const refused = await listClients(w, key.secret);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("api_key_creator_removed");
  });
});

describe("last use", () => {
  it("is recorded on use, at most once per minute, and not for refused keys", async () => {
    const w = await keyWorld();
    const key = await createKey(w.provider.id, w.alice);
    const lastUsed = async () => (await db.providerApiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt;
    expect(await lastUsed()).toBeNull();

    await listClients(w, key.secret);
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    await listClients(w, key.secret);
    await listClients(w, key.secret);
    expect((await lastUsed())?.getTime()).toBe(first!.getTime());

    const longAgo = new Date(Date.now() - LAST_USED_RESOLUTION_MS - 5_000);
    await db.providerApiKey.update({ where: { id: key.id }, data: { lastUsedAt: longAgo } });
    await listClients(w, key.secret);
    expect((await lastUsed())!.getTime()).toBeGreaterThan(longAgo.getTime() + LAST_USED_RESOLUTION_MS);

    await db.providerApiKey.update({ where: { id: key.id }, data: { lastUsedAt: longAgo, revokedAt: new Date() } });
    await listClients(w, key.secret);
    expect((await lastUsed())!.getTime()).toBe(longAgo.getTime());
  });
});

describe("rate limit", () => {
  const saved = process.env.API_KEY_RATE_LIMIT;
  beforeAll(() => {
    process.env.API_KEY_RATE_LIMIT = "3";
    resetEnvCache();
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.API_KEY_RATE_LIMIT;
    else process.env.API_KEY_RATE_LIMIT = saved;
    resetEnvCache();
  });

  it("answers 429 with Retry-After once a key has used its requests, without affecting other keys", async () => {
    const w = await keyWorld();
    const busy = await createKey(w.provider.id, w.alice, "SERVICE_USER", "Busy");
    const calm = await createKey(w.provider.id, w.alice, "SERVICE_USER", "Calm");
    for (let i = 0; i < 3; i++) expect((await listClients(w, busy.secret)).status).toBe(200);
    const limited = await listClients(w, busy.secret);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: "rate_limited", message: expect.stringContaining("API key") });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await listClients(w, calm.secret)).status).toBe(200);
  });
});
