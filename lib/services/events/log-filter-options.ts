// What the log's filter bar offers: the people who act in a log (bounded lists: the provider's
// members, or the organization's members and its provider's), and the client organization typed
// into the provider log's client field (a name search over the provider's clients, never a list
// of all of them: a provider may have 10,000).
import { db } from "@/lib/db/client";
import type { EventScope } from "./event-filter";

export interface ActorOption {
  id: string;
  label: string;
}

const MAX_ACTORS = 200;
const MAX_CLIENT_MATCHES = 8;

export async function actorOptions(scope: EventScope): Promise<ActorOption[]> {
  const providerId =
    scope.kind === "provider"
      ? scope.providerId
      : ((await db.organization.findUnique({ where: { id: scope.organizationId }, select: { providerId: true } }))?.providerId ?? null);
  const [providerMembers, orgMembers] = await Promise.all([
    providerId
      ? db.providerUser.findMany({
          where: { providerId, userId: { not: null }, ...(scope.kind === "organization" ? { status: "CONFIRMED" as const } : {}) },
          select: { user: { select: { id: true, name: true, email: true } } },
          orderBy: { email: "asc" },
          take: MAX_ACTORS,
        })
      : [],
    scope.kind === "organization"
      ? db.organizationMember.findMany({
          where: { organizationId: scope.organizationId, userId: { not: null } },
          select: { user: { select: { id: true, name: true, email: true } } },
          orderBy: { email: "asc" },
          take: MAX_ACTORS,
        })
      : [],
  ]);
  const seen = new Map<string, ActorOption>();
  for (const { user } of [...orgMembers, ...providerMembers]) {
    if (user && !seen.has(user.id)) seen.set(user.id, { id: user.id, label: `${user.name} (${user.email})` });
  }
  return [...seen.values()].sort((a, b) => a.label.localeCompare(b.label));
}

/** The name an actor had in this log (for an actor filter from a link, who is not in the lists). */
export async function actorLabelInLog(scope: EventScope, actorId: string): Promise<string | null> {
  const where = scope.kind === "provider" ? { providerId: scope.providerId, actorUserId: actorId } : { organizationId: scope.organizationId, actorUserId: actorId };
  const event = await db.event.findFirst({ where, select: { actorName: true, actorEmail: true }, orderBy: [{ occurredAt: "desc" }, { id: "desc" }] });
  if (!event) return null;
  return event.actorName && event.actorEmail ? `${event.actorName} (${event.actorEmail})` : (event.actorName ?? event.actorEmail);
}

export type ClientChoice =
  | { kind: "all" }
  | { kind: "one"; id: string; name: string }
  | { kind: "several"; query: string; matches: { id: string; name: string }[] }
  | { kind: "none"; query: string };

/**
 * The client the filter means: the chosen id when it is one of the provider's clients and the text
 * still names it, else the client whose name matches the text (exactly, or as the only match).
 */
export async function resolveClient(providerId: string, input: { id: string; text: string }): Promise<ClientChoice> {
  if (input.id) {
    const chosen = await db.organization.findFirst({ where: { id: input.id, providerId }, select: { id: true, name: true } });
    if (chosen && (!input.text || chosen.name.toLowerCase() === input.text.toLowerCase())) return { kind: "one", ...chosen };
  }
  const text = input.text.trim();
  if (!text) return { kind: "all" };
  const matches = await db.organization.findMany({
    where: { providerId, name: { contains: text, mode: "insensitive" } },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: MAX_CLIENT_MATCHES,
  });
  const exact = matches.filter((m) => m.name.toLowerCase() === text.toLowerCase());
  if (exact.length === 1) return { kind: "one", ...exact[0]! };
  if (matches.length === 1) return { kind: "one", ...matches[0]! };
  if (matches.length === 0) return { kind: "none", query: text };
  return { kind: "several", query: text, matches };
}
