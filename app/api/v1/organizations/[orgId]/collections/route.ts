import { z } from "zod";
import { organizationRoute } from "@/lib/api/handler";
import { cursorSchema, limitSchema } from "@/lib/api/pagination";
import { created } from "@/lib/api/responses";
import { groupAccessListSchema, memberAccessListSchema } from "@/lib/services/collections/access";
import { collectionNameSchema, createCollection, listCollections } from "@/lib/services/collections/collections";

const ListQuery = z.object({ q: z.string().trim().max(200).optional(), limit: limitSchema, cursor: cursorSchema });

export const GET = organizationRoute({ permission: "org.collections.manage", query: ListQuery }, ({ organizationId, query }) =>
  listCollections({ organizationId, ...query }),
);

const CreateBody = z.strictObject({ name: collectionNameSchema, members: memberAccessListSchema.optional(), groups: groupAccessListSchema.optional() });

export const POST = organizationRoute({ permission: "org.collections.manage", body: CreateBody }, async ({ organizationId, body, actor, meta }) =>
  created(await createCollection({ organizationId, ...body }, { actor, meta })),
);
