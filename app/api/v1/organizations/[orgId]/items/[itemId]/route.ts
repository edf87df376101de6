import { organizationRoute } from "@/lib/api/handler";
import { vaultReader } from "@/lib/services/vault/vault-reader";
import { getVaultItem } from "@/lib/services/vault/vault-items";

export const GET = organizationRoute({ permission: "org.items.read" }, ({ organizationId, access, params }) =>
  getVaultItem(organizationId, vaultReader(access), params.itemId ?? ""),
);
