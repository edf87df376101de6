// Whether an API key works right now, and why not. A key acts with its own role, but never with more
// than the membership it was created through holds at the time of the call: it stops working the
// moment it is revoked, its provider is disabled, or its creator is removed or loses that role.
import type { ProviderUserRole, ProviderUserStatus } from "@/lib/db/generated/enums";

export type ApiKeyStanding = "active" | "revoked" | "provider_disabled" | "creator_removed" | "creator_lacks_role";

export interface StandingFacts {
  role: ProviderUserRole;
  revokedAt: Date | null;
  createdById: string | null;
  provider: { enabled: boolean; status: "PENDING" | "ACTIVE" };
  /** The membership the key was created through; null once the member was removed. */
  membership: { userId: string | null; role: ProviderUserRole; status: ProviderUserStatus } | null;
}

const RANK: Record<ProviderUserRole, number> = { SERVICE_USER: 1, PROVIDER_ADMIN: 2 };

export function apiKeyStanding(key: StandingFacts): ApiKeyStanding {
  if (key.revokedAt) return "revoked";
  if (!key.provider.enabled || key.provider.status !== "ACTIVE") return "provider_disabled";
  // A deleted account keeps no membership; a membership re-linked to someone else is not the creator's.
  if (!key.membership || !key.createdById || key.membership.userId !== key.createdById) return "creator_removed";
  if (key.membership.status !== "CONFIRMED" || RANK[key.membership.role] < RANK[key.role]) return "creator_lacks_role";
  return "active";
}

export const ROLE_LABEL: Record<ProviderUserRole, string> = { PROVIDER_ADMIN: "Provider Admin", SERVICE_USER: "Service User" };

/** Why a key does not work, for API errors and the key list. */
export function standingMessage(standing: Exclude<ApiKeyStanding, "active">, role: ProviderUserRole): string {
  switch (standing) {
    case "revoked":
      return "This API key has been revoked. Ask a Provider Admin for a new key.";
    case "provider_disabled":
      return "This provider has been disabled by the platform operator, so its API keys do not work.";
    case "creator_removed":
      return "The member who created this API key is no longer part of the provider, so the key stopped working. Create a new key.";
    case "creator_lacks_role":
      return `The member who created this API key is no longer a confirmed ${ROLE_LABEL[role]}, which this key's role needs. Restore their role or create a new key.`;
  }
}
