// Route handlers for the member actions (confirm, revoke, restore, remove, re-invite), single
// (/members/{mId}/<action>) and bulk (/members/<action> with {ids}); the rules live in the service.
import { z } from "zod";
import { can } from "@/lib/authz/permissions";
import { isUuid } from "@/lib/authz/context";
import { notFound } from "@/lib/errors";
import { bulkMemberAction, memberAction, type MemberAction } from "@/lib/services/members/member-actions";
import { idListSchema } from "@/lib/validation";
import { organizationRoute } from "./handler";

export function memberActionRoute(action: MemberAction) {
  return organizationRoute({ permission: "org.members.manage" }, async ({ organizationId, params, access, actor, meta }) => {
    const id = params.mId ?? "";
    if (!isUuid(id)) throw notFound("member");
    const member = await memberAction(action, { organizationId, id, canManageOwners: can(access.roles, "org.owners.manage") }, { actor, meta });
    return member ?? { id, removed: true };
  });
}

const BulkBody = z.strictObject({ ids: idListSchema });

export function bulkMemberActionRoute(action: MemberAction) {
  return organizationRoute({ permission: "org.members.manage", body: BulkBody }, ({ organizationId, body, access, actor, meta }) =>
    bulkMemberAction(action, { organizationId, ids: body.ids, canManageOwners: can(access.roles, "org.owners.manage") }, { actor, meta }),
  );
}
