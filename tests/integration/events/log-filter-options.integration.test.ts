import { describe, expect, it } from "vitest";
import { actorLabelInLog, actorOptions, resolveClient } from "@/lib/services/events/log-filter-options";
import { createOrganization, createUser } from "../support/factories";
import { actorOf, meta, providerWorld, record } from "./log-fixtures";

describe("the client field of the provider log", () => {
  it("resolves a typed name among the provider's own clients only", async () => {
    const w = await providerWorld();
    await createOrganization({ name: "Contoso Dental Labs", providerId: w.provider.id, owner: null });
    const p = w.provider.id;
    expect(await resolveClient(p, { id: "", text: "" })).toEqual({ kind: "all" });
    // An exact name wins over longer names containing it.
    expect(await resolveClient(p, { id: "", text: "contoso dental" })).toEqual({ kind: "one", id: w.client.id, name: "Contoso Dental" });
    expect(await resolveClient(p, { id: "", text: "fabri" })).toEqual({ kind: "one", id: w.otherClient.id, name: "Fabrikam Legal" });
    expect(await resolveClient(p, { id: "", text: "contoso" })).toMatchObject({ kind: "several", matches: [{ name: "Contoso Dental" }, { name: "Contoso Dental Labs" }] });
    // Another provider's client is not found by name, nor by id.
    expect(await resolveClient(p, { id: "", text: "Elsewhere" })).toEqual({ kind: "none", query: "Elsewhere" });
    expect(await resolveClient(p, { id: w.otherOrg.id, text: "" })).toEqual({ kind: "all" });
    // A chosen id holds while the text still names it; edited text is searched again.
    expect(await resolveClient(p, { id: w.client.id, text: "Contoso Dental" })).toEqual({ kind: "one", id: w.client.id, name: "Contoso Dental" });
    expect(await resolveClient(p, { id: w.client.id, text: "Fabrikam" })).toMatchObject({ kind: "one", id: w.otherClient.id });
  });
});

describe("the 'done by' choices", () => {
  it("are the provider's members on the provider log, and the organization's and its provider's members on an organization log", async () => {
    const w = await providerWorld();
    const providerList = (await actorOptions({ kind: "provider", providerId: w.provider.id })).map((a) => a.id);
    expect(providerList.sort()).toEqual([w.admin.id, w.serviceUser.id].sort());
    const orgList = (await actorOptions({ kind: "organization", organizationId: w.client.id })).map((a) => a.id);
    expect(orgList.sort()).toEqual([w.admin.id, w.serviceUser.id, w.clientOwner.id, w.orgAdmin.id, w.orgUser.id].sort());
    const independent = await createOrganization({ name: "Solo Co" });
    expect((await actorOptions({ kind: "organization", organizationId: independent.organization.id })).map((a) => a.id)).toEqual([independent.owner!.id]);
  });

  it("name someone outside the lists only as they appear in this log", async () => {
    const w = await providerWorld();
    const stranger = await createUser({ name: "Sam Staff Two", email: "sam2@example.test" });
    expect(await actorLabelInLog({ kind: "provider", providerId: w.provider.id }, stranger.id)).toBeNull();
    await record([{ type: "PROVIDER_ENABLED", actor: actorOf(stranger), meta, providerId: w.provider.id }]);
    expect(await actorLabelInLog({ kind: "provider", providerId: w.provider.id }, stranger.id)).toBe("Sam Staff Two (sam2@example.test)");
    expect(await actorLabelInLog({ kind: "provider", providerId: w.otherProvider.id }, stranger.id)).toBeNull();
  });
});
