import { z } from "zod";
import { organizationRoute } from "@/lib/api/handler";
import { cursorSchema, limitSchema } from "@/lib/api/pagination";
import { vaultReader } from "@/lib/services/vault/vault-reader";
import { listVaultItems } from "@/lib/services/vault/vault-items";
import { idSchema } from "@/lib/validation";

const ListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  type: z.enum(["LOGIN", "SECURE_NOTE", "CARD", "IDENTITY"]).optional(),
  collectionId: idSchema.optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});

/** The organization's own members only (provider members: 403); secrets per collection permission. */
export const GET = organizationRoute({ permission: "org.items.read", query: ListQuery }, ({ organizationId, access, query }) =>
  listVaultItems({ organizationId, reader: vaultReader(access), ...query }),
);
