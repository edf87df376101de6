// A client's owner accepts the invitation a provider's admin sent when creating the client
// (and any other organization invitation): only the invited address, only once, only in time.
import { describe, expect, it } from "vitest";
import { POST as acceptRoute } from "@/app/api/v1/organizations/[orgId]/members/[mId]/accept/route";
import { POST as createRoute } from "@/app/api/v1/providers/[id]/clients/route";
import { db } from "@/lib/db/client";
import { describeMemberInvitation } from "@/lib/services/organizations/accept-member-invitation";
import { createUser } from "../support/factories";
import { eventsOf } from "../support/events";
import { call } from "../support/http";
import { tokenFromMail } from "./outbox";
import { clientWorld, newClientBody } from "./world";

async function invitedOwner(ownerEmail = "owner@fabrikam.test") {
  const w = await clientWorld();
  const res = await call(createRoute, "POST", `/api/v1/providers/${w.provider.id}/clients`, {
    as: w.admin,
    params: { id: w.provider.id },
    body: newClientBody({ ownerEmail }),
  });
  expect(res.status).toBe(201);
  const member = await db.organizationMember.findFirstOrThrow({ where: { organizationId: res.body.id } });
  return { w, organizationId: res.body.id as string, memberId: member.id, token: tokenFromMail(ownerEmail).token };
}

const accept = (organizationId: string, memberId: string, as: { id: string } | null, token: unknown) =>
  call(acceptRoute, "POST", `/api/v1/organizations/${organizationId}/members/${memberId}/accept`, { as, params: { orgId: organizationId, mId: memberId }, body: { token } });

describe("POST /api/v1/organizations/{orgId}/members/{mId}/accept", () => {
  it("lets the invited person accept once: INVITED → ACCEPTED, linked to their account, logged as MEMBER_ACCEPTED", async () => {
    const { organizationId, memberId, token } = await invitedOwner();
    const owner = await createUser({ email: "owner@fabrikam.test", name: "Fiona Fabrikam" });
    const res = await accept(organizationId, memberId, owner, token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ organizationId, memberId, status: "ACCEPTED" });
    expect(await db.organizationMember.findUniqueOrThrow({ where: { id: memberId } })).toMatchObject({ status: "ACCEPTED", userId: owner.id, role: "OWNER" });
    const [event] = await eventsOf("MEMBER_ACCEPTED");
    expect(event).toMatchObject({ organizationId, actorUserId: owner.id, actingProviderId: null, targetId: memberId, details: { role: "OWNER" } });
    expect(JSON.stringify(event!.details)).not.toContain(token);
    // Still occupies its one seat.
    expect((await db.organization.findUniqueOrThrow({ where: { id: organizationId } })).occupiedSeats).toBe(1);

    const again = await accept(organizationId, memberId, owner, token);
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe("invitation_used");
  });

  it("refuses another signed-in account with 403, naming the invited address, and leaves the invitation open", async () => {
    const { organizationId, memberId, token } = await invitedOwner();
    const someoneElse = await createUser({ email: "intruder@example.test" });
    const res = await accept(organizationId, memberId, someoneElse, token);
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: "wrong_account" });
    expect(res.body.error.message).toContain("owner@fabrikam.test");
    expect((await db.organizationMember.findUniqueOrThrow({ where: { id: memberId } })).status).toBe("INVITED");
    expect(await eventsOf("MEMBER_ACCEPTED")).toEqual([]);
  });

  it("refuses an expired invitation with 410", async () => {
    const { organizationId, memberId, token } = await invitedOwner();
    await db.organizationMember.update({ where: { id: memberId }, data: { inviteExpiresAt: new Date(Date.now() - 1000) } });
    const owner = await createUser({ email: "owner@fabrikam.test" });
    const res = await accept(organizationId, memberId, owner, token);
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe("invitation_expired");
  });

  it("refuses a wrong or replaced token with 410 and reveals nothing about the invitation", async () => {
    const { organizationId, memberId } = await invitedOwner();
    const owner = await createUser({ email: "owner@fabrikam.test" });
    const res = await accept(organizationId, memberId, owner, "a-guessed-token");
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe("invitation_invalid");
    expect(await describeMemberInvitation(organizationId, memberId, "a-guessed-token")).toEqual({
      state: "invalid",
      organizationName: null,
      email: null,
      role: null,
      passwordRules: [],
      twoFactorRequired: false,
    });
  });

  it("answers 404 for a member id of another organization, or an id that is not one", async () => {
    const { w, memberId, token } = await invitedOwner();
    const owner = await createUser({ email: "owner@fabrikam.test" });
    expect((await accept(w.client.id, memberId, owner, token)).status).toBe(404);
    expect((await accept("nope", "nope", owner, token)).status).toBe(404);
  });

  it("answers 401 when signed out and 400 without a token", async () => {
    const { organizationId, memberId, token } = await invitedOwner();
    expect((await accept(organizationId, memberId, null, token)).status).toBe(401);
    const owner = await createUser({ email: "owner@fabrikam.test" });
    const res = await accept(organizationId, memberId, owner, "");
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty("token");
  });

  it("describes a valid invitation to the holder of its link (for the invitation page)", async () => {
    const { organizationId, memberId, token } = await invitedOwner();
    expect(await describeMemberInvitation(organizationId, memberId, token)).toEqual({
      state: "valid",
      organizationName: "Fabrikam Legal",
      email: "owner@fabrikam.test",
      role: "OWNER",
      passwordRules: [],
      twoFactorRequired: false,
    });
  });

  it("lets only one of two simultaneous accepts through", async () => {
    const { organizationId, memberId, token } = await invitedOwner();
    const owner = await createUser({ email: "owner@fabrikam.test" });
    const results = await Promise.all([accept(organizationId, memberId, owner, token), accept(organizationId, memberId, owner, token)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 410]);
    expect(await eventsOf("MEMBER_ACCEPTED")).toHaveLength(1);
  });
});
