import type { OrganizationAccess } from "@/lib/authz/context";
import { forbidden } from "@/lib/errors";
import type { VaultReader } from "./vault-items";

/** The confirmed membership that reads the vault. org.items.read is only granted through one. */
export function vaultReader(access: OrganizationAccess): VaultReader {
  if (!access.member || access.member.status !== "CONFIRMED") throw forbidden("Only the organization's confirmed members can view its vault items.");
  return { memberId: access.member.id, role: access.member.role };
}
