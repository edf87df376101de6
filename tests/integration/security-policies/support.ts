// Shared by the security policy tests: turning a policy on through the API, giving an account
// two-step login without the authenticator dance (the policies only look at whether it is on), and
// a member with an account in a given role and status.
import * as policy from "@/app/api/v1/organizations/[orgId]/policies/[type]/route";
import { db } from "@/lib/db/client";
import type { MemberStatus, OrganizationRole } from "@/lib/db/generated/client.ts";
import { createUser, type TestUser } from "../support/factories";
import { call } from "../support/http";

export async function putPolicy(as: TestUser, organizationId: string, type: string, enabled: boolean, settings?: Record<string, unknown>) {
  return call(policy.PUT, "PUT", `/api/v1/organizations/${organizationId}/policies/${type}`, {
    as,
    params: { orgId: organizationId, type },
    body: settings ? { enabled, settings } : { enabled },
  });
}

export async function withTwoFactor<U extends { id: string }>(user: U): Promise<U & { totpEnabled: true }> {
  await db.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date() } });
  return { ...user, totpEnabled: true };
}

export async function member(organizationId: string, role: OrganizationRole, status: MemberStatus, options: { twoFactor?: boolean; user?: TestUser } = {}) {
  let user = options.user ?? (await createUser({ name: `${role.toLowerCase()} ${status.toLowerCase()}` }));
  if (options.twoFactor) user = await withTwoFactor(user);
  const row = await db.organizationMember.create({
    data: {
      organizationId,
      userId: status === "INVITED" ? null : user.id,
      email: user.email,
      role,
      status,
      ...(status === "REVOKED" ? { statusBeforeRevoke: "CONFIRMED" as const } : {}),
    },
  });
  return { user, member: row };
}
