import { describe, expect, it } from "vitest";
import { apiKeyStanding, type StandingFacts } from "./standing";

const CREATOR = "11111111-1111-4111-8111-111111111111";
const active: StandingFacts = {
  role: "PROVIDER_ADMIN",
  revokedAt: null,
  createdById: CREATOR,
  provider: { enabled: true, status: "ACTIVE" },
  membership: { userId: CREATOR, role: "PROVIDER_ADMIN", status: "CONFIRMED" },
};

describe("apiKeyStanding", () => {
  it("is active while the creator still holds the key's role in an enabled provider", () => {
    expect(apiKeyStanding(active)).toBe("active");
    expect(apiKeyStanding({ ...active, role: "SERVICE_USER" })).toBe("active");
  });

  it.each<[string, Partial<StandingFacts>, string]>([
    ["revoked", { revokedAt: new Date() }, "revoked"],
    ["provider disabled", { provider: { enabled: false, status: "ACTIVE" } }, "provider_disabled"],
    ["provider pending", { provider: { enabled: true, status: "PENDING" } }, "provider_disabled"],
    ["creator removed", { membership: null }, "creator_removed"],
    ["creator account deleted", { createdById: null }, "creator_removed"],
    ["membership belongs to someone else", { membership: { userId: "22222222-2222-4222-8222-222222222222", role: "PROVIDER_ADMIN", status: "CONFIRMED" } }, "creator_removed"],
    ["admin key, creator demoted", { membership: { userId: CREATOR, role: "SERVICE_USER", status: "CONFIRMED" } }, "creator_lacks_role"],
    ["creator not confirmed", { membership: { userId: CREATOR, role: "PROVIDER_ADMIN", status: "ACCEPTED" } }, "creator_lacks_role"],
  ])("%s → %s", (_name, change, expected) => {
    expect(apiKeyStanding({ ...active, ...change })).toBe(expected);
  });

  it("keeps a Service User key working after its creator is demoted to Service User", () => {
    expect(apiKeyStanding({ ...active, role: "SERVICE_USER", membership: { userId: CREATOR, role: "SERVICE_USER", status: "CONFIRMED" } })).toBe("active");
  });

  it("says revoked before anything else", () => {
    expect(apiKeyStanding({ ...active, revokedAt: new Date(), membership: null, provider: { enabled: false, status: "ACTIVE" } })).toBe("revoked");
  });
});
