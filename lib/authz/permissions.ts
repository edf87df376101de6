// The permission registry: which roles may do what. Server checks (the API wrapper and page guards)
// and the UI (which buttons to show) read this one table. Roles come from lib/authz/context.ts,
// resolved from the resource on the server.
export const ROLES = [
  "STAFF",
  "PROVIDER_ADMIN",
  "SERVICE_USER",
  "ORG_OWNER",
  "ORG_ADMIN",
  "ORG_USER",
  /** An owner of an organization that no provider manages (it pays its own bills). */
  "SELF_BILLED_OWNER",
] as const;
export type Role = (typeof ROLES)[number];

const STAFF = ["STAFF"] as const;
const PROVIDER_ADMIN = ["PROVIDER_ADMIN"] as const;
const PROVIDER_MEMBERS = ["PROVIDER_ADMIN", "SERVICE_USER"] as const;
/** Administer a client organization: its own owners/admins, and the managing provider's members. */
const ORG_ADMINISTRATORS = ["ORG_OWNER", "ORG_ADMIN", "PROVIDER_ADMIN", "SERVICE_USER"] as const;

export const PERMISSIONS = {
  // Platform (staff console)
  "platform.providers.read": STAFF,
  "platform.providers.manage": STAFF,
  "platform.pricing.manage": STAFF,

  // Provider
  "provider.read": [...PROVIDER_MEMBERS, "STAFF"],
  "provider.update": PROVIDER_ADMIN,
  "provider.users.read": PROVIDER_ADMIN,
  "provider.users.manage": PROVIDER_ADMIN,
  "provider.clients.read": PROVIDER_MEMBERS,
  "provider.clients.create": PROVIDER_ADMIN,
  "provider.clients.update": PROVIDER_ADMIN,
  /** Seat changes; service users only where no purchase is needed (checked by the clients service). */
  "provider.clients.seats": PROVIDER_MEMBERS,
  "provider.clients.remove": PROVIDER_ADMIN,
  "provider.clients.bulk": PROVIDER_ADMIN,
  "provider.events.read": [...PROVIDER_ADMIN, "STAFF"],
  "provider.billing.read": [...PROVIDER_MEMBERS, "STAFF"],
  "provider.billing.purchase": PROVIDER_ADMIN,
  "provider.invoices.read": [...PROVIDER_ADMIN, "STAFF"],
  "provider.reports.read": PROVIDER_ADMIN,
  "provider.templates.manage": PROVIDER_ADMIN,
  "provider.apiKeys.manage": PROVIDER_ADMIN,

  // Client organization (admin console)
  "org.read": [...ORG_ADMINISTRATORS, "ORG_USER", "STAFF"],
  "org.update": ["ORG_OWNER", "PROVIDER_ADMIN", "SERVICE_USER"],
  "org.members.read": ORG_ADMINISTRATORS,
  "org.members.manage": ORG_ADMINISTRATORS,
  /** Invite, promote to, change or remove Owners: owners, and provider members who act as owners. */
  "org.owners.manage": ["ORG_OWNER", "PROVIDER_ADMIN", "SERVICE_USER"],
  "org.groups.manage": ORG_ADMINISTRATORS,
  "org.collections.manage": ORG_ADMINISTRATORS,
  "org.policies.manage": ORG_ADMINISTRATORS,
  "org.import": ORG_ADMINISTRATORS,
  /** Reading credentials: the organization's own members only, never the provider (PRODUCT.md rule 5). */
  "org.items.read": ["ORG_OWNER", "ORG_ADMIN", "ORG_USER"],
  /** Staff read every log (PRODUCT.md "Who uses it"), read-only. */
  "org.events.read": [...ORG_ADMINISTRATORS, "STAFF"],
  /** A provider-managed organization's billing is the provider's business, not its owners' (rule 9). */
  "org.billing.read": ["SELF_BILLED_OWNER", "PROVIDER_ADMIN", "SERVICE_USER"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}

const PROVIDER_ROLES: readonly Role[] = ["PROVIDER_ADMIN", "SERVICE_USER"];

/** True when a provider role grants the permission: the actor then acts for the provider ("via <provider>"). */
export function grantedViaProvider(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((r) => PROVIDER_ROLES.includes(r) && allowed.includes(r));
}
