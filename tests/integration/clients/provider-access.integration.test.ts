// Entering a client's admin console is logged as PROVIDER_ORGANIZATION_VAULT_ACCESSED — once per
// member per client per five minutes, even when several requests arrive at the same moment.
import { describe, expect, it } from "vitest";
import { db, sql } from "@/lib/db/client";
import { recordProviderAccess } from "@/lib/services/organizations/record-provider-access";
import { addProviderUser, createUser } from "../support/factories";
import { eventsOf } from "../support/events";
import { clientWorld, type ClientWorld } from "./world";

const meta = { ip: "203.0.113.5", userAgent: "vitest" };

const enter = (w: ClientWorld, who: { id: string; name: string; email: string }, organization = w.client) =>
  recordProviderAccess(
    { providerId: w.provider.id, organizationId: organization.id, organizationName: organization.name },
    { actor: { userId: who.id, name: who.name, email: who.email }, meta },
  );

/** Moves every access event back in time, as if the entry happened `minutes` ago. */
const age = (minutes: number) =>
  sql().query(`UPDATE events SET occurred_at = occurred_at - make_interval(mins => $1) WHERE type = 'PROVIDER_ORGANIZATION_VAULT_ACCESSED'`, [minutes]);

describe("logging provider members' entries into a client", () => {
  it("logs the entry with the provider, the member and the request's origin", async () => {
    const w = await clientWorld();
    expect(await enter(w, w.admin)).toBe(true);
    const [event] = await eventsOf("PROVIDER_ORGANIZATION_VAULT_ACCESSED");
    expect(event).toMatchObject({
      providerId: w.provider.id,
      actingProviderId: w.provider.id,
      organizationId: w.client.id,
      actorUserId: w.admin.id,
      actorEmail: w.admin.email,
      targetType: "ORGANIZATION",
      targetId: w.client.id,
      targetName: "Contoso Dental",
      ip: "203.0.113.5",
      chainScope: `provider:${w.provider.id}`,
    });
  });

  it("does not log reloads within five minutes, and logs again after", async () => {
    const w = await clientWorld();
    expect(await enter(w, w.admin)).toBe(true);
    expect(await enter(w, w.admin)).toBe(false);
    await age(4);
    expect(await enter(w, w.admin)).toBe(false);
    await age(2);
    expect(await enter(w, w.admin)).toBe(true);
    expect(await eventsOf("PROVIDER_ORGANIZATION_VAULT_ACCESSED")).toHaveLength(2);
  });

  it("counts each member and each client separately", async () => {
    const w = await clientWorld();
    const second = await db.organization.create({ data: { name: "Second Client", billingEmail: "b@x.test", plan: "TEAMS_MONTHLY", seats: 5, providerId: w.provider.id } });
    expect(await enter(w, w.admin)).toBe(true);
    expect(await enter(w, w.serviceUser)).toBe(true);
    expect(await enter(w, w.admin, second)).toBe(true);
    expect(await enter(w, w.serviceUser, second)).toBe(true);
    expect(await enter(w, w.admin, second)).toBe(false);
    expect(await eventsOf("PROVIDER_ORGANIZATION_VAULT_ACCESSED")).toHaveLength(4);
  });

  it("logs one entry when many requests of one member arrive at the same moment", async () => {
    const w = await clientWorld();
    const other = await createUser({ name: "Tech Two" });
    await addProviderUser(w.provider.id, other, "SERVICE_USER", "CONFIRMED");
    const results = await Promise.all([...Array.from({ length: 8 }, () => enter(w, w.admin)), ...Array.from({ length: 4 }, () => enter(w, other))]);
    expect(results.filter(Boolean)).toHaveLength(2);
    const events = await eventsOf("PROVIDER_ORGANIZATION_VAULT_ACCESSED");
    expect(events.map((e) => e.actorUserId).sort()).toEqual([w.admin.id, other.id].sort());
  });
});
