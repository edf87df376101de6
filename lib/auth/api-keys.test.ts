import { describe, expect, it } from "vitest";
import { apiKeyActor, apiKeyUser, bearerToken, type ApiKeyPrincipal } from "./api-keys";

const headers = (authorization?: string) => new Headers(authorization === undefined ? {} : { authorization });

describe("bearerToken", () => {
  it.each([
    [undefined, null],
    ["Basic dXNlcjpwYXNz", null],
    ["Digest username=x", null],
    ["Bearer pp_0123abcd_xyz", "pp_0123abcd_xyz"],
    ["bearer   pp_0123abcd_xyz  ", "pp_0123abcd_xyz"],
    ["Bearer", ""],
    ["Bearer ", ""],
  ])("%j → %j", (value, token) => expect(bearerToken(headers(value))).toBe(token));
});

const key: ApiKeyPrincipal = {
  id: "11111111-1111-4111-8111-111111111111",
  name: "PSA sync",
  prefix: "pp_0123abcd",
  role: "SERVICE_USER",
  provider: { id: "22222222-2222-4222-8222-222222222222", name: "Northwind", status: "ACTIVE", enabled: true, require2fa: false },
  creator: { userId: "33333333-3333-4333-8333-333333333333", name: "Alice", email: "alice@example.test" },
  membership: { id: "44444444-4444-4444-8444-444444444444", role: "PROVIDER_ADMIN", status: "CONFIRMED", clientScoped: false },
};

describe("a key's user and actor", () => {
  it("run as the creator, never with staff rights", () => {
    expect(apiKeyUser(key)).toEqual({ id: key.creator.userId, name: "Alice", email: "alice@example.test", isStaff: false, totpEnabled: false, passwordChangeRequired: false });
  });

  it("name the key and its creator in events, keeping the acting provider", () => {
    const actor = apiKeyActor({ userId: key.creator.userId, name: "Alice", email: "alice@example.test", actingProviderId: key.provider.id }, key);
    expect(actor).toEqual({
      userId: key.creator.userId,
      name: "API key “PSA sync” (created by Alice)",
      email: "alice@example.test",
      actingProviderId: key.provider.id,
      apiKey: { id: key.id, prefix: "pp_0123abcd" },
    });
  });
});
