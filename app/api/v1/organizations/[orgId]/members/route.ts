import { z } from "zod";
import { created } from "@/lib/api/responses";
import { organizationRoute } from "@/lib/api/handler";
import { bulkMemberActionRoute } from "@/lib/api/member-action-routes";
import { cursorSchema, limitSchema } from "@/lib/api/pagination";
import { can } from "@/lib/authz/permissions";
import { inviteMembers, MAX_INVITES_PER_REQUEST } from "@/lib/services/members/invite-members";
import { listMembers, memberSummary } from "@/lib/services/members/list-members";
import { emailSchema, splitEmails } from "@/lib/validation";

const ListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(["INVITED", "ACCEPTED", "CONFIRMED", "REVOKED"]).optional(),
  role: z.enum(["OWNER", "ADMIN", "USER"]).optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});

export const GET = organizationRoute({ permission: "org.members.read", query: ListQuery }, async ({ organizationId, query }) => {
  const [page, summary] = await Promise.all([listMembers({ organizationId, ...query }), memberSummary(organizationId)]);
  return { ...page, summary };
});

const InviteBody = z.strictObject({
  emails: z
    .union([z.string(), z.array(z.string())], { message: "Enter one or more email addresses." })
    .transform(splitEmails)
    .pipe(
      z
        .array(emailSchema)
        .min(1, "Enter at least one email address.")
        .max(MAX_INVITES_PER_REQUEST, `Invite at most ${MAX_INVITES_PER_REQUEST} people at a time.`),
    ),
  role: z.enum(["OWNER", "ADMIN", "USER"], { message: "Choose Owner, Admin or User." }),
});

export const POST = organizationRoute({ permission: "org.members.manage", body: InviteBody }, async ({ organizationId, body, access, actor, meta }) =>
  created(await inviteMembers({ organizationId, emails: body.emails, role: body.role, canManageOwners: can(access.roles, "org.owners.manage") }, { actor, meta })),
);

/** Bulk remove: {ids}. */
export const DELETE = bulkMemberActionRoute("remove");
