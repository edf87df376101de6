// Every event type the product records, grouped for the log's type filter. Adding an event type
// means adding it here (the recorder only accepts these) and a sentence in describe.ts.
export const EVENT_GROUPS = {
  provider: "Provider",
  providerUsers: "Provider members",
  clients: "Clients",
  organization: "Organization",
  members: "Organization members",
  groupsCollections: "Groups and collections",
  policies: "Policies",
  vault: "Vault data",
  account: "Sign-in and account",
  billing: "Billing",
  log: "Event log",
} as const;

export type EventGroup = keyof typeof EVENT_GROUPS;

export const EVENT_TYPES = {
  PROVIDER_SETUP_INVITED: "provider",
  PROVIDER_SETUP_COMPLETED: "provider",
  PROVIDER_UPDATED: "provider",
  PROVIDER_DISABLED: "provider",
  PROVIDER_ENABLED: "provider",
  PROVIDER_API_KEY_CREATED: "provider",
  PROVIDER_API_KEY_REVOKED: "provider",
  PROVIDER_USER_INVITED: "providerUsers",
  PROVIDER_USER_REINVITED: "providerUsers",
  PROVIDER_USER_ACCEPTED: "providerUsers",
  PROVIDER_USER_CONFIRMED: "providerUsers",
  PROVIDER_USER_UPDATED: "providerUsers",
  PROVIDER_USER_REMOVED: "providerUsers",
  PROVIDER_USER_SCOPE_UPDATED: "providerUsers",
  PROVIDER_ORGANIZATION_CREATED: "clients",
  PROVIDER_ORGANIZATION_ADDED: "clients",
  PROVIDER_ORGANIZATION_REMOVED: "clients",
  PROVIDER_ORGANIZATION_VAULT_ACCESSED: "clients",
  PROVIDER_ORGANIZATION_DISABLED: "clients",
  PROVIDER_ORGANIZATION_ENABLED: "clients",
  ORGANIZATION_UPDATED: "organization",
  ORGANIZATION_SEATS_CHANGED: "organization",
  ORGANIZATION_DISABLED: "organization",
  ORGANIZATION_ENABLED: "organization",
  MEMBER_INVITED: "members",
  MEMBER_REINVITED: "members",
  MEMBER_ACCEPTED: "members",
  MEMBER_CONFIRMED: "members",
  MEMBER_UPDATED: "members",
  MEMBER_REVOKED: "members",
  MEMBER_RESTORED: "members",
  MEMBER_REMOVED: "members",
  GROUP_CREATED: "groupsCollections",
  GROUP_UPDATED: "groupsCollections",
  GROUP_DELETED: "groupsCollections",
  COLLECTION_CREATED: "groupsCollections",
  COLLECTION_UPDATED: "groupsCollections",
  COLLECTION_DELETED: "groupsCollections",
  POLICY_UPDATED: "policies",
  POLICY_TEMPLATE_CREATED: "policies",
  POLICY_TEMPLATE_UPDATED: "policies",
  POLICY_TEMPLATE_DELETED: "policies",
  POLICY_TEMPLATE_APPLIED: "policies",
  VAULT_ITEMS_IMPORTED: "vault",
  USER_REGISTERED: "account",
  STAFF_GRANTED: "account",
  USER_LOGGED_IN: "account",
  USER_LOGIN_FAILED: "account",
  USER_2FA_ENABLED: "account",
  USER_2FA_DISABLED: "account",
  USER_RECOVERY_CODE_USED: "account",
  USER_RECOVERY_CODES_REGENERATED: "account",
  USER_PASSWORD_CHANGED: "account",
  USER_SIGNED_OUT_EVERYWHERE: "account",
  INVOICE_ISSUED: "billing",
  INVOICE_PAID: "billing",
  INVOICE_VOIDED: "billing",
  PLAN_PRICE_SET: "billing",
  DISCOUNT_TIERS_UPDATED: "billing",
  PROVIDER_BILLING_UPDATED: "billing",
  EVENTS_PURGED: "log",
} as const satisfies Record<string, EventGroup>;

export type EventType = keyof typeof EVENT_TYPES;

export const ALL_EVENT_TYPES = Object.keys(EVENT_TYPES) as EventType[];

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(EVENT_TYPES, value);
}

/** Event types grouped for a <select> with <optgroup>s. */
export function eventTypesByGroup(): { group: EventGroup; label: string; types: EventType[] }[] {
  return (Object.keys(EVENT_GROUPS) as EventGroup[]).map((group) => ({
    group,
    label: EVENT_GROUPS[group],
    types: ALL_EVENT_TYPES.filter((t) => EVENT_TYPES[t] === group),
  }));
}

export type TargetType =
  | "USER"
  | "PROVIDER"
  | "PROVIDER_USER"
  | "PROVIDER_API_KEY"
  | "ORGANIZATION"
  | "MEMBER"
  | "GROUP"
  | "COLLECTION"
  | "POLICY"
  | "POLICY_TEMPLATE"
  | "INVOICE";
