// GET and PATCH /api/v1/providers/{id}: the provider's own settings.
import { describe, expect, it } from "vitest";
import { GET, PATCH } from "@/app/api/v1/providers/[id]/route";
import { db } from "@/lib/db/client";
import { createOrganization, createProvider } from "../support/factories";
import { eventsOf } from "../support/events";
import { call } from "../support/http";

describe("GET /api/v1/providers/{id}", () => {
  it("describes the provider with its client totals and number of confirmed admins", async () => {
    const { provider, admin } = await createProvider({ name: "Acme MSP" });
    await createOrganization({ providerId: provider.id, plan: "TEAMS_MONTHLY", seats: 12, owner: null });
    const res = await call(GET, "GET", `/api/v1/providers/${provider.id}`, { as: admin!, params: { id: provider.id } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: provider.id,
      name: "Acme MSP",
      billingEmail: "billing@provider.test",
      type: "MSP",
      status: "ACTIVE",
      enabled: true,
      billingMode: "PER_CLIENT",
      clientCount: 1,
      seats: 12,
      seatsUnderManagement: 12,
      confirmedAdmins: 1,
    });
  });
});

describe("PATCH /api/v1/providers/{id}", () => {
  it("updates name, business name and billing email, logging only the changed fields before and after", async () => {
    const { provider, admin } = await createProvider({ name: "Acme MSP" });
    const res = await call(PATCH, "PATCH", `/api/v1/providers/${provider.id}`, {
      as: admin!,
      params: { id: provider.id },
      body: { name: "Acme Managed Services", businessName: "Acme Managed Services Inc.", billingEmail: "BILLING@provider.test" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: "Acme Managed Services", businessName: "Acme Managed Services Inc.", billingEmail: "billing@provider.test" });
    const [event] = await eventsOf("PROVIDER_UPDATED");
    expect(event).toMatchObject({
      actorUserId: admin!.id,
      providerId: provider.id,
      targetName: "Acme Managed Services",
      details: { before: { name: "Acme MSP", businessName: null }, after: { name: "Acme Managed Services", businessName: "Acme Managed Services Inc." } },
    });
  });

  it("clears the business name with an empty string, and writes no event when nothing changes", async () => {
    const { provider, admin } = await createProvider();
    await db.provider.update({ where: { id: provider.id }, data: { businessName: "Old Ltd" } });
    const params = { id: provider.id };
    expect((await call(PATCH, "PATCH", `/api/v1/providers/${provider.id}`, { as: admin!, params, body: { businessName: "" } })).body.businessName).toBeNull();
    expect(await eventsOf("PROVIDER_UPDATED")).toHaveLength(1);
    expect((await call(PATCH, "PATCH", `/api/v1/providers/${provider.id}`, { as: admin!, params, body: { name: provider.name } })).status).toBe(200);
    expect(await eventsOf("PROVIDER_UPDATED")).toHaveLength(1);
  });

  it("answers 400 with fields for an empty name or a bad billing email, changing nothing", async () => {
    const { provider, admin } = await createProvider({ name: "Keep Me" });
    const res = await call(PATCH, "PATCH", `/api/v1/providers/${provider.id}`, { as: admin!, params: { id: provider.id }, body: { name: "  ", billingEmail: "nope" } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(["billingEmail", "name"]);
    expect((await db.provider.findUniqueOrThrow({ where: { id: provider.id } })).name).toBe("Keep Me");
  });
});
