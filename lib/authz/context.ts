// Resolves what the signed-in user is to a tenant, starting from the resource id in the request.
// An id the user has no relation to answers 404 (never revealing that it exists); a relation without
// the needed permission answers 403. Used by the API wrapper and by page guards alike.
import type { Actor } from "@/lib/actor";
import type { SessionUser } from "@/lib/auth/session";
import { db, queryRows } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import { forbidden, notFound } from "@/lib/errors";
import { can, grantedViaProvider, type Permission, type Role } from "./permissions";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export interface ProviderAccess {
  kind: "provider";
  provider: { id: string; name: string; status: "PENDING" | "ACTIVE"; enabled: boolean; require2fa: boolean };
  membership: { id: string; role: "PROVIDER_ADMIN" | "SERVICE_USER"; status: "INVITED" | "ACCEPTED" | "CONFIRMED"; clientScoped: boolean } | null;
  roles: Role[];
}

export interface OrganizationAccess {
  kind: "organization";
  organization: { id: string; name: string; providerId: string | null; enabled: boolean };
  member: { id: string; role: "OWNER" | "ADMIN" | "USER"; status: "INVITED" | "ACCEPTED" | "CONFIRMED" | "REVOKED" } | null;
  /** The user's confirmed membership in the provider that manages this organization, if any. */
  provider: { id: string; name: string; membershipId: string; role: "PROVIDER_ADMIN" | "SERVICE_USER" } | null;
  roles: Role[];
}

export interface PlatformAccess {
  kind: "platform";
  roles: Role[];
}

export type Access = ProviderAccess | OrganizationAccess | PlatformAccess;

export function platformAccess(user: SessionUser): PlatformAccess {
  return { kind: "platform", roles: user.isStaff ? ["STAFF"] : [] };
}

interface ProviderAccessRow {
  id: string;
  name: string;
  status: "PENDING" | "ACTIVE";
  enabled: boolean;
  require_2fa: boolean;
  membership_id: string | null;
  membership_role: "PROVIDER_ADMIN" | "SERVICE_USER" | null;
  membership_status: "INVITED" | "ACCEPTED" | "CONFIRMED" | null;
  membership_client_scoped: boolean | null;
}

export async function providerAccess(user: SessionUser, providerId: string): Promise<ProviderAccess> {
  if (!isUuid(providerId)) throw notFound("provider");
  // One round trip on every provider request (plain SQL: see queryRows).
  const [row] = await queryRows<ProviderAccessRow>(Prisma.sql`
    SELECT p.id::text AS id, p.name, p.status, p.enabled, p.require_2fa,
           pu.id::text AS membership_id, pu.role AS membership_role, pu.status AS membership_status, pu.client_scoped AS membership_client_scoped
      FROM providers p
      LEFT JOIN provider_users pu ON pu.provider_id = p.id AND pu.user_id = ${user.id}::uuid
     WHERE p.id = ${providerId}::uuid`);
  if (!row) throw notFound("provider");
  const provider = { id: row.id, name: row.name, status: row.status, enabled: row.enabled, require2fa: row.require_2fa };
  const membership = row.membership_id ? { id: row.membership_id, role: row.membership_role!, status: row.membership_status!, clientScoped: row.membership_client_scoped! } : null;
  const roles: Role[] = user.isStaff ? ["STAFF"] : [];
  if (membership?.status === "CONFIRMED" && provider.enabled && provider.status === "ACTIVE") roles.push(membership.role);
  if (roles.length === 0) {
    if (!membership) throw notFound("provider");
    if (!provider.enabled) throw forbidden("This provider has been disabled by the platform operator.", "provider_disabled");
    throw forbidden("Your membership in this provider is waiting for a provider admin to confirm it.", "membership_pending");
  }
  return { kind: "provider", provider, membership, roles };
}

export async function organizationAccess(user: SessionUser, organizationId: string): Promise<OrganizationAccess> {
  if (!isUuid(organizationId)) throw notFound("organization");
  const organization = await db.organization.findUnique({
    where: { id: organizationId },
    select: {
      id: true,
      name: true,
      providerId: true,
      enabled: true,
      members: { where: { userId: user.id }, select: { id: true, role: true, status: true }, take: 1 },
      provider: {
        select: {
          id: true,
          name: true,
          enabled: true,
          status: true,
          require2fa: true,
          users: {
            where: { userId: user.id, status: "CONFIRMED" },
            select: { id: true, role: true, clientScoped: true, clients: { where: { organizationId }, select: { organizationId: true } } },
            take: 1,
          },
        },
      },
    },
  });
  if (!organization) throw notFound("organization");
  const member = organization.members[0] ?? null;
  // Staff read any organization's overview and event log (read-only permissions only).
  const roles: Role[] = user.isStaff ? ["STAFF"] : [];
  if (member?.status === "CONFIRMED" && organization.enabled) {
    roles.push(member.role === "OWNER" ? "ORG_OWNER" : member.role === "ADMIN" ? "ORG_ADMIN" : "ORG_USER");
    if (member.role === "OWNER" && !organization.providerId) roles.push("SELF_BILLED_OWNER");
  }
  let provider: OrganizationAccess["provider"] = null;
  let providerNeedsTwoFactor = false;
  const providerUser = organization.provider?.users[0];
  if (organization.provider?.enabled && organization.provider.status === "ACTIVE" && providerUser) {
    // A client-scoped Service User reaches only their assigned clients; any other client is a 404 for
    // them, as for someone with no relation to it. Only Service Users are ever scoped.
    const inScope = !isScoped(providerUser) || providerUser.clients.length > 0;
    // The provider's "require two-step login" setting: no provider role until the member enrols.
    providerNeedsTwoFactor = inScope && organization.provider.require2fa && !user.totpEnabled;
    if (inScope && !providerNeedsTwoFactor) {
      provider = { id: organization.provider.id, name: organization.provider.name, membershipId: providerUser.id, role: providerUser.role };
      roles.push(providerUser.role);
    }
  }
  if (roles.length === 0) {
    if (providerNeedsTwoFactor) throw providerTwoFactorRequired(organization.provider!.name);
    if (!member) throw notFound("organization");
    if (!organization.enabled) throw forbidden("This organization is disabled.", "organization_disabled");
    if (member.status === "REVOKED") throw forbidden("Your access to this organization has been revoked.", "member_revoked");
    throw forbidden("Your membership in this organization is waiting for an administrator to confirm it.", "membership_pending");
  }
  return {
    kind: "organization",
    organization: { id: organization.id, name: organization.name, providerId: organization.providerId, enabled: organization.enabled },
    member,
    provider,
    roles,
  };
}

/** Only a Service User can be limited to assigned clients: an admin's stale flag never limits them. */
export function isScoped(membership: { role: "PROVIDER_ADMIN" | "SERVICE_USER"; clientScoped: boolean }): boolean {
  return membership.clientScoped && membership.role === "SERVICE_USER";
}

/**
 * The membership whose assigned clients (provider_user_clients) limit what this provider access
 * reaches, or null when it reaches every client of the provider.
 */
export function clientScopeOf(access: ProviderAccess): string | null {
  const m = access.membership;
  if (!m || !isScoped(m) || access.roles.includes("PROVIDER_ADMIN")) return null;
  return m.id;
}

/** 404 for a client outside the caller's client scope (the same answer as another provider's client). */
export async function requireClientInScope(access: ProviderAccess, organizationId: string): Promise<void> {
  const scope = clientScopeOf(access);
  if (!scope) return;
  if (!isUuid(organizationId)) throw notFound("client");
  const assigned = await db.providerUserClient.findUnique({
    where: { providerUserId_organizationId: { providerUserId: scope, organizationId: organizationId.toLowerCase() } },
    select: { organizationId: true },
  });
  if (!assigned) throw notFound("client");
}

/** 403 for a provider member without two-step login when their provider requires it. */
export function providerTwoFactorRequired(providerName: string) {
  return forbidden(
    `${providerName} requires two-step login to open client organizations. Turn it on in your account settings, then open the client again.`,
    "two_factor_required",
  );
}

const DENIED: Partial<Record<Permission, string>> = {
  "org.items.read": "Provider members cannot view a client organization's credentials.",
  "org.billing.read": "Billing of this organization is managed by its provider.",
};

export function requirePermission(access: Access, permission: Permission): void {
  if (!can(access.roles, permission)) throw forbidden(DENIED[permission]);
}

/** The actor for events: acting for the provider when a provider role is what grants the action. */
export function actorFor(user: SessionUser, access: Access, permission: Permission | undefined): Actor {
  const viaProvider = access.kind === "organization" && access.provider && permission && grantedViaProvider(access.roles, permission);
  return { userId: user.id, name: user.name, email: user.email, actingProviderId: viaProvider ? access.provider!.id : null };
}
