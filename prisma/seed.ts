// The demo data set: one platform staff user, the MSP "Northwind IT Services" with two Provider Admins,
// two Service Users and a pending invitation, ~60 client organizations with members, groups,
// collections and policies, a few thousand events over the last 90 days, and one provider waiting
// for its setup (its setup mail is in the outbox). Loaded once, in one transaction.
import { randomUUID } from "node:crypto";
import { SYSTEM_META, type Actor } from "@/lib/actor";
import { newDataKey } from "@/lib/crypto/envelope";
import { hashPassword } from "@/lib/crypto/password";
import { hashToken, newToken } from "@/lib/crypto/tokens";
import type { Tx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/transaction";
import { env } from "@/lib/env";
import type { EventInput } from "@/lib/events/recorder";
import { recordEvents } from "@/lib/events/recorder";
import { sendMailSafely } from "@/lib/mail/mailer";
import { providerSetupInvitationMail } from "@/lib/mail/templates";
import { lastClosedPeriod, periodOf, shiftPeriod } from "@/lib/billing/period";
import { runBilling } from "@/lib/services/billing/run-billing";
import { validateTemplatePolicies } from "@/lib/services/policy-templates/templates";
import type { CollectionPermission, OrganizationPlan, PolicyType } from "@/lib/db/generated/client.ts";

export const DEMO_PASSWORD = "Portal-Demo-2026";
const SEED_KEY = "seed:demo";
const DAY = 86_400_000;

export interface DemoSignIn {
  role: string;
  email: string;
  password: string;
}

const SIGN_INS: DemoSignIn[] = [
  { role: "Platform staff", email: "staff@example.com", password: DEMO_PASSWORD },
  { role: "Provider Admin (Northwind)", email: "alice@northwind.example", password: DEMO_PASSWORD },
  { role: "Service User (Northwind)", email: "carol@northwind.example", password: DEMO_PASSWORD },
  { role: "Service User limited to 5 clients (Northwind)", email: "dave@northwind.example", password: DEMO_PASSWORD },
  { role: "Client owner (not a provider member)", email: "olivia@contoso.example", password: DEMO_PASSWORD },
];

export function printDemoSignIns(signIns: DemoSignIn[]): void {
  const width = Math.max(...signIns.map((s) => s.role.length));
  console.log("\nDemo sign-ins (password for all: " + DEMO_PASSWORD + "):");
  for (const s of signIns) console.log(`  ${s.role.padEnd(width)}  ${s.email}`);
  console.log("");
}

/** A small deterministic PRNG (mulberry32) so every demo looks the same. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

const COMPANY_FIRST = ["Contoso", "Fabrikam", "Tailspin", "Litware", "Adventure", "Proseware", "Wingtip", "Woodgrove", "Lucerne", "Humongous", "Blue Yonder", "Alpine", "Coho", "Fourth Coffee", "Margie's", "Northridge", "Southbay", "Trey", "Wide World", "Graphic Design", "Lakeshore", "Summit", "Redwood", "Harbor", "Granite", "Silverline", "Brightpath", "Evergreen", "Ironclad", "Keystone"];
const COMPANY_SECOND = ["Dental", "Legal", "Logistics", "Manufacturing", "Realty", "Accounting", "Clinic", "Architects", "Foods", "Consulting", "Insurance", "Engineering", "Labs", "Media", "Outfitters", "Partners", "Pharmacy", "Studios", "Travel", "Ventures"];
const FIRST_NAMES = ["Olivia", "Liam", "Emma", "Noah", "Ava", "Lucas", "Mia", "Ethan", "Sofia", "Mason", "Isabella", "Logan", "Amara", "Kenji", "Priya", "Mateo", "Zoe", "Omar", "Hannah", "Felix", "Leila", "Jonas", "Grace", "Ravi"];
const LAST_NAMES = ["Garcia", "Smith", "Nguyen", "Okafor", "Müller", "Rossi", "Tanaka", "Kowalski", "Johansson", "Patel", "Brown", "Silva", "Dubois", "Cohen", "Haddad", "Murphy"];
const GROUPS = ["Leadership", "Finance", "Engineering", "Sales", "Support", "Operations"];
const COLLECTIONS = ["Shared logins", "Infrastructure", "Finance", "Social media", "Vendors"];
const PERMISSIONS: CollectionPermission[] = ["VIEW", "VIEW_EXCEPT_PASSWORDS", "EDIT", "EDIT_EXCEPT_PASSWORDS", "MANAGE"];

export async function seedDemo(): Promise<{ seededNow: boolean; signIns: DemoSignIn[] }> {
  if ((await db.jobRun.count({ where: { key: SEED_KEY } })) > 0) return { seededNow: false, signIns: SIGN_INS };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const setupToken = newToken();
  const pending = await transaction((tx) => load(tx, passwordHash, setupToken), { timeout: 300_000 });
  if (!pending) return { seededNow: false, signIns: SIGN_INS };
  // Invoices for the demo's completed months, as the monthly billing job would have issued them.
  for (let period = periodOf(new Date(Date.now() - 90 * DAY)); period <= lastClosedPeriod(new Date()); period = shiftPeriod(period, 1)) {
    await runBilling(period);
  }
  await sendMailSafely(providerSetupInvitationMail({ to: pending.email, providerName: pending.name, providerId: pending.id, token: setupToken }));
  return { seededNow: true, signIns: SIGN_INS };
}

async function load(tx: Tx, passwordHash: string, setupToken: string): Promise<{ id: string; name: string; email: string } | null> {
  const claimed = await tx.jobRun.createMany({ data: [{ key: SEED_KEY }], skipDuplicates: true });
  if (claimed.count === 0) return null;
  const rnd = random(20261122);
  const now = Date.now();
  const start = now - 90 * DAY;
  const events: EventInput[] = [];
  const at = (t: number) => new Date(Math.min(t, now - 60_000));

  // People of the platform and the provider.
  const staff = await tx.user.create({ data: { email: "staff@example.com", name: "Sam Staff", passwordHash, isStaff: true } });
  const team = [
    { email: "alice@northwind.example", name: "Alice Admin", role: "PROVIDER_ADMIN" as const },
    { email: "bob@northwind.example", name: "Bob Admin", role: "PROVIDER_ADMIN" as const },
    { email: "carol@northwind.example", name: "Carol Service", role: "SERVICE_USER" as const },
    { email: "dave@northwind.example", name: "Dave Service", role: "SERVICE_USER" as const },
  ];
  const teamUsers = [];
  for (const member of team) teamUsers.push({ ...member, user: await tx.user.create({ data: { email: member.email, name: member.name, passwordHash } }) });
  const actorOf = (u: { id: string; name: string; email: string }, actingProviderId: string | null = null): Actor => ({
    userId: u.id,
    name: u.name,
    email: u.email,
    actingProviderId,
  });
  const staffActor = actorOf(staff);
  const meta = { ip: "203.0.113.10", userAgent: "Mozilla/5.0 (Demo) Chrome/120" };

  const provider = await tx.provider.create({
    data: {
      name: "Northwind IT Services",
      businessName: "Northwind IT Services LLC",
      billingEmail: "billing@northwind.example",
      status: "ACTIVE",
      billingMode: "CONSOLIDATED",
      createdAt: at(start),
    },
  });
  const alice = teamUsers[0]!;
  events.push(
    { type: "PROVIDER_SETUP_INVITED", actor: staffActor, meta, providerId: provider.id, target: { type: "PROVIDER", id: provider.id, name: provider.name }, details: { email: alice.email }, at: at(start) },
    { type: "PROVIDER_SETUP_COMPLETED", actor: actorOf(alice.user), meta, providerId: provider.id, target: { type: "PROVIDER", id: provider.id, name: provider.name }, at: at(start + 3_600_000) },
  );
  for (const [i, member] of teamUsers.entries()) {
    const pu = await tx.providerUser.create({
      data: { providerId: provider.id, userId: member.user.id, email: member.email, role: member.role, status: "CONFIRMED" },
    });
    if (i === 0) continue;
    const t = start + i * 4 * 3_600_000;
    const target = { type: "PROVIDER_USER" as const, id: pu.id, name: member.email };
    events.push(
      { type: "PROVIDER_USER_INVITED", actor: actorOf(alice.user), meta, providerId: provider.id, target, details: { role: member.role }, at: at(t) },
      { type: "PROVIDER_USER_ACCEPTED", actor: actorOf(member.user), meta, providerId: provider.id, target, at: at(t + 1_800_000) },
      { type: "PROVIDER_USER_CONFIRMED", actor: actorOf(alice.user), meta, providerId: provider.id, target, at: at(t + 3_600_000) },
    );
  }
  const invited = await tx.providerUser.create({
    data: { providerId: provider.id, email: "erin@northwind.example", role: "SERVICE_USER", status: "INVITED", inviteTokenHash: hashToken(newToken()), inviteExpiresAt: new Date(now + 5 * DAY) },
  });
  events.push({ type: "PROVIDER_USER_INVITED", actor: actorOf(alice.user), meta, providerId: provider.id, target: { type: "PROVIDER_USER", id: invited.id, name: invited.email }, details: { role: "SERVICE_USER" }, at: at(now - 2 * DAY) });

  // Client organizations (and the provider's own internal one).
  const names = new Set<string>();
  while (names.size < 60) names.add(`${rnd.pick(COMPANY_FIRST)} ${rnd.pick(COMPANY_SECOND)}`);
  const clients = [{ name: "Northwind IT Services (internal)", internal: true }, ...[...names].map((name) => ({ name, internal: false }))];
  const clientOwner = await tx.user.create({ data: { email: "olivia@contoso.example", name: "Olivia Garcia", passwordHash } });

  for (const [index, client] of clients.entries()) {
    const createdAt = client.internal ? start + DAY : start + 2 * DAY + Math.floor(((now - start - 5 * DAY) * index) / clients.length);
    const plan: OrganizationPlan = client.internal || rnd.chance(0.7) ? "TEAMS_MONTHLY" : "ENTERPRISE_MONTHLY";
    const seats = client.internal ? 10 : rnd.pick([5, 10, 10, 15, 20, 25, 25, 40, 50, 75, 100, 150]);
    const domain = `${client.name.toLowerCase().replace(/[^a-z0-9]+/g, "")}.example`;
    const creator = rnd.chance(0.7) ? alice : teamUsers[1]!;
    const organizationId = randomUUID();
    const organization = await tx.organization.create({
      data: {
        id: organizationId,
        dataKeyWrapped: newDataKey(organizationId).wrapped,
        name: client.name,
        billingEmail: `billing@${domain}`,
        plan,
        seats,
        providerId: provider.id,
        isProviderInternal: client.internal,
        paymentMethodKind: client.internal ? "INVOICE" : rnd.pick(["CARD", "CARD", "BANK_ACCOUNT"] as const),
        paymentMethodLabel: client.internal ? "Provider invoice" : rnd.pick(["Visa", "Mastercard", "Amex", "ACH debit"]),
        paymentMethodLast4: client.internal ? null : String(rnd.int(1000, 9999)),
        createdAt: at(createdAt),
      },
    });
    await tx.seatLedgerEntry.create({ data: { organizationId: organization.id, providerId: provider.id, plan, seats, effectiveAt: at(createdAt) } });
    const via = actorOf(creator.user, provider.id);
    const orgTarget = { type: "ORGANIZATION" as const, id: organization.id, name: organization.name };
    events.push({ type: "PROVIDER_ORGANIZATION_CREATED", actor: actorOf(creator.user), meta, providerId: provider.id, organizationId: organization.id, target: orgTarget, details: { plan, seats }, at: at(createdAt) });

    // Members: an owner, then a few colleagues in various states.
    const ownerEmail = index === 1 ? clientOwner.email : `${rnd.pick(FIRST_NAMES).toLowerCase()}.owner@${domain}`;
    const memberCount = client.internal ? team.length : Math.min(seats, rnd.int(2, 7));
    const memberRows: { id: string; email: string }[] = [];
    for (let m = 0; m < memberCount; m++) {
      let email: string;
      let name: string;
      let userId: string | null = null;
      if (client.internal) {
        const person = teamUsers[m]!;
        email = person.email;
        name = person.name;
        userId = person.user.id;
      } else if (m === 0) {
        email = ownerEmail;
        name = index === 1 ? clientOwner.name : `${rnd.pick(FIRST_NAMES)} ${rnd.pick(LAST_NAMES)}`;
      } else {
        const first = rnd.pick(FIRST_NAMES);
        const last = rnd.pick(LAST_NAMES);
        name = `${first} ${last}`;
        email = `${first}.${last}${m}`.toLowerCase().replace(/[^a-z0-9.]/g, "") + `@${domain}`;
      }
      const status = m === 0 || client.internal ? "CONFIRMED" : rnd.pick(["CONFIRMED", "CONFIRMED", "CONFIRMED", "ACCEPTED", "INVITED"] as const);
      if (!userId && status !== "INVITED") {
        userId = index === 1 && m === 0 ? clientOwner.id : (await tx.user.create({ data: { email, name, passwordHash } })).id;
      }
      const role = m === 0 ? "OWNER" : m === 1 && !client.internal ? "ADMIN" : client.internal && m < 2 ? "OWNER" : "USER";
      const member = await tx.organizationMember.create({
        data: { organizationId: organization.id, userId, email, role, status, createdAt: at(createdAt + (m + 1) * 600_000) },
      });
      memberRows.push({ id: member.id, email });
      const t = createdAt + (m + 1) * 600_000;
      events.push({ type: "MEMBER_INVITED", actor: via, meta, organizationId: organization.id, target: { type: "MEMBER", id: member.id, name: email }, details: { role }, at: at(t) });
      if (status === "CONFIRMED") {
        events.push({ type: "MEMBER_CONFIRMED", actor: via, meta, organizationId: organization.id, target: { type: "MEMBER", id: member.id, name: email }, at: at(t + 3_600_000) });
      }
    }

    // Groups, collections and who may see what.
    const groupNames = client.internal ? ["Technicians"] : GROUPS.filter(() => rnd.chance(0.35)).slice(0, 3);
    const groupIds: string[] = [];
    for (const name of groupNames) {
      const group = await tx.group.create({ data: { organizationId: organization.id, name } });
      groupIds.push(group.id);
      const picked = memberRows.filter(() => rnd.chance(0.6));
      if (picked.length) await tx.groupMember.createMany({ data: picked.map((m) => ({ groupId: group.id, memberId: m.id })) });
      events.push({ type: "GROUP_CREATED", actor: via, meta, organizationId: organization.id, target: { type: "GROUP", id: group.id, name }, at: at(createdAt + DAY / 2) });
    }
    const collectionNames = ["Default collection", ...COLLECTIONS.filter(() => rnd.chance(0.4)).slice(0, 3)];
    for (const [c, name] of collectionNames.entries()) {
      const collection = await tx.collection.create({ data: { organizationId: organization.id, name, isDefault: c === 0 } });
      if (groupIds.length) {
        await tx.collectionGroupAccess.createMany({
          data: groupIds.filter(() => rnd.chance(0.6)).map((groupId) => ({ collectionId: collection.id, groupId, permission: rnd.pick(PERMISSIONS) })),
        });
      }
      await tx.collectionMemberAccess.create({ data: { collectionId: collection.id, memberId: memberRows[0]!.id, permission: "MANAGE" } });
      events.push({ type: "COLLECTION_CREATED", actor: via, meta, organizationId: organization.id, target: { type: "COLLECTION", id: collection.id, name }, at: at(createdAt + DAY / 2 + c * 60_000) });
    }

    // Policies, configured per client.
    const policies: { type: PolicyType; enabled: boolean; settings: object }[] = [
      { type: "TWO_FACTOR_AUTHENTICATION", enabled: rnd.chance(0.6), settings: {} },
      { type: "MASTER_PASSWORD", enabled: rnd.chance(0.4), settings: { minLength: rnd.pick([12, 14, 16]), minComplexity: rnd.pick([2, 3, 4]), requireUpper: true, requireLower: true, requireNumbers: true, requireSpecial: rnd.chance(0.5) } },
      { type: "VAULT_TIMEOUT", enabled: rnd.chance(0.3), settings: { maxMinutes: rnd.pick([15, 30, 60]), action: rnd.pick(["lock", "logOut"]) } },
      { type: "SINGLE_ORG", enabled: rnd.chance(0.2), settings: {} },
    ];
    for (const policy of policies.filter((p) => p.enabled)) {
      const row = await tx.policy.create({ data: { organizationId: organization.id, type: policy.type, enabled: true, settings: policy.settings } });
      events.push({
        type: "POLICY_UPDATED",
        actor: via,
        meta,
        organizationId: organization.id,
        target: { type: "POLICY", id: row.id, name: policy.type },
        details: { before: { enabled: false, settings: {} }, after: { enabled: true, settings: policy.settings } },
        at: at(createdAt + DAY),
      });
    }

    // Day-to-day activity: provider members opening the client's admin console.
    for (let t = createdAt + DAY; t < now; t += rnd.int(1, 4) * DAY) {
      const who = rnd.pick(teamUsers);
      events.push({ type: "PROVIDER_ORGANIZATION_VAULT_ACCESSED", actor: actorOf(who.user, provider.id), meta, organizationId: organization.id, target: orgTarget, at: at(t + rnd.int(8, 18) * 3_600_000) });
    }
  }

  // Dave is a Service User limited to five clients; the provider keeps a baseline policy template.
  const dave = teamUsers[3]!;
  const daveMembership = await tx.providerUser.update({ where: { providerId_userId: { providerId: provider.id, userId: dave.user.id } }, data: { clientScoped: true } });
  const daveClients = await tx.organization.findMany({ where: { providerId: provider.id, isProviderInternal: false }, orderBy: { name: "asc" }, take: 5, select: { id: true } });
  await tx.providerUserClient.createMany({ data: daveClients.map((c) => ({ providerUserId: daveMembership.id, organizationId: c.id })) });
  events.push({
    type: "PROVIDER_USER_SCOPE_UPDATED",
    actor: actorOf(alice.user),
    meta,
    providerId: provider.id,
    target: { type: "PROVIDER_USER", id: daveMembership.id, name: dave.email },
    details: { clientScoped: true, added: daveClients.length, removed: 0, clients: daveClients.length },
    at: at(start + DAY),
  });
  const baseline = [
    { type: "TWO_FACTOR_AUTHENTICATION" as const, enabled: true, settings: {} },
    { type: "MASTER_PASSWORD" as const, enabled: true, settings: { minLength: 14, minComplexity: 3, requireUpper: true, requireLower: true, requireNumbers: true, requireSpecial: false } },
  ];
  const template = await tx.policyTemplate.create({ data: { providerId: provider.id, name: "Baseline security", policies: validateTemplatePolicies(baseline) as object[] } });
  events.push({
    type: "POLICY_TEMPLATE_CREATED",
    actor: actorOf(alice.user),
    meta,
    providerId: provider.id,
    target: { type: "POLICY_TEMPLATE", id: template.id, name: template.name },
    details: { policies: baseline.map((p) => ({ type: p.type, enabled: p.enabled })) },
    at: at(start + 2 * DAY),
  });

  // Sign-ins by the provider team over the period.
  for (let t = start + DAY; t < now; t += DAY) {
    for (const member of teamUsers) {
      if (rnd.chance(0.7)) {
        events.push({ type: "USER_LOGGED_IN", actor: actorOf(member.user), meta, target: { type: "USER", id: member.user.id, name: member.email }, at: at(t + rnd.int(7, 10) * 3_600_000) });
      }
    }
  }

  // Consolidated billing draws client seats from a minimum per plan, set a little above what is assigned.
  const assigned = await tx.organization.groupBy({ by: ["plan"], where: { providerId: provider.id }, _sum: { seats: true } });
  await tx.providerSeatMinimum.createMany({
    data: assigned.map((row) => ({ providerId: provider.id, plan: row.plan, seatMinimum: Math.ceil(((row._sum.seats ?? 0) * 1.1) / 50) * 50 })),
  });

  // A provider waiting for its first admin (the setup mail goes to the outbox after commit).
  const contoso = await tx.provider.create({ data: { name: "Contoso Managed Services", type: "MSP" } });
  const ownerEmail = "owner@contoso-msp.example";
  await tx.providerSetupInvitation.create({
    data: {
      providerId: contoso.id,
      email: ownerEmail,
      tokenHash: hashToken(setupToken),
      expiresAt: new Date(now + env().SETUP_TOKEN_TTL_HOURS * 3_600_000),
      createdById: staff.id,
    },
  });
  events.push({ type: "PROVIDER_SETUP_INVITED", actor: staffActor, meta: SYSTEM_META, providerId: contoso.id, target: { type: "PROVIDER", id: contoso.id, name: contoso.name }, details: { email: ownerEmail }, at: at(now - DAY) });

  events.sort((a, b) => a.at!.getTime() - b.at!.getTime());
  for (let i = 0; i < events.length; i += 1000) await recordEvents(tx, events.slice(i, i + 1000));
  return { id: contoso.id, name: contoso.name, email: ownerEmail };
}
