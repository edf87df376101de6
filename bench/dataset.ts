// The benchmark data set: one provider with 100,000 clients (realistic names, plans and seats, about
// five members each on every tenth) and 5,000,000 events over two years with a valid hash chain.
// Clients come from the same bulk loader as `npm run seed:clients`; events are streamed with COPY,
// the events indexes rebuilt afterwards (far faster than maintaining them row by row).
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PoolClient } from "pg";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { hashPassword } from "@/lib/crypto/password";
import { pgSql } from "@/lib/db/sql";
import { chainScopeFor, eventHash, GENESIS_HASH, type ChainedFields } from "@/lib/events/chain";
import type { EventType } from "@/lib/events/catalog";
import { seedClients } from "@/scripts/lib/bulk-clients";

export const DATASET_KEY = "bench:dataset:v1";
export const BENCH_PASSWORD = "Bench-Admin-Passphrase-2026";

export interface Dataset {
  providerId: string;
  adminId: string;
  adminEmail: string;
  clients: number;
  events: number;
  loadSeconds: { clients: number; events: number; indexes: number; total: number };
}

export interface DatasetSize {
  clients: number;
  events: number;
}

/** The data set recorded in this database, if it was loaded with the same size. */
export async function existingDataset(pool: pg.Pool, size: DatasetSize): Promise<Dataset | null> {
  const rows = await pool.query<{ result: Dataset }>(`SELECT result FROM job_runs WHERE key = $1 AND finished_at IS NOT NULL`, [DATASET_KEY]);
  const dataset = rows.rows[0]?.result;
  return dataset && dataset.clients === size.clients && dataset.events === size.events ? dataset : null;
}

export async function loadDataset(pool: pg.Pool, size: DatasetSize, log: (line: string) => void): Promise<Dataset> {
  const started = Date.now();
  await pool.query(`DELETE FROM job_runs WHERE key = $1`, [DATASET_KEY]);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const team = ["Avery Admin", "Blake Admin", "Casey Tech", "Devon Tech"].map((name, i) => ({
    id: randomUUID(),
    name,
    email: `bench-${name.split(" ")[0]!.toLowerCase()}-${Date.now().toString(36)}@example.test`,
    role: i < 2 ? "PROVIDER_ADMIN" : "SERVICE_USER",
  }));
  const providerId = randomUUID();
  await pool.query(`INSERT INTO providers (id, name, business_name, billing_email, status, updated_at) VALUES ($1, $2, $3, $4, 'ACTIVE', now())`, [
    providerId,
    `Benchmark MSP ${new Date().toISOString().slice(0, 10)}`,
    "Benchmark MSP LLC",
    "billing@bench-msp.example",
  ]);
  for (const member of team) {
    await pool.query(`INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ($1, $2, $3, $4, now())`, [member.id, member.email, member.name, passwordHash]);
    await pool.query(
      `INSERT INTO provider_users (id, provider_id, user_id, email, role, status, updated_at) VALUES (gen_random_uuid(), $1, $2, $3, $4::"ProviderUserRole", 'CONFIRMED', now())`,
      [providerId, member.id, member.email, member.role],
    );
  }

  const clientsStarted = Date.now();
  let lastReport = 0;
  const seeded = await seedClients(pgSql(pool), {
    providerId,
    count: size.clients,
    seed: 20261122,
    onProgress: (done, total) => {
      if (Date.now() - lastReport > 5000 || done === total) {
        lastReport = Date.now();
        log(`  clients ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")}`);
      }
    },
  });
  const clientsSeconds = (Date.now() - clientsStarted) / 1000;
  log(`  ${seeded.clients.toLocaleString("en-US")} clients, ${seeded.members.toLocaleString("en-US")} members in ${clientsSeconds.toFixed(1)} s`);

  const organizations = (await pool.query<{ id: string; name: string }>(`SELECT id, name FROM organizations WHERE provider_id = $1 ORDER BY id`, [providerId])).rows;
  const client = await pool.connect();
  let eventsSeconds = 0;
  let indexesSeconds = 0;
  try {
    const eventsStarted = Date.now();
    const dropped = await dropEventIndexes(client);
    const last = await copyEvents(client, { providerId, team, organizations, count: size.events, log });
    eventsSeconds = (Date.now() - eventsStarted) / 1000;
    log(`  ${size.events.toLocaleString("en-US")} events copied in ${eventsSeconds.toFixed(1)} s; rebuilding ${dropped.length} indexes…`);
    const indexesStarted = Date.now();
    await client.query(`SET maintenance_work_mem = '512MB'`);
    for (const definition of dropped) await client.query(definition);
    await client.query(
      `INSERT INTO event_chain_heads (scope, seq, hash, anchor_seq, anchor_hash) VALUES ($1, $2, $3, 0, $4)
       ON CONFLICT (scope) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash`,
      [chainScopeFor({ providerId }), String(size.events), last, GENESIS_HASH],
    );
    await client.query(`VACUUM ANALYZE events`);
    await client.query(`VACUUM ANALYZE organizations`);
    await client.query(`VACUUM ANALYZE organization_members`);
    indexesSeconds = (Date.now() - indexesStarted) / 1000;
    log(`  indexes rebuilt and tables analyzed in ${indexesSeconds.toFixed(1)} s`);
  } finally {
    client.release();
  }
  const admin = team[0]!;
  const dataset: Dataset = {
    providerId,
    adminId: admin.id,
    adminEmail: admin.email,
    clients: size.clients,
    events: size.events,
    loadSeconds: { clients: clientsSeconds, events: eventsSeconds, indexes: indexesSeconds, total: (Date.now() - started) / 1000 },
  };
  await pool.query(`INSERT INTO job_runs (key, started_at, finished_at, result) VALUES ($1, now(), now(), $2)`, [DATASET_KEY, JSON.stringify(dataset)]);
  return dataset;
}

/** Drops the secondary indexes of `events` and returns the statements that recreate them. */
async function dropEventIndexes(client: PoolClient): Promise<string[]> {
  const rows = (
    await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'events' AND indexname <> 'events_pkey'`,
    )
  ).rows;
  for (const row of rows) await client.query(`DROP INDEX "${row.indexname}"`);
  return rows.map((r) => r.indexdef);
}

// A realistic mix for an MSP's log: mostly admin-console visits and member work in clients.
const MIX: [EventType, number][] = [
  ["PROVIDER_ORGANIZATION_VAULT_ACCESSED", 40],
  ["MEMBER_INVITED", 14],
  ["MEMBER_CONFIRMED", 10],
  ["POLICY_UPDATED", 8],
  ["ORGANIZATION_SEATS_CHANGED", 5],
  ["MEMBER_REMOVED", 5],
  ["ORGANIZATION_UPDATED", 5],
  ["GROUP_CREATED", 4],
  ["COLLECTION_CREATED", 4],
  ["VAULT_ITEMS_IMPORTED", 3],
  ["PROVIDER_USER_INVITED", 1],
  ["PROVIDER_ORGANIZATION_CREATED", 1],
];
const WEIGHTED: EventType[] = MIX.flatMap(([type, weight]) => Array<EventType>(weight).fill(type));
const COLUMNS = [
  "occurred_at",
  "type",
  "provider_id",
  "acting_provider_id",
  "organization_id",
  "actor_user_id",
  "actor_name",
  "actor_email",
  "target_type",
  "target_id",
  "target_name",
  "ip",
  "user_agent",
  "details",
  "chain_scope",
  "seq",
  "prev_hash",
  "hash",
];

/** COPY text format: backslash, tab, newline and carriage return escaped; \N is NULL. */
function copyText(value: string | null): string {
  if (value === null) return "\\N";
  return value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

async function copyEvents(
  client: PoolClient,
  input: {
    providerId: string;
    team: { id: string; name: string; email: string; role: string }[];
    organizations: { id: string; name: string }[];
    count: number;
    log: (line: string) => void;
  },
): Promise<Buffer> {
  const { providerId, team, organizations, count } = input;
  const scope = chainScopeFor({ providerId });
  const end = Date.now() - 3_600_000;
  const start = end - 2 * 365 * 86_400_000;
  const step = (end - start) / count;
  let prev: Buffer = GENESIS_HASH;
  let seq = 0;
  let a = 424242;
  const random = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let lastReport = Date.now();
  function* rows(): Generator<string> {
    const chunk: string[] = [];
    while (seq < count) {
      seq += 1;
      const at = new Date(Math.floor(start + seq * step));
      const occurredAt = at.toISOString().replace("Z", "000Z");
      const type = WEIGHTED[Math.floor(random() * WEIGHTED.length)]!;
      const actor = team[Math.floor(random() * team.length)]!;
      const organization = organizations[Math.floor(random() * organizations.length)]!;
      const memberTarget = type.startsWith("MEMBER_");
      const fields: ChainedFields = {
        chainScope: scope,
        seq: BigInt(seq),
        occurredAt,
        type,
        providerId,
        actingProviderId: type === "PROVIDER_USER_INVITED" || type === "PROVIDER_ORGANIZATION_CREATED" ? null : providerId,
        organizationId: type === "PROVIDER_USER_INVITED" ? null : organization.id,
        actorUserId: actor.id,
        actorName: actor.name,
        actorEmail: actor.email,
        targetType: memberTarget ? "MEMBER" : type === "PROVIDER_USER_INVITED" ? "PROVIDER_USER" : "ORGANIZATION",
        targetId: memberTarget || type === "PROVIDER_USER_INVITED" ? randomUUID() : organization.id,
        targetName: memberTarget ? `user${seq}@client.example` : type === "PROVIDER_USER_INVITED" ? `tech${seq}@bench-msp.example` : organization.name,
        ip: `203.0.113.${seq % 250}`,
        userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/130",
        details: type === "ORGANIZATION_SEATS_CHANGED" ? { from: 10, to: 15 } : memberTarget ? { role: "USER" } : {},
      };
      const hash = eventHash(prev, fields);
      chunk.push(
        [
          occurredAt,
          type,
          fields.providerId,
          fields.actingProviderId,
          fields.organizationId,
          fields.actorUserId,
          fields.actorName,
          fields.actorEmail,
          fields.targetType,
          fields.targetId,
          fields.targetName,
          fields.ip,
          fields.userAgent,
          JSON.stringify(fields.details),
          scope,
          String(seq),
          `\\x${prev.toString("hex")}`,
          `\\x${hash.toString("hex")}`,
        ]
          .map(copyText)
          .join("\t"),
      );
      prev = hash;
      if (chunk.length === 2000) {
        yield `${chunk.join("\n")}\n`;
        chunk.length = 0;
        if (Date.now() - lastReport > 10_000) {
          lastReport = Date.now();
          input.log(`  events ${seq.toLocaleString("en-US")} / ${count.toLocaleString("en-US")}`);
        }
      }
    }
    if (chunk.length) yield `${chunk.join("\n")}\n`;
  }
  const stream = client.query(copyFrom(`COPY events (${COLUMNS.join(", ")}) FROM STDIN`));
  await pipeline(Readable.from(rows()), stream);
  return prev;
}
