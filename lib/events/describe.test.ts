import { describe, expect, it } from "vitest";
import { ALL_EVENT_TYPES, type EventType } from "./catalog";
import { describeEvent, EVENT_TYPE_LABELS, type DescribableEvent } from "./describe";

const alice = { actorUserId: "u-alice", actorName: "Alice Admin", actorEmail: "alice@northwind.example" };
const carolVia = { actorUserId: "u-carol", actorName: "Carol Service", actorEmail: "carol@northwind.example", actingProviderId: "p-1" };
const names = { organizationName: "Contoso Dental", actingProviderName: "Northwind IT Services" };

function event(type: EventType, fields: Partial<DescribableEvent> = {}): DescribableEvent {
  return {
    type,
    actorUserId: null,
    actorName: null,
    actorEmail: null,
    actingProviderId: null,
    organizationId: null,
    targetType: null,
    targetId: null,
    targetName: null,
    details: {},
    ...fields,
  };
}

const member = (name: string) => ({ organizationId: "o-1", targetType: "MEMBER", targetId: "m-1", targetName: name });
const providerUser = (name: string) => ({ targetType: "PROVIDER_USER", targetId: "pu-1", targetName: name });
const provider = { targetType: "PROVIDER", targetId: "p-1", targetName: "Northwind IT Services" };
const client = { organizationId: "o-1", targetType: "ORGANIZATION", targetId: "o-1", targetName: "Contoso Dental" };

// One row per catalog type (a second row where the sentence has a variant worth pinning).
const CASES: [EventType, Partial<DescribableEvent>, string][] = [
  ["PROVIDER_SETUP_INVITED", { actorName: "Sam Staff", actorUserId: "u-s", ...provider, details: { email: "alice@northwind.example" } }, "Sam Staff invited alice@northwind.example to set up the provider Northwind IT Services"],
  ["PROVIDER_SETUP_COMPLETED", { ...alice, ...provider }, "Alice Admin completed the setup of Northwind IT Services"],
  ["PROVIDER_UPDATED", { ...alice, ...provider, details: { changed: ["name", "billingEmail"] } }, "Alice Admin changed the settings of Northwind IT Services (name, billing email)"],
  ["PROVIDER_DISABLED", { actorName: "Sam Staff", actorUserId: "u-s", ...provider, details: { clients: 3 } }, "Sam Staff disabled the provider Northwind IT Services and disabled 3 clients with it"],
  ["PROVIDER_ENABLED", { actorName: "Sam Staff", actorUserId: "u-s", ...provider }, "Sam Staff enabled the provider Northwind IT Services"],
  ["PROVIDER_API_KEY_CREATED", { ...alice, targetType: "PROVIDER_API_KEY", targetName: "ConnectWise sync" }, 'Alice Admin created the API key "ConnectWise sync"'],
  ["PROVIDER_API_KEY_REVOKED", { ...alice, targetType: "PROVIDER_API_KEY", targetName: "ConnectWise sync" }, 'Alice Admin revoked the API key "ConnectWise sync"'],
  ["PROVIDER_USER_INVITED", { ...alice, ...providerUser("bob@x.com"), details: { role: "SERVICE_USER" } }, "Alice Admin invited bob@x.com as Service User"],
  ["PROVIDER_USER_REINVITED", { ...alice, ...providerUser("bob@x.com") }, "Alice Admin re-sent the invitation to bob@x.com"],
  ["PROVIDER_USER_ACCEPTED", { actorUserId: "u-b", actorName: "Bob Tech", actorEmail: "bob@x.com", ...providerUser("bob@x.com") }, "Bob Tech accepted their invitation to the provider"],
  ["PROVIDER_USER_CONFIRMED", { ...alice, ...providerUser("bob@x.com"), details: { role: "PROVIDER_ADMIN" } }, "Alice Admin confirmed bob@x.com as Provider Admin"],
  ["PROVIDER_USER_UPDATED", { ...alice, ...providerUser("bob@x.com"), details: { before: { role: "SERVICE_USER" }, after: { role: "PROVIDER_ADMIN" } } }, "Alice Admin changed bob@x.com's role from Service User to Provider Admin"],
  ["PROVIDER_USER_UPDATED", { ...alice, ...providerUser("bob@x.com"), details: { oldRole: "PROVIDER_ADMIN", newRole: "SERVICE_USER" } }, "Alice Admin changed bob@x.com's role from Provider Admin to Service User"],
  ["PROVIDER_USER_REMOVED", { ...alice, ...providerUser("bob@x.com") }, "Alice Admin removed bob@x.com from the provider"],
  ["PROVIDER_USER_SCOPE_UPDATED", { ...alice, ...providerUser("bob@x.com"), details: { clientScoped: true, added: 3, removed: 1, clients: 12 } }, "Alice Admin limited bob@x.com to 12 clients (3 added, 1 removed)"],
  ["PROVIDER_USER_SCOPE_UPDATED", { ...alice, ...providerUser("bob@x.com"), details: { clientScoped: false, added: 0, removed: 2, clients: 0 } }, "Alice Admin gave bob@x.com access to all clients"],
  ["PROVIDER_ORGANIZATION_CREATED", { ...alice, ...client, details: { plan: "TEAMS_MONTHLY", seats: 25 } }, "Alice Admin created the client Contoso Dental (Teams (monthly), 25 seats)"],
  ["PROVIDER_ORGANIZATION_ADDED", { ...alice, ...client }, "Alice Admin added the existing organization Contoso Dental as a client"],
  ["PROVIDER_ORGANIZATION_REMOVED", { ...alice, ...client }, "Alice Admin removed the client Contoso Dental from the provider"],
  ["PROVIDER_ORGANIZATION_VAULT_ACCESSED", { ...carolVia, ...client }, "Carol Service opened Contoso Dental's admin console via Northwind IT Services"],
  ["ORGANIZATION_UPDATED", { ...carolVia, organizationId: "o-1", details: { before: { name: "Contoso" }, after: { name: "Contoso Dental" } } }, "Carol Service changed the settings of Contoso Dental (name) via Northwind IT Services"],
  ["ORGANIZATION_SEATS_CHANGED", { ...carolVia, organizationId: "o-1", details: { before: { seats: 10 }, after: { seats: 25 } } }, "Carol Service changed Contoso Dental's seats from 10 to 25 via Northwind IT Services"],
  ["ORGANIZATION_DISABLED", { actorName: "Sam Staff", actorUserId: "u-s", organizationId: "o-1", details: { reason: "provider_disabled" } }, "Sam Staff disabled Contoso Dental together with its provider"],
  ["ORGANIZATION_ENABLED", { actorName: "Sam Staff", actorUserId: "u-s", organizationId: "o-1" }, "Sam Staff enabled Contoso Dental"],
  ["MEMBER_INVITED", { ...carolVia, ...member("dana@contoso.example"), details: { role: "ADMIN" } }, "Carol Service invited dana@contoso.example to Contoso Dental as Admin via Northwind IT Services"],
  ["MEMBER_INVITED", { actorUserId: "u-o", actorName: "Olivia Garcia", ...member("dana@contoso.example"), details: { role: "USER" } }, "Olivia Garcia invited dana@contoso.example to Contoso Dental as User"],
  ["MEMBER_REINVITED", { ...carolVia, ...member("dana@contoso.example") }, "Carol Service re-sent dana@contoso.example's invitation to Contoso Dental via Northwind IT Services"],
  ["MEMBER_ACCEPTED", { actorUserId: "u-d", actorName: "Dana Lee", actorEmail: "dana@contoso.example", ...member("dana@contoso.example") }, "Dana Lee accepted the invitation to join Contoso Dental"],
  ["MEMBER_CONFIRMED", { ...carolVia, ...member("dana@contoso.example") }, "Carol Service confirmed dana@contoso.example in Contoso Dental via Northwind IT Services"],
  ["MEMBER_UPDATED", { ...carolVia, ...member("dana@contoso.example"), details: { before: { role: "USER" }, after: { role: "ADMIN" } } }, "Carol Service changed dana@contoso.example's role in Contoso Dental from User to Admin via Northwind IT Services"],
  ["MEMBER_REVOKED", { ...carolVia, ...member("dana@contoso.example") }, "Carol Service revoked dana@contoso.example's access to Contoso Dental via Northwind IT Services"],
  ["MEMBER_REVOKED", { ...alice, ...member("dana@contoso.test"), details: { reason: "two_factor_policy", cause: "policy_enabled" } }, "Alice Admin revoked dana@contoso.test's access to Contoso Dental (the organization requires two-step login)"],
  ["MEMBER_RESTORED", { ...carolVia, ...member("dana@contoso.example") }, "Carol Service restored dana@contoso.example's access to Contoso Dental via Northwind IT Services"],
  ["MEMBER_REMOVED", { ...carolVia, ...member("dana@contoso.example") }, "Carol Service removed dana@contoso.example from Contoso Dental via Northwind IT Services"],
  ["GROUP_CREATED", { ...carolVia, organizationId: "o-1", targetType: "GROUP", targetName: "Finance" }, 'Carol Service created the group "Finance" in Contoso Dental via Northwind IT Services'],
  ["GROUP_UPDATED", { ...carolVia, organizationId: "o-1", targetType: "GROUP", targetName: "Finance", details: { changed: ["members"] } }, 'Carol Service changed the group "Finance" in Contoso Dental (members) via Northwind IT Services'],
  ["GROUP_DELETED", { ...carolVia, organizationId: "o-1", targetType: "GROUP", targetName: "Finance" }, 'Carol Service deleted the group "Finance" from Contoso Dental via Northwind IT Services'],
  ["COLLECTION_CREATED", { ...carolVia, organizationId: "o-1", targetType: "COLLECTION", targetName: "Shared logins" }, 'Carol Service created the collection "Shared logins" in Contoso Dental via Northwind IT Services'],
  ["COLLECTION_UPDATED", { ...carolVia, organizationId: "o-1", targetType: "COLLECTION", targetName: "Shared logins" }, 'Carol Service changed the collection "Shared logins" in Contoso Dental via Northwind IT Services'],
  ["COLLECTION_DELETED", { ...carolVia, organizationId: "o-1", targetType: "COLLECTION", targetName: "Shared logins" }, 'Carol Service deleted the collection "Shared logins" from Contoso Dental via Northwind IT Services'],
  ["POLICY_UPDATED", { ...carolVia, organizationId: "o-1", targetType: "POLICY", targetName: "TWO_FACTOR_AUTHENTICATION", details: { before: { enabled: false }, after: { enabled: true } } }, 'Carol Service turned on the policy "Require two-step login" in Contoso Dental via Northwind IT Services'],
  ["POLICY_UPDATED", { ...alice, organizationId: "o-1", targetType: "POLICY", targetName: "VAULT_TIMEOUT", details: { before: { enabled: true }, after: { enabled: false } } }, 'Alice Admin turned off the policy "Vault timeout" in Contoso Dental'],
  ["POLICY_UPDATED", { ...alice, organizationId: "o-1", targetType: "POLICY", targetName: "MASTER_PASSWORD", details: { before: { enabled: true, settings: { minLength: 12 } }, after: { enabled: true, settings: { minLength: 14 } } } }, 'Alice Admin changed the policy "Master password requirements" in Contoso Dental'],
  ["PROVIDER_ORGANIZATION_DISABLED", { ...alice, ...client }, "Alice Admin disabled the client Contoso Dental"],
  ["PROVIDER_ORGANIZATION_ENABLED", { ...alice, ...client }, "Alice Admin enabled the client Contoso Dental"],
  ["POLICY_TEMPLATE_CREATED", { ...alice, targetType: "POLICY_TEMPLATE", targetName: "Baseline" }, 'Alice Admin created the policy template "Baseline"'],
  ["POLICY_TEMPLATE_UPDATED", { ...alice, targetType: "POLICY_TEMPLATE", targetName: "Baseline", details: { changed: ["policies"] } }, 'Alice Admin changed the policy template "Baseline" (policies)'],
  ["POLICY_TEMPLATE_DELETED", { ...alice, targetType: "POLICY_TEMPLATE", targetName: "Baseline" }, 'Alice Admin deleted the policy template "Baseline"'],
  ["POLICY_TEMPLATE_APPLIED", { ...alice, targetType: "POLICY_TEMPLATE", targetName: "Baseline", details: { scope: "all", clients: 1200, applied: 1150, unchanged: 48, failed: 2 } }, 'Alice Admin applied the policy template "Baseline" to 1,200 clients (1,150 changed, 48 unchanged, 2 failed)'],
  ["VAULT_ITEMS_IMPORTED", { ...carolVia, organizationId: "o-1", details: { imported: 120, collections: 4 } }, "Carol Service imported 120 vault items into Contoso Dental (4 collections) via Northwind IT Services"],
  ["USER_REGISTERED", { actorUserId: "u-b", actorName: "Bob Tech", actorEmail: "bob@x.com" }, "Bob Tech created an account (bob@x.com)"],
  ["STAFF_GRANTED", { targetType: "USER", targetName: "sam@example.com", details: { created: false } }, "The system made sam@example.com platform staff"],
  ["STAFF_GRANTED", { targetType: "USER", targetName: "sam@example.com", details: { created: true } }, "The system created the platform staff account sam@example.com"],
  ["USER_LOGGED_IN", { ...alice }, "Alice Admin signed in"],
  ["USER_LOGIN_FAILED", { ...alice, details: { email: "alice@northwind.example", reason: "wrong_password" } }, "Failed sign-in for alice@northwind.example (wrong password)"],
  ["USER_LOGIN_FAILED", { details: { email: "nobody@x.com", reason: "unknown_account" } }, "Failed sign-in for nobody@x.com (no such account)"],
  ["USER_2FA_ENABLED", { ...alice }, "Alice Admin turned on two-step login"],
  ["USER_2FA_DISABLED", { ...alice }, "Alice Admin turned off two-step login"],
  ["USER_RECOVERY_CODE_USED", { ...alice }, "Alice Admin signed in with a recovery code"],
  ["USER_RECOVERY_CODE_USED", { ...alice, details: { purpose: "disable_two_factor" } }, "Alice Admin used a recovery code to turn off two-step login"],
  ["USER_RECOVERY_CODE_USED", { ...alice, details: { purpose: "regenerate_recovery_codes" } }, "Alice Admin used a recovery code to replace their recovery codes"],
  ["USER_RECOVERY_CODES_REGENERATED", { ...alice }, "Alice Admin replaced their recovery codes"],
  ["USER_PASSWORD_CHANGED", { ...alice }, "Alice Admin changed their password"],
  ["USER_SIGNED_OUT_EVERYWHERE", { ...alice }, "Alice Admin signed out of all sessions"],
  ["INVOICE_ISSUED", { targetType: "INVOICE", targetName: "INV-2026-0042", details: { period: "2026-11", totalCents: 123456, currency: "USD" } }, "The system issued invoice INV-2026-0042 for 2026-11 ($1,234.56)"],
  ["EVENTS_PURGED", { details: { count: 1234, cutoff: "2026-01-01T00:00:00.000000Z" } }, "The system deleted 1,234 events older than 2026-01-01 (UTC) under the retention policy"],
  ["INVOICE_PAID", { actorName: "Sam Staff", actorUserId: "u-s", targetType: "INVOICE", targetName: "INV-202610-000001" }, "Sam Staff recorded the payment of invoice INV-202610-000001"],
  ["INVOICE_VOIDED", { actorName: "Sam Staff", actorUserId: "u-s", targetType: "INVOICE", targetName: "INV-202610-000001" }, "Sam Staff voided invoice INV-202610-000001"],
  ["PLAN_PRICE_SET", { actorName: "Sam Staff", actorUserId: "u-s", details: { plan: "TEAMS_MONTHLY", unitPriceCents: 450, effectiveFrom: "2027-01-01" } }, "Sam Staff set the Teams (monthly) seat price to $4.50 from 2027-01-01"],
  ["DISCOUNT_TIERS_UPDATED", { actorName: "Sam Staff", actorUserId: "u-s", details: { before: [], after: [] } }, "Sam Staff changed the reseller discount tiers"],
  ["PROVIDER_BILLING_UPDATED", { actorName: "Sam Staff", actorUserId: "u-s", ...provider, details: { mode: { from: "PER_CLIENT", to: "CONSOLIDATED", effectiveFrom: "2026-12" } } }, "Sam Staff changed the billing of Northwind IT Services to a consolidated invoice from 2026-12"],
  ["PROVIDER_BILLING_UPDATED", { actorName: "Sam Staff", actorUserId: "u-s", ...provider, details: { seatMinimums: { before: {}, after: { TEAMS_MONTHLY: 50 } } } }, "Sam Staff changed the seat minimums of Northwind IT Services"],
];

describe("describeEvent", () => {
  it.each(CASES)("%s → a plain sentence", (type, fields, sentence) => {
    expect(describeEvent(event(type, fields), names)).toBe(sentence);
  });

  it("has a case above for every catalog type", () => {
    expect(ALL_EVENT_TYPES.filter((t) => !CASES.some(([type]) => type === t))).toEqual([]);
  });

  it.each(ALL_EVENT_TYPES)("%s reads as a sentence even without details, names or target", (type) => {
    const sentence = describeEvent(event(type, { actorUserId: "u", actorName: "Alice Admin" }));
    expect(sentence).not.toMatch(/undefined|null|NaN|\[object/);
    expect(sentence).not.toContain(type);
    expect(sentence.length).toBeGreaterThan(10);
    expect(EVENT_TYPE_LABELS[type]).toBeTruthy();
  });

  it("names the acting provider, or says 'their provider' when its name is unknown", () => {
    const e = event("MEMBER_REMOVED", { ...carolVia, ...member("x@y.z") });
    expect(describeEvent(e, { organizationName: "Contoso Dental", actingProviderName: "Northwind IT Services" })).toMatch(/ via Northwind IT Services$/);
    expect(describeEvent(e, { organizationName: "Contoso Dental" })).toMatch(/ via their provider$/);
  });

  it("falls back to the actor's email, then 'A user' or 'The system'", () => {
    expect(describeEvent(event("USER_LOGGED_IN", { actorUserId: "u", actorEmail: "a@b.c" }))).toBe("a@b.c signed in");
    expect(describeEvent(event("USER_LOGGED_IN", { actorUserId: "u" }))).toBe("A user signed in");
    expect(describeEvent(event("EVENTS_PURGED"))).toBe("The system deleted old events under the retention policy");
  });

  it("still describes a type the catalog no longer knows", () => {
    expect(describeEvent({ ...event("USER_LOGGED_IN", alice), type: "LEGACY_THING" })).toBe("Alice Admin: LEGACY_THING");
  });
});
