// GET /api/v1/admin/providers?q=&status=&enabled=&limit=&cursor= → {data: [{id, name, type, status, enabled, clientCount, seatsUnderManagement}], nextCursor}
// POST /api/v1/admin/providers {name, ownerEmail, type?} → 201 {id, status: "PENDING"}; mails the setup link. Staff only.
import { z } from "zod";
import { platformRoute } from "@/lib/api/handler";
import { cursorSchema, limitSchema } from "@/lib/api/pagination";
import { created } from "@/lib/api/responses";
import { createProvider } from "@/lib/services/providers/create-provider";
import { listProviders } from "@/lib/services/providers/list-providers";
import { CreateProviderBody } from "@/lib/services/providers/schemas";

const ListQuery = z.object({
  q: z.string().max(200, "Search for at most 200 characters.").optional(),
  status: z.enum(["PENDING", "ACTIVE"], { message: "status is PENDING or ACTIVE" }).optional(),
  enabled: z
    .enum(["true", "false"], { message: "enabled is true or false" })
    .transform((v) => v === "true")
    .optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});

export const GET = platformRoute({ permission: "platform.providers.read", query: ListQuery }, async ({ query }) => listProviders(query));

export const POST = platformRoute({ permission: "platform.providers.manage", body: CreateProviderBody }, async ({ body, actor, meta }) =>
  created(await createProvider(body, { actor, meta })),
);
