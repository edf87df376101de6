// Plain-sentence descriptions of events for the log page and the CSV export ("Alice Admin invited
// bob@x.com as Service User"). Every catalog type must have a sentence: the map below is typed
// against the catalog, so adding a type without one fails the type check.
//
// What the sentences read from an event, so services that record events know what to put where:
//   target.name   the email of a member / provider member, the name of an organization, group,
//                 collection or API key, the policy type, the invoice number.
//   details.role                   role given on invite/confirm (PROVIDER_ADMIN, SERVICE_USER, OWNER, ADMIN, USER)
//   details.before / details.after  old and new values ({ role }, { seats }, { enabled, settings }, { name, ... });
//                                   `oldRole`/`newRole`, `oldSeats`/`newSeats` are read as well
//   details.changed                names of changed fields (PROVIDER_UPDATED, ORGANIZATION_UPDATED, groups, collections)
//   details.plan, details.seats    PROVIDER_ORGANIZATION_CREATED
//   details.email                  PROVIDER_SETUP_INVITED, USER_LOGIN_FAILED (with details.reason)
//   details.imported, details.collections   VAULT_ITEMS_IMPORTED
//   details.period, details.totalCents, details.currency   INVOICE_ISSUED
//   details.count, details.cutoff  EVENTS_PURGED
//   details.clients                PROVIDER_DISABLED / PROVIDER_ENABLED (how many clients went with it),
//                                  POLICY_TEMPLATE_APPLIED (with details.applied, unchanged, failed)
//   details.clientScoped, details.clients, details.added, details.removed   PROVIDER_USER_SCOPE_UPDATED
//   details.purpose                USER_RECOVERY_CODE_USED (sign_in, disable_two_factor, regenerate_recovery_codes)
import type { EventType } from "./catalog";

export interface DescribableEvent {
  type: string;
  actorUserId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  actingProviderId: string | null;
  organizationId: string | null;
  targetType: string | null;
  targetId: string | null;
  targetName: string | null;
  details: unknown;
}

/** Current names of the organization and acting provider an event refers to (events store ids). */
export interface DescribeNames {
  organizationName?: string | null;
  actingProviderName?: string | null;
}

type Details = Record<string, unknown>;

interface Parts {
  actor: string;
  target: string;
  org: string;
  d: Details;
  event: DescribableEvent;
}

const ROLE_LABELS: Record<string, string> = {
  PROVIDER_ADMIN: "Provider Admin",
  SERVICE_USER: "Service User",
  OWNER: "Owner",
  ADMIN: "Admin",
  USER: "User",
};

const PLAN_LABELS: Record<string, string> = {
  FREE: "Free",
  FAMILIES: "Families",
  TEAMS_MONTHLY: "Teams (monthly)",
  TEAMS_ANNUAL: "Teams (annual)",
  ENTERPRISE_MONTHLY: "Enterprise (monthly)",
  ENTERPRISE_ANNUAL: "Enterprise (annual)",
};

const POLICY_LABELS: Record<string, string> = {
  TWO_FACTOR_AUTHENTICATION: "Require two-step login",
  MASTER_PASSWORD: "Master password requirements",
  PASSWORD_GENERATOR: "Password generator",
  SINGLE_ORG: "Single organization",
  PERSONAL_OWNERSHIP: "Remove individual vault",
  SEND_OPTIONS: "Send options",
  VAULT_TIMEOUT: "Vault timeout",
  DISABLE_PERSONAL_VAULT_EXPORT: "Remove individual vault export",
  ACCOUNT_RECOVERY: "Account recovery administration",
};

const LOGIN_FAILURE_REASONS: Record<string, string> = {
  wrong_password: "wrong password",
  unknown_account: "no such account",
  rate_limited: "too many attempts",
  totp_invalid: "wrong two-step login code",
  totp_required: "two-step login code missing",
  recovery_code_invalid: "wrong recovery code",
};

/** What a recovery code was used for (details.purpose; sign-ins recorded before it existed have none). */
const RECOVERY_CODE_PURPOSES: Record<string, string> = {
  sign_in: "signed in with a recovery code",
  disable_two_factor: "used a recovery code to turn off two-step login",
  regenerate_recovery_codes: "used a recovery code to replace their recovery codes",
};

/** Short names of event types, for the type filter and the CSV. */
export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  PROVIDER_SETUP_INVITED: "Provider setup invited",
  PROVIDER_SETUP_COMPLETED: "Provider setup completed",
  PROVIDER_UPDATED: "Provider settings changed",
  PROVIDER_DISABLED: "Provider disabled",
  PROVIDER_ENABLED: "Provider enabled",
  PROVIDER_API_KEY_CREATED: "API key created",
  PROVIDER_API_KEY_REVOKED: "API key revoked",
  PROVIDER_USER_INVITED: "Provider member invited",
  PROVIDER_USER_REINVITED: "Provider member re-invited",
  PROVIDER_USER_ACCEPTED: "Provider invitation accepted",
  PROVIDER_USER_CONFIRMED: "Provider member confirmed",
  PROVIDER_USER_UPDATED: "Provider member changed",
  PROVIDER_USER_REMOVED: "Provider member removed",
  PROVIDER_USER_SCOPE_UPDATED: "Provider member's client access changed",
  PROVIDER_ORGANIZATION_CREATED: "Client created",
  PROVIDER_ORGANIZATION_ADDED: "Existing organization added",
  PROVIDER_ORGANIZATION_REMOVED: "Client removed",
  PROVIDER_ORGANIZATION_VAULT_ACCESSED: "Client admin console opened",
  PROVIDER_ORGANIZATION_DISABLED: "Client disabled",
  PROVIDER_ORGANIZATION_ENABLED: "Client enabled",
  ORGANIZATION_UPDATED: "Organization settings changed",
  ORGANIZATION_SEATS_CHANGED: "Seats changed",
  ORGANIZATION_DISABLED: "Organization disabled",
  ORGANIZATION_ENABLED: "Organization enabled",
  MEMBER_INVITED: "Member invited",
  MEMBER_REINVITED: "Member re-invited",
  MEMBER_ACCEPTED: "Member invitation accepted",
  MEMBER_CONFIRMED: "Member confirmed",
  MEMBER_UPDATED: "Member changed",
  MEMBER_REVOKED: "Member access revoked",
  MEMBER_RESTORED: "Member access restored",
  MEMBER_REMOVED: "Member removed",
  GROUP_CREATED: "Group created",
  GROUP_UPDATED: "Group changed",
  GROUP_DELETED: "Group deleted",
  COLLECTION_CREATED: "Collection created",
  COLLECTION_UPDATED: "Collection changed",
  COLLECTION_DELETED: "Collection deleted",
  POLICY_UPDATED: "Policy changed",
  POLICY_TEMPLATE_CREATED: "Policy template created",
  POLICY_TEMPLATE_UPDATED: "Policy template changed",
  POLICY_TEMPLATE_DELETED: "Policy template deleted",
  POLICY_TEMPLATE_APPLIED: "Policy template applied",
  VAULT_ITEMS_IMPORTED: "Vault data imported",
  USER_REGISTERED: "Account created",
  STAFF_GRANTED: "Staff access granted",
  USER_LOGGED_IN: "Signed in",
  USER_LOGIN_FAILED: "Sign-in failed",
  USER_2FA_ENABLED: "Two-step login turned on",
  USER_2FA_DISABLED: "Two-step login turned off",
  USER_RECOVERY_CODE_USED: "Recovery code used",
  USER_RECOVERY_CODES_REGENERATED: "Recovery codes replaced",
  USER_PASSWORD_CHANGED: "Password changed",
  USER_SIGNED_OUT_EVERYWHERE: "Signed out everywhere",
  INVOICE_ISSUED: "Invoice issued",
  INVOICE_PAID: "Invoice paid",
  INVOICE_VOIDED: "Invoice voided",
  PLAN_PRICE_SET: "Seat price set",
  DISCOUNT_TIERS_UPDATED: "Discount tiers changed",
  PROVIDER_BILLING_UPDATED: "Provider billing changed",
  EVENTS_PURGED: "Old events deleted (retention)",
};

const SENTENCES: Record<EventType, (p: Parts) => string> = {
  PROVIDER_SETUP_INVITED: ({ actor, target, d }) =>
    `${actor} invited ${text(d.email) ?? "someone"} to set up the provider ${target}`,
  PROVIDER_SETUP_COMPLETED: ({ actor, target }) => `${actor} completed the setup of ${target}`,
  PROVIDER_UPDATED: ({ actor, target, d }) => `${actor} changed the settings of ${target}${changedFields(d)}`,
  PROVIDER_DISABLED: ({ actor, target, d }) => `${actor} disabled the provider ${target}${clientsWith(d, "disabled")}`,
  PROVIDER_ENABLED: ({ actor, target, d }) => `${actor} enabled the provider ${target}${clientsWith(d, "enabled")}`,
  PROVIDER_API_KEY_CREATED: ({ actor, target }) => `${actor} created the API key ${quoted(target)}`,
  PROVIDER_API_KEY_REVOKED: ({ actor, target }) => `${actor} revoked the API key ${quoted(target)}`,
  PROVIDER_USER_INVITED: ({ actor, target, d }) => `${actor} invited ${target}${asRole(d.role)}`,
  PROVIDER_USER_REINVITED: ({ actor, target }) => `${actor} re-sent the invitation to ${target}`,
  PROVIDER_USER_ACCEPTED: ({ actor, target, event }) =>
    sameEmail(event, target) ? `${actor} accepted their invitation to the provider` : `${actor} accepted the provider invitation sent to ${target}`,
  PROVIDER_USER_CONFIRMED: ({ actor, target, d }) => `${actor} confirmed ${target}${asRole(d.role)}`,
  PROVIDER_USER_UPDATED: ({ actor, target, d }) => {
    const [from, to] = change(d, "role");
    if (to) return `${actor} changed ${possessive(target)} role${from ? ` from ${roleLabel(from)}` : ""} to ${roleLabel(to)}`;
    return `${actor} changed ${target}${changedFields(d)}`;
  },
  PROVIDER_USER_REMOVED: ({ actor, target }) => `${actor} removed ${target} from the provider`,
  PROVIDER_USER_SCOPE_UPDATED: ({ actor, target, d }) =>
    d.clientScoped === true
      ? `${actor} limited ${target} to ${clientCount(d.clients)} (${Number(d.added) || 0} added, ${Number(d.removed) || 0} removed)`
      : `${actor} gave ${target} access to all clients`,
  PROVIDER_ORGANIZATION_CREATED: ({ actor, target, d }) => {
    const facts = [text(d.plan) ? (PLAN_LABELS[text(d.plan)!] ?? text(d.plan)) : null, seatCount(d.seats)].filter(Boolean);
    return `${actor} created the client ${target}${facts.length ? ` (${facts.join(", ")})` : ""}`;
  },
  PROVIDER_ORGANIZATION_ADDED: ({ actor, target }) => `${actor} added the existing organization ${target} as a client`,
  PROVIDER_ORGANIZATION_REMOVED: ({ actor, target }) => `${actor} removed the client ${target} from the provider`,
  PROVIDER_ORGANIZATION_VAULT_ACCESSED: ({ actor, target, org }) => `${actor} opened ${possessive(target !== UNKNOWN ? target : org)} admin console`,
  PROVIDER_ORGANIZATION_DISABLED: ({ actor, target }) => `${actor} disabled the client ${target}`,
  PROVIDER_ORGANIZATION_ENABLED: ({ actor, target }) => `${actor} enabled the client ${target}`,
  ORGANIZATION_UPDATED: ({ actor, org, d }) => `${actor} changed the settings of ${org}${changedFields(d)}`,
  ORGANIZATION_SEATS_CHANGED: ({ actor, org, d }) => {
    const [from, to] = change(d, "seats");
    if (to !== undefined) return `${actor} changed ${possessive(org)} seats${from !== undefined ? ` from ${from}` : ""} to ${to}`;
    return `${actor} changed ${possessive(org)} seats`;
  },
  ORGANIZATION_DISABLED: ({ actor, org, d }) => `${actor} disabled ${org}${d.reason === "provider_disabled" ? " together with its provider" : ""}`,
  ORGANIZATION_ENABLED: ({ actor, org, d }) => `${actor} enabled ${org}${d.reason === "provider_enabled" ? " together with its provider" : ""}`,
  MEMBER_INVITED: ({ actor, target, org, d }) => `${actor} invited ${target} to ${org}${asRole(d.role)}`,
  MEMBER_REINVITED: ({ actor, target, org }) => `${actor} re-sent ${possessive(target)} invitation to ${org}`,
  MEMBER_ACCEPTED: ({ actor, target, org, event }) =>
    sameEmail(event, target) ? `${actor} accepted the invitation to join ${org}` : `${actor} accepted the invitation to ${org} sent to ${target}`,
  MEMBER_CONFIRMED: ({ actor, target, org, d }) => `${actor} confirmed ${target} in ${org}${asRole(d.role)}`,
  MEMBER_UPDATED: ({ actor, target, org, d }) => {
    const [from, to] = change(d, "role");
    if (to) return `${actor} changed ${possessive(target)} role in ${org}${from ? ` from ${roleLabel(from)}` : ""} to ${roleLabel(to)}`;
    return `${actor} changed ${target} in ${org}${changedFields(d)}`;
  },
  MEMBER_REVOKED: ({ actor, target, org, d }) =>
    `${actor} revoked ${possessive(target)} access to ${org}${d.reason === "two_factor_policy" ? " (the organization requires two-step login)" : ""}`,
  MEMBER_RESTORED: ({ actor, target, org }) => `${actor} restored ${possessive(target)} access to ${org}`,
  MEMBER_REMOVED: ({ actor, target, org }) => `${actor} removed ${target} from ${org}`,
  GROUP_CREATED: ({ actor, target, org }) => `${actor} created the group ${quoted(target)} in ${org}`,
  GROUP_UPDATED: ({ actor, target, org, d }) => `${actor} changed the group ${quoted(target)} in ${org}${changedFields(d)}`,
  GROUP_DELETED: ({ actor, target, org }) => `${actor} deleted the group ${quoted(target)} from ${org}`,
  COLLECTION_CREATED: ({ actor, target, org }) => `${actor} created the collection ${quoted(target)} in ${org}`,
  COLLECTION_UPDATED: ({ actor, target, org, d }) => `${actor} changed the collection ${quoted(target)} in ${org}${changedFields(d)}`,
  COLLECTION_DELETED: ({ actor, target, org }) => `${actor} deleted the collection ${quoted(target)} from ${org}`,
  POLICY_UPDATED: ({ actor, target, org, d }) => {
    const policy = quoted(POLICY_LABELS[target] ?? (text(d.type) && POLICY_LABELS[text(d.type)!]) ?? target);
    const [was, is] = change(d, "enabled");
    if (was === false && is === true) return `${actor} turned on the policy ${policy} in ${org}`;
    if (was === true && is === false) return `${actor} turned off the policy ${policy} in ${org}`;
    return `${actor} changed the policy ${policy} in ${org}`;
  },
  POLICY_TEMPLATE_CREATED: ({ actor, target }) => `${actor} created the policy template ${quoted(target)}`,
  POLICY_TEMPLATE_UPDATED: ({ actor, target, d }) => `${actor} changed the policy template ${quoted(target)}${changedFields(d)}`,
  POLICY_TEMPLATE_DELETED: ({ actor, target }) => `${actor} deleted the policy template ${quoted(target)}`,
  POLICY_TEMPLATE_APPLIED: ({ actor, target, d }) => {
    const clients = count(d.clients);
    const facts = [count(d.applied), count(d.unchanged), count(d.failed)];
    const summary = facts.every((f) => f !== undefined) ? ` (${facts.map((f, i) => `${f!.toLocaleString("en-US")} ${["changed", "unchanged", "failed"][i]}`).join(", ")})` : "";
    return `${actor} applied the policy template ${quoted(target)} to ${clients === undefined ? "clients" : plural(clients, "client")}${summary}`;
  },
  VAULT_ITEMS_IMPORTED: ({ actor, org, d }) => {
    const items = count(d.imported ?? d.items ?? d.count);
    const collections = count(d.collections);
    const what = items === undefined ? "vault items" : plural(items, "vault item");
    return `${actor} imported ${what} into ${org}${collections ? ` (${plural(collections, "collection")})` : ""}`;
  },
  USER_REGISTERED: ({ actor, event }) => `${actor} created an account${event.actorEmail && actor !== event.actorEmail ? ` (${event.actorEmail})` : ""}`,
  STAFF_GRANTED: ({ actor, target, d }) => (d.created === true ? `${actor} created the platform staff account ${target}` : `${actor} made ${target} platform staff`),
  USER_LOGGED_IN: ({ actor }) => `${actor} signed in`,
  USER_LOGIN_FAILED: ({ event, d }) => {
    const who = text(d.email) ?? event.actorEmail ?? event.targetName ?? "an unknown account";
    const reason = text(d.reason);
    return `Failed sign-in for ${who}${reason ? ` (${LOGIN_FAILURE_REASONS[reason] ?? reason.replaceAll("_", " ")})` : ""}`;
  },
  USER_2FA_ENABLED: ({ actor }) => `${actor} turned on two-step login`,
  USER_2FA_DISABLED: ({ actor }) => `${actor} turned off two-step login`,
  USER_RECOVERY_CODE_USED: ({ actor, d }) => `${actor} ${RECOVERY_CODE_PURPOSES[text(d.purpose) ?? "sign_in"] ?? "used a recovery code"}`,
  USER_RECOVERY_CODES_REGENERATED: ({ actor }) => `${actor} replaced their recovery codes`,
  USER_PASSWORD_CHANGED: ({ actor }) => `${actor} changed their password`,
  USER_SIGNED_OUT_EVERYWHERE: ({ actor }) => `${actor} signed out of all sessions`,
  INVOICE_ISSUED: ({ actor, target, d }) => {
    const period = text(d.period);
    const total = typeof d.totalCents === "number" ? money(d.totalCents, text(d.currency) ?? "USD") : null;
    return `${actor} issued invoice ${target}${period ? ` for ${period}` : ""}${total ? ` (${total})` : ""}`;
  },
  INVOICE_PAID: ({ actor, target }) => `${actor} recorded the payment of invoice ${target}`,
  INVOICE_VOIDED: ({ actor, target }) => `${actor} voided invoice ${target}`,
  PLAN_PRICE_SET: ({ actor, d }) => {
    const plan = text(d.plan) ? (PLAN_LABELS[text(d.plan)!] ?? text(d.plan)) : "a plan";
    const price = typeof d.unitPriceCents === "number" ? money(d.unitPriceCents, "USD") : "a new price";
    return `${actor} set the ${plan} seat price to ${price}${text(d.effectiveFrom) ? ` from ${text(d.effectiveFrom)}` : ""}`;
  },
  DISCOUNT_TIERS_UPDATED: ({ actor }) => `${actor} changed the reseller discount tiers`,
  PROVIDER_BILLING_UPDATED: ({ actor, target, d }) => {
    const mode = d.mode && typeof d.mode === "object" ? (d.mode as Details) : null;
    const to = mode ? text(mode.to) : undefined;
    if (!to) return `${actor} changed the seat minimums of ${target}`;
    const from = text(mode?.effectiveFrom);
    const switched = `${actor} changed the billing of ${target} to ${to === "CONSOLIDATED" ? "a consolidated invoice" : "per client"}${from ? ` from ${from}` : ""}`;
    return d.seatMinimums ? `${switched}, and its seat minimums` : switched;
  },
  EVENTS_PURGED: ({ actor, d }) => {
    const deleted = count(d.count);
    const cutoff = text(d.cutoff);
    return `${actor} deleted ${deleted === undefined ? "old events" : plural(deleted, "event")}${cutoff ? ` older than ${cutoff.slice(0, 10)} (UTC)` : ""} under the retention policy`;
  },
};

const UNKNOWN = "(unknown)";

export function describeEvent(event: DescribableEvent, names: DescribeNames = {}): string {
  const sentence = SENTENCES[event.type as EventType];
  if (!sentence) return `${actorLabel(event)}: ${event.type}`;
  const details = event.details && typeof event.details === "object" && !Array.isArray(event.details) ? (event.details as Details) : {};
  const organizationFallback = event.targetType === "ORGANIZATION" ? event.targetName : null;
  const parts: Parts = {
    actor: actorLabel(event),
    target: event.targetName ?? UNKNOWN,
    org: names.organizationName ?? organizationFallback ?? (event.organizationId ? "an organization" : "the organization"),
    d: details,
    event,
  };
  const via = event.actingProviderId ? ` via ${names.actingProviderName ?? "their provider"}` : "";
  return `${sentence(parts)}${via}`;
}

export function eventTypeLabel(type: string): string {
  return EVENT_TYPE_LABELS[type as EventType] ?? type;
}

function roleLabel(role: unknown): string {
  const value = String(role);
  return ROLE_LABELS[value] ?? value;
}

function actorLabel(event: DescribableEvent): string {
  if (event.actorName) return event.actorName;
  if (event.actorEmail) return event.actorEmail;
  return event.actorUserId ? "A user" : "The system";
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

function count(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function plural(n: number, noun: string): string {
  return `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;
}

function seatCount(value: unknown): string | null {
  const n = count(value);
  return n === undefined ? null : plural(n, "seat");
}

function clientCount(value: unknown): string {
  return plural(count(value) ?? 0, "client");
}

function asRole(role: unknown): string {
  return text(role) ? ` as ${roleLabel(role)}` : "";
}

function quoted(value: string): string {
  return `"${value}"`;
}

function possessive(name: string): string {
  return name.endsWith("s") ? `${name}'` : `${name}'s`;
}

function sameEmail(event: DescribableEvent, target: string): boolean {
  return !!event.actorEmail && event.actorEmail.toLowerCase() === target.toLowerCase();
}

function clientsWith(d: Details, verb: string): string {
  const n = count(d.clients);
  return n ? ` and ${verb} ${plural(n, "client")} with it` : "";
}

/** [old, new] of a changed value: details.before.x / details.after.x, or details.oldX / details.newX. */
function change(d: Details, key: string): [unknown, unknown] {
  const before = d.before && typeof d.before === "object" ? (d.before as Details)[key] : undefined;
  const after = d.after && typeof d.after === "object" ? (d.after as Details)[key] : undefined;
  const suffix = key[0]!.toUpperCase() + key.slice(1);
  return [before ?? d[`old${suffix}`], after ?? d[`new${suffix}`]];
}

/** " (name, billing email)" from details.changed or the keys of details.after. */
function changedFields(d: Details): string {
  const names = Array.isArray(d.changed)
    ? d.changed.filter((v): v is string => typeof v === "string")
    : d.after && typeof d.after === "object"
      ? Object.keys(d.after as Details)
      : [];
  if (names.length === 0) return "";
  return ` (${names.map(humanize).join(", ")})`;
}

function humanize(field: string): string {
  return field
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replaceAll("_", " ")
    .toLowerCase();
}

function money(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

