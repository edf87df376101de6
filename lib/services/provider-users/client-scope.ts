// Client-scoped Service Users (beyond the reference): a Provider Admin limits a Service User to
// assigned clients (provider_user_clients). Everything they reach through the provider — the client
// list, a client's detail, its admin console, API keys they created — is then limited to those
// clients; any other client answers 404 for them (lib/authz/context.ts). Provider Admins are never
// scoped. The assignment set is replaced as a whole, with one event naming how many were added and
// removed, in the same transaction.
import { z } from "zod";
import type { ActionContext } from "@/lib/actor";
import { decodeCursor, pageOf, type Page } from "@/lib/api/pagination";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import { transaction } from "@/lib/db/transaction";
import { notFound, unprocessable } from "@/lib/errors";
import { recordEvent } from "@/lib/events/recorder";
import { isUuid } from "@/lib/authz/context";
import { likePattern } from "@/lib/services/clients/list-clients";
import { loadMembersForUpdate, memberTarget } from "./memberships";
import type { ClientScopeInput } from "./schemas";

export interface ClientScopeView {
  providerUserId: string;
  role: "PROVIDER_ADMIN" | "SERVICE_USER";
  clientScoped: boolean;
  /** How many clients are assigned (0 when the member reaches all clients). */
  clientCount: number;
}

export interface ScopedClient {
  id: string;
  name: string;
}

const CursorKey = z.tuple([z.string(), z.uuid()]);

/** The member's scope, and one page of their assigned clients by name (optionally searched). */
export async function getClientScope(
  providerId: string,
  providerUserId: string,
  input: { q?: string; limit: number; cursor?: string },
): Promise<ClientScopeView & Page<ScopedClient>> {
  if (!isUuid(providerUserId)) throw notFound("provider member");
  const member = await db.providerUser.findFirst({
    where: { id: providerUserId, providerId },
    select: { id: true, role: true, clientScoped: true, _count: { select: { clients: true } } },
  });
  if (!member) throw notFound("provider member");
  const scoped = member.clientScoped && member.role === "SERVICE_USER";
  const after = decodeCursor(input.cursor, CursorKey);
  // Driven from the member's assignments (primary key (provider_user_id, organization_id)): the cost
  // follows how many clients they are assigned, not how many the provider has.
  const rows = scoped
    ? await db.$queryRaw<ScopedClient[]>`
        SELECT o.id, o.name
          FROM provider_user_clients puc JOIN organizations o ON o.id = puc.organization_id
         WHERE puc.provider_user_id = ${member.id}::uuid AND o.provider_id = ${providerId}::uuid
           ${input.q ? Prisma.sql`AND o.name ILIKE ${likePattern(input.q)} ESCAPE '\\'` : Prisma.empty}
           ${after ? Prisma.sql`AND (o.name, o.id) > (${after[0]}::text, ${after[1]}::uuid)` : Prisma.empty}
         ORDER BY o.name, o.id
         LIMIT ${input.limit + 1}`
    : [];
  const page = pageOf(rows, input.limit, (r) => r, (r) => [r.name, r.id]);
  return { providerUserId: member.id, role: member.role, clientScoped: scoped, clientCount: scoped ? member._count.clients : 0, ...page };
}

export async function setClientScope(providerId: string, providerUserId: string, input: ClientScopeInput, { actor, meta }: ActionContext): Promise<ClientScopeView> {
  const wanted = [...new Set(input.organizationIds.map((id) => id.toLowerCase()))];
  return transaction(async (tx) => {
    // The member's row lock orders this with role changes (which clear the scope of a new admin).
    const [member] = await loadMembersForUpdate(tx, providerId, [providerUserId]);
    if (member!.role !== "SERVICE_USER" && input.clientScoped) {
      throw unprocessable(
        `${member!.email} is a Provider Admin, and Provider Admins always reach every client. Only Service Users can be limited to selected clients.`,
        "admin_not_scoped",
      );
    }
    if (wanted.length > 0) {
      const found = await tx.organization.findMany({ where: { id: { in: wanted }, providerId }, select: { id: true } });
      const known = new Set(found.map((o) => o.id));
      const foreign = wanted.filter((id) => !known.has(id));
      if (foreign.length > 0) {
        const shown = foreign.slice(0, 10).join(", ");
        throw unprocessable(
          `These organizations are not clients of this provider: ${shown}${foreign.length > 10 ? ` and ${foreign.length - 10} more` : ""}.`,
          "not_provider_clients",
          { organizationIds: foreign.join(", ") },
        );
      }
    }
    const current = new Set((await tx.providerUserClient.findMany({ where: { providerUserId: member!.id }, select: { organizationId: true } })).map((r) => r.organizationId));
    const next = new Set(wanted);
    const added = wanted.filter((id) => !current.has(id));
    const removed = [...current].filter((id) => !next.has(id));
    const view: ClientScopeView = { providerUserId: member!.id, role: member!.role, clientScoped: input.clientScoped, clientCount: input.clientScoped ? next.size : 0 };
    if (member!.clientScoped === input.clientScoped && added.length === 0 && removed.length === 0) return view;

    if (member!.clientScoped !== input.clientScoped) await tx.providerUser.update({ where: { id: member!.id }, data: { clientScoped: input.clientScoped } });
    if (removed.length) await tx.providerUserClient.deleteMany({ where: { providerUserId: member!.id, organizationId: { in: removed } } });
    if (added.length) await tx.providerUserClient.createMany({ data: added.map((organizationId) => ({ providerUserId: member!.id, organizationId })) });
    await recordEvent(tx, {
      type: "PROVIDER_USER_SCOPE_UPDATED",
      actor,
      meta,
      providerId,
      target: memberTarget(member!),
      details: { clientScoped: input.clientScoped, added: added.length, removed: removed.length, clients: view.clientCount },
    });
    return view;
  });
}
