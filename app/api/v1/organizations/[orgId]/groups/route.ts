import { z } from "zod";
import { organizationRoute } from "@/lib/api/handler";
import { cursorSchema, limitSchema } from "@/lib/api/pagination";
import { created } from "@/lib/api/responses";
import { collectionAccessListSchema } from "@/lib/services/collections/access";
import { createGroup, listGroups } from "@/lib/services/groups/groups";
import { idSchema, nameSchema } from "@/lib/validation";

const ListQuery = z.object({ q: z.string().trim().max(200).optional(), limit: limitSchema, cursor: cursorSchema });

export const GET = organizationRoute({ permission: "org.groups.manage", query: ListQuery }, ({ organizationId, query }) => listGroups({ organizationId, ...query }));

const CreateBody = z.strictObject({
  name: nameSchema,
  memberIds: z.array(idSchema).max(5000, "Add at most 5,000 members at a time.").optional(),
  collections: collectionAccessListSchema.optional(),
});

export const POST = organizationRoute({ permission: "org.groups.manage", body: CreateBody }, async ({ organizationId, body, actor, meta }) =>
  created(await createGroup({ organizationId, ...body }, { actor, meta })),
);
