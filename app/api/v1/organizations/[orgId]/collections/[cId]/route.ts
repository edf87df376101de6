import { z } from "zod";
import { organizationRoute } from "@/lib/api/handler";
import { groupAccessListSchema, memberAccessListSchema } from "@/lib/services/collections/access";
import { collectionNameSchema, deleteCollection, getCollection, updateCollection } from "@/lib/services/collections/collections";

export const GET = organizationRoute({ permission: "org.collections.manage" }, ({ organizationId, params }) => getCollection(organizationId, params.cId ?? ""));

const UpdateBody = z.strictObject({ name: collectionNameSchema.optional(), members: memberAccessListSchema.optional(), groups: groupAccessListSchema.optional() });

export const PATCH = organizationRoute({ permission: "org.collections.manage", body: UpdateBody }, ({ organizationId, params, body, actor, meta }) =>
  updateCollection({ organizationId, collectionId: params.cId ?? "", ...body }, { actor, meta }),
);

export const DELETE = organizationRoute({ permission: "org.collections.manage" }, ({ organizationId, params, actor, meta }) =>
  deleteCollection({ organizationId, collectionId: params.cId ?? "" }, { actor, meta }),
);
