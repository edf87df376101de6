import { z } from "zod";
import { organizationRoute } from "@/lib/api/handler";
import { memberActionRoute } from "@/lib/api/member-action-routes";
import { isUuid } from "@/lib/authz/context";
import { can } from "@/lib/authz/permissions";
import { notFound } from "@/lib/errors";
import { changeMemberRole } from "@/lib/services/members/change-member-role";

const UpdateBody = z.strictObject({ role: z.enum(["OWNER", "ADMIN", "USER"], { message: "Choose Owner, Admin or User." }) });

export const PATCH = organizationRoute({ permission: "org.members.manage", body: UpdateBody }, ({ organizationId, params, body, access, actor, meta }) => {
  if (!isUuid(params.mId ?? "")) throw notFound("member");
  return changeMemberRole({ organizationId, memberId: params.mId!, role: body.role, canManageOwners: can(access.roles, "org.owners.manage") }, { actor, meta });
});

export const DELETE = memberActionRoute("remove");
