// What an API key may reach: its own provider's routes, and the routes of client organizations that
// provider manages (within its creator's client scope, if any). Any other provider or organization id
// answers 404 exactly as for a user with no relation to it. The key's role is its only role: a key
// never gains its creator's staff rights or personal organization memberships.
import type { ApiKeyPrincipal } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { isScoped, isUuid, type OrganizationAccess, type ProviderAccess } from "./context";

export function providerAccessForKey(key: ApiKeyPrincipal, providerId: string): ProviderAccess {
  if (!isUuid(providerId) || providerId.toLowerCase() !== key.provider.id) throw notFound("provider");
  const { id, role, status, clientScoped } = key.membership;
  return { kind: "provider", provider: key.provider, membership: { id, role, status, clientScoped }, roles: [key.role] };
}

export async function organizationAccessForKey(key: ApiKeyPrincipal, organizationId: string): Promise<OrganizationAccess> {
  if (!isUuid(organizationId)) throw notFound("organization");
  const organization = await db.organization.findUnique({
    where: { id: organizationId },
    select: {
      id: true,
      name: true,
      providerId: true,
      enabled: true,
      scopedUsers: { where: { providerUserId: key.membership.id }, select: { organizationId: true }, take: 1 },
    },
  });
  if (!organization || organization.providerId !== key.provider.id) throw notFound("organization");
  if (isScoped(key.membership) && organization.scopedUsers.length === 0) throw notFound("organization");
  const { scopedUsers: _scope, ...rest } = organization;
  return {
    kind: "organization",
    organization: rest,
    member: null,
    provider: { id: key.provider.id, name: key.provider.name, membershipId: key.membership.id, role: key.role },
    roles: [key.role],
  };
}
