// Bulk-loads client organizations for one provider, for measuring the client list at scale
// (npm run seed:clients). Each batch is a few multi-row INSERTs from arrays (unnest), on PostgreSQL
// or the embedded database alike. The counter triggers stay on — they keep organizations.occupied_seats
// and provider_stats right row by row — and the loader checks provider_stats against a fresh count
// at the end. Bulk-loaded clients are benchmark data: no events are written for them.
import { randomBytes, randomUUID } from "node:crypto";
import { newDataKey } from "@/lib/crypto/envelope";
import { hashPassword } from "@/lib/crypto/password";
import type { Sql } from "@/lib/db/sql";

const FIRST = ["Contoso", "Fabrikam", "Tailspin", "Litware", "Adventure", "Proseware", "Wingtip", "Woodgrove", "Lucerne", "Humongous", "Blue Yonder", "Alpine", "Coho", "Fourth Coffee", "Northridge", "Southbay", "Trey", "Wide World", "Lakeshore", "Summit", "Redwood", "Harbor", "Granite", "Silverline", "Brightpath", "Evergreen", "Ironclad", "Keystone", "Maple", "Cedar", "Riverside", "Pinnacle", "Oakridge", "Sterling", "Beacon", "Meridian"];
const SECOND = ["Dental", "Legal", "Logistics", "Manufacturing", "Realty", "Accounting", "Clinic", "Architects", "Foods", "Consulting", "Insurance", "Engineering", "Labs", "Media", "Outfitters", "Partners", "Pharmacy", "Studios", "Travel", "Ventures", "Veterinary", "Construction", "Education", "Nonprofit"];
const PLACES = ["Austin", "Boston", "Denver", "Leeds", "Lyon", "Munich", "Oslo", "Porto", "Seattle", "Toronto", "Utrecht", "Vienna"];
const PEOPLE = ["Olivia", "Liam", "Emma", "Noah", "Ava", "Lucas", "Mia", "Ethan", "Sofia", "Mason", "Amara", "Kenji", "Priya", "Mateo", "Zoe", "Omar"];
const SEATS = [5, 5, 10, 10, 10, 15, 20, 25, 25, 40, 50, 75, 100, 150, 250];
const DAY = 86_400_000;

export interface SeedClientsOptions {
  providerId: string;
  count: number;
  /** Organizations per INSERT statement. */
  batchSize?: number;
  /** Every n-th client gets a handful of members (owner, admin, users, a pending invitation). */
  membersEvery?: number;
  /** Deterministic data for tests; random otherwise. */
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedClientsResult {
  clients: number;
  members: number;
  users: number;
  stats: { clientCount: number; seats: number; occupiedSeats: number; managedSeats: number };
}

function prng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

export class ProviderNotFoundError extends Error {}

export async function seedClients(sql: Sql, options: SeedClientsOptions): Promise<SeedClientsResult> {
  const { providerId, count } = options;
  const batchSize = options.batchSize ?? 2000;
  const membersEvery = options.membersEvery ?? 10;
  const rnd = prng(options.seed ?? randomBytes(4).readUInt32LE());
  const run = randomBytes(3).toString("hex");
  const providers = await sql.query<{ id: string }>(`SELECT id FROM providers WHERE id = $1::uuid`, [providerId]);
  if (providers.length === 0) throw new ProviderNotFoundError(`No provider has the id ${providerId}.`);
  // Members get real accounts with a password nobody knows (they exist to fill seats).
  const passwordHash = await hashPassword(randomBytes(24).toString("base64url"));
  const now = Date.now();
  let members = 0;
  let users = 0;

  for (let start = 0; start < count; start += batchSize) {
    const size = Math.min(batchSize, count - start);
    const org = { id: [] as string[], name: [] as string[], email: [] as string[], plan: [] as string[], seats: [] as number[], label: [] as string[], last4: [] as string[], key: [] as string[], created: [] as string[] };
    const user = { id: [] as string[], email: [] as string[], name: [] as string[], created: [] as string[] };
    const member = { org: [] as string[], user: [] as (string | null)[], email: [] as string[], role: [] as string[], status: [] as string[], created: [] as string[] };
    for (let i = 0; i < size; i++) {
      const n = start + i + 1;
      const id = randomUUID();
      const first = rnd.pick(FIRST);
      const second = rnd.pick(SECOND);
      const domain = `${first}${second}`.toLowerCase().replace(/[^a-z]/g, "") + `-${run}-${n}.example`;
      const createdAt = new Date(now - Math.floor(rnd.next() * 730 * DAY)).toISOString();
      const seats = rnd.pick(SEATS);
      org.id.push(id);
      org.name.push(`${first} ${second} ${rnd.pick(PLACES)} ${n}`);
      org.email.push(`billing@${domain}`);
      org.plan.push(rnd.next() < 0.7 ? "TEAMS_MONTHLY" : "ENTERPRISE_MONTHLY");
      org.seats.push(seats);
      org.label.push(rnd.pick(["Visa", "Mastercard", "Amex"]));
      org.last4.push(String(1000 + Math.floor(rnd.next() * 9000)));
      org.key.push(Buffer.from(newDataKey(id).wrapped).toString("hex"));
      org.created.push(createdAt);
      if (n % membersEvery !== 0) continue;
      const people = (["OWNER", "ADMIN", "USER", "USER", "USER"] as const).slice(0, Math.min(5, seats));
      people.forEach((role, m) => {
        const person = rnd.pick(PEOPLE);
        const email = `${person.toLowerCase()}.${m}@${domain}`;
        const status = m === 0 || m === 1 ? "CONFIRMED" : m === 4 ? "INVITED" : rnd.pick(["CONFIRMED", "ACCEPTED"]);
        let userId: string | null = null;
        if (status !== "INVITED") {
          userId = randomUUID();
          user.id.push(userId);
          user.email.push(email);
          user.name.push(`${person} ${second}`);
          user.created.push(createdAt);
        }
        member.org.push(id);
        member.user.push(userId);
        member.email.push(email);
        member.role.push(role);
        member.status.push(status);
        member.created.push(createdAt);
      });
    }

    await sql.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO organizations (id, name, billing_email, plan, seats, provider_id, payment_method_kind, payment_method_label, payment_method_last4, data_key_wrapped, created_at, updated_at)
         SELECT u.id, u.name, u.email, u.plan::"OrganizationPlan", u.seats, $1::uuid, 'CARD', u.label, u.last4, decode(u.key, 'hex'), u.created, u.created
           FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[], $10::timestamptz[])
                AS u(id, name, email, plan, seats, label, last4, key, created)`,
        [providerId, org.id, org.name, org.email, org.plan, org.seats, org.label, org.last4, org.key, org.created],
      );
      await tx.query(
        `INSERT INTO collections (organization_id, name, is_default, created_at, updated_at)
         SELECT u.id, 'Default collection', true, u.created, u.created FROM unnest($1::uuid[], $2::timestamptz[]) AS u(id, created)`,
        [org.id, org.created],
      );
      await tx.query(
        `INSERT INTO seat_ledger (organization_id, provider_id, plan, seats, effective_at)
         SELECT u.id, $1::uuid, u.plan::"OrganizationPlan", u.seats, u.created FROM unnest($2::uuid[], $3::text[], $4::int[], $5::timestamptz[]) AS u(id, plan, seats, created)`,
        [providerId, org.id, org.plan, org.seats, org.created],
      );
      if (user.id.length) {
        await tx.query(
          `INSERT INTO users (id, email, name, password_hash, created_at, updated_at)
           SELECT u.id, u.email, u.name, $1, u.created, u.created FROM unnest($2::uuid[], $3::text[], $4::text[], $5::timestamptz[]) AS u(id, email, name, created)`,
          [passwordHash, user.id, user.email, user.name, user.created],
        );
      }
      if (member.org.length) {
        await tx.query(
          `INSERT INTO organization_members (organization_id, user_id, email, role, status, created_at, updated_at)
           SELECT u.org, u.usr, u.email, u.role::"OrganizationRole", u.status::"MemberStatus", u.created, u.created
             FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[]) AS u(org, usr, email, role, status, created)`,
          [member.org, member.user, member.email, member.role, member.status, member.created],
        );
      }
    });
    // Every counted row updates the provider's one provider_stats row, leaving a dead version behind;
    // past a few thousand of those each update crawls through them (measured: 2,000 inserts went from
    // 0.1 s to 6 s). Autovacuum is far too slow for a bulk load, so clean up after every batch.
    await sql.exec("VACUUM provider_stats");
    members += member.org.length;
    users += user.id.length;
    options.onProgress?.(start + size, count);
  }

  await sql.exec("ANALYZE organizations");
  return { clients: count, members, users, stats: await verifyProviderStats(sql, providerId) };
}

export class StatsMismatchError extends Error {}

/** provider_stats must equal a fresh count over the provider's organizations; throws if not. */
export async function verifyProviderStats(sql: Sql, providerId: string): Promise<SeedClientsResult["stats"]> {
  const [kept] = await sql.query<{ client_count: number; seats: number; occupied_seats: number; managed_seats: number }>(
    `SELECT client_count, seats, occupied_seats, managed_seats FROM provider_stats WHERE provider_id = $1::uuid`,
    [providerId],
  );
  const [fresh] = await sql.query<{ client_count: number; seats: number; occupied_seats: number; managed_seats: number }>(
    `SELECT count(*)::int AS client_count, coalesce(sum(seats), 0)::int AS seats, coalesce(sum(occupied_seats), 0)::int AS occupied_seats,
            coalesce(sum(seats) FILTER (WHERE plan IN ('TEAMS_MONTHLY', 'TEAMS_ANNUAL', 'ENTERPRISE_MONTHLY', 'ENTERPRISE_ANNUAL')), 0)::int AS managed_seats
       FROM organizations WHERE provider_id = $1::uuid`,
    [providerId],
  );
  const stats = { clientCount: kept?.client_count ?? 0, seats: kept?.seats ?? 0, occupiedSeats: kept?.occupied_seats ?? 0, managedSeats: kept?.managed_seats ?? 0 };
  const expected = { clientCount: fresh!.client_count, seats: fresh!.seats, occupiedSeats: fresh!.occupied_seats, managedSeats: fresh!.managed_seats };
  if (JSON.stringify(stats) !== JSON.stringify(expected)) {
    throw new StatsMismatchError(`provider_stats ${JSON.stringify(stats)} disagrees with the organizations ${JSON.stringify(expected)}.`);
  }
  return stats;
}
