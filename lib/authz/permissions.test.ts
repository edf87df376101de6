import { describe, expect, it } from "vitest";
import { can, grantedViaProvider, PERMISSIONS, type Permission } from "./permissions";

describe("the permission registry", () => {
  it("grants every permission to at least one role", () => {
    for (const [permission, roles] of Object.entries(PERMISSIONS)) expect(roles.length, permission).toBeGreaterThan(0);
  });

  it("never lets provider roles read a client's credentials (PRODUCT.md rule 5)", () => {
    expect(can(["PROVIDER_ADMIN"], "org.items.read")).toBe(false);
    expect(can(["SERVICE_USER"], "org.items.read")).toBe(false);
    expect(can(["ORG_USER"], "org.items.read")).toBe(true);
  });

  it("keeps provider billing from client owners of managed organizations (rule 9)", () => {
    expect(can(["ORG_OWNER"], "org.billing.read")).toBe(false);
    expect(can(["ORG_OWNER", "SELF_BILLED_OWNER"], "org.billing.read")).toBe(true);
  });

  it("reserves provider management to Provider Admins (rule 3)", () => {
    const adminOnly: Permission[] = ["provider.users.manage", "provider.clients.create", "provider.clients.remove", "provider.update"];
    for (const permission of adminOnly) {
      expect(can(["PROVIDER_ADMIN"], permission)).toBe(true);
      expect(can(["SERVICE_USER"], permission)).toBe(false);
      expect(can(["STAFF"], permission)).toBe(false);
    }
    expect(can(["SERVICE_USER"], "provider.events.read")).toBe(false);
  });

  it("attributes organization actions to the provider when a provider role grants them", () => {
    expect(grantedViaProvider(["ORG_OWNER", "PROVIDER_ADMIN"], "org.members.manage")).toBe(true);
    expect(grantedViaProvider(["ORG_OWNER"], "org.members.manage")).toBe(false);
    expect(grantedViaProvider(["PROVIDER_ADMIN", "ORG_USER"], "org.items.read")).toBe(false);
  });
});
