// Shared by the API key tests: a provider with two admins and a service user, its clients, another
// provider, an independent organization its admin owns personally, and calls made with a key.
import { POST as createKeyRoute } from "@/app/api/v1/providers/[id]/api-keys/route";
import { expect } from "vitest";
import { addProviderUser, createOrganization, createProvider, createUser, type TestUser } from "../support/factories";
import { call, type CallOptions, type CallResult } from "../support/http";

export async function keyWorld() {
  const alice = await createUser({ name: "Alice Admin" });
  const { provider, adminMembership } = await createProvider({ name: "Northwind IT", admin: alice });
  const bob = await createUser({ name: "Bob Admin" });
  const bobMembership = await addProviderUser(provider.id, bob, "PROVIDER_ADMIN", "CONFIRMED");
  const sam = await createUser({ name: "Sam Service" });
  const samMembership = await addProviderUser(provider.id, sam, "SERVICE_USER", "CONFIRMED");
  const olivia = await createUser({ name: "Olivia Owner" });
  const { organization: client } = await createOrganization({ name: "Contoso Dental", providerId: provider.id, owner: olivia, seats: 10 });
  const other = await createProvider({ name: "Other MSP" });
  const { organization: otherClient } = await createOrganization({ name: "Other Client", providerId: other.provider.id });
  // Alice owns this one personally; her keys must not reach it.
  const { organization: alicesOwn } = await createOrganization({ name: "Alice's Own Org", owner: alice });
  const outsider = await createUser({ name: "Otto Outsider" });
  const staff = await createUser({ name: "Stella Staff", isStaff: true });
  return {
    provider,
    alice,
    aliceMembership: adminMembership!,
    bob,
    bobMembership,
    sam,
    samMembership,
    olivia,
    client,
    otherProvider: other.provider,
    otherAdmin: other.admin!,
    otherClient,
    alicesOwn,
    outsider,
    staff,
  };
}
export type KeyWorld = Awaited<ReturnType<typeof keyWorld>>;

type Handler = Parameters<typeof call>[0];

/** Creates a key through the API as `admin`; returns the response body (with the one-time `secret`). */
export async function createKey(providerId: string, admin: TestUser, role: "PROVIDER_ADMIN" | "SERVICE_USER" = "PROVIDER_ADMIN", name = "PSA sync") {
  const res = await call(createKeyRoute, "POST", `/api/v1/providers/${providerId}/api-keys`, { as: admin, params: { id: providerId }, body: { name, role } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; name: string; prefix: string; role: string; status: string; secret: string };
}

/** A call authenticated only by the key (no session cookie unless `as` is given too). */
export function withKey<T = any>(handler: Handler, method: string, path: string, secret: string, options: CallOptions = {}): Promise<CallResult<T>> {
  return call<T>(handler, method, path, { ...options, headers: { authorization: `Bearer ${secret}`, ...options.headers } });
}
