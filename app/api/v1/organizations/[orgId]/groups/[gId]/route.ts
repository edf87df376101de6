import { z } from "zod";
import { organizationRoute } from "@/lib/api/handler";
import { collectionAccessListSchema } from "@/lib/services/collections/access";
import { deleteGroup, getGroup, updateGroup } from "@/lib/services/groups/groups";
import { idSchema, nameSchema } from "@/lib/validation";

export const GET = organizationRoute({ permission: "org.groups.manage" }, ({ organizationId, params }) => getGroup(organizationId, params.gId ?? ""));

const memberIds = z.array(idSchema).max(5000, "At most 5,000 members at a time.").optional();
const UpdateBody = z.strictObject({ name: nameSchema.optional(), addMemberIds: memberIds, removeMemberIds: memberIds, collections: collectionAccessListSchema.optional() });

export const PATCH = organizationRoute({ permission: "org.groups.manage", body: UpdateBody }, ({ organizationId, params, body, actor, meta }) =>
  updateGroup({ organizationId, groupId: params.gId ?? "", ...body }, { actor, meta }),
);

export const DELETE = organizationRoute({ permission: "org.groups.manage" }, ({ organizationId, params, actor, meta }) =>
  deleteGroup({ organizationId, groupId: params.gId ?? "" }, { actor, meta }),
);
