// Organization settings: name and billing email, ORGANIZATION_UPDATED with before/after.
import { describe, expect, it } from "vitest";
import * as org from "@/app/api/v1/organizations/[orgId]/route";
import { eventsOf } from "../support/events";
import { call } from "../support/http";
import { orgWorld } from "./support";

describe("organization settings", () => {
  it("shows the organization to its members and its provider", async () => {
    const w = await orgWorld();
    const res = await call(org.GET, "GET", "/x", { as: w.user.user, params: { orgId: w.organization.id } });
    expect(res.body).toMatchObject({ id: w.organization.id, name: "Contoso", plan: "TEAMS_MONTHLY", seats: 20, provider: { id: w.provider.id, name: "Acme MSP" } });
    expect(res.body).not.toHaveProperty("dataKeyWrapped");
  });

  it("updates name and billing email and logs only what changed", async () => {
    const w = await orgWorld();
    const res = await call(org.PATCH, "PATCH", "/x", { as: w.serviceUser, params: { orgId: w.organization.id }, body: { name: " Contoso Ltd ", billingEmail: "Billing@Contoso.test" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: "Contoso Ltd", billingEmail: "billing@contoso.test" });
    const [event] = await eventsOf("ORGANIZATION_UPDATED");
    expect(event).toMatchObject({
      targetName: "Contoso Ltd",
      actingProviderId: w.provider.id,
      details: { before: { name: "Contoso", billingEmail: "billing@client.test" }, after: { name: "Contoso Ltd", billingEmail: "billing@contoso.test" } },
    });
    await call(org.PATCH, "PATCH", "/x", { as: w.owner, params: { orgId: w.organization.id }, body: { name: "Contoso Ltd" } });
    expect(await eventsOf("ORGANIZATION_UPDATED")).toHaveLength(1);
  });

  it("answers 400 with fields for an empty name, a bad email or a field it does not own", async () => {
    const w = await orgWorld();
    const res = await call(org.PATCH, "PATCH", "/x", { as: w.owner, params: { orgId: w.organization.id }, body: { name: "  ", billingEmail: "nope", plan: "FREE" } });
    expect(res.status).toBe(400);
    // "plan" is not a setting of the organization's own: it is refused as an unknown key ("_").
    expect(Object.keys(res.body.error.fields).sort()).toEqual(["_", "billingEmail", "name"]);
  });
});
