// One provider as its members (and staff) see it: GET /api/v1/providers/{id}, the settings page,
// and the staff console's detail page (which adds its setup link's state).
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { setupLinkState, type SetupLinkState } from "./setup-invitations";

export async function getProvider(providerId: string) {
  const provider = await db.provider.findUnique({
    where: { id: providerId },
    select: {
      id: true,
      name: true,
      businessName: true,
      billingEmail: true,
      type: true,
      status: true,
      enabled: true,
      billingMode: true,
      require2fa: true,
      createdAt: true,
      updatedAt: true,
      stats: { select: { clientCount: true, seats: true, managedSeats: true } },
    },
  });
  if (!provider) throw notFound("provider");
  const confirmedAdmins = await db.providerUser.count({ where: { providerId, role: "PROVIDER_ADMIN", status: "CONFIRMED" } });
  const { stats, createdAt, updatedAt, ...rest } = provider;
  return {
    ...rest,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    clientCount: stats?.clientCount ?? 0,
    seats: stats?.seats ?? 0,
    seatsUnderManagement: stats?.managedSeats ?? 0,
    confirmedAdmins,
  };
}

export interface SetupInvitationSummary {
  email: string;
  state: Exclude<SetupLinkState, "invalid">;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

/** The provider's newest setup link, for the staff console (never the token: only its state). */
export async function latestSetupInvitation(providerId: string): Promise<SetupInvitationSummary | null> {
  const [row, provider] = await Promise.all([
    db.providerSetupInvitation.findFirst({
      where: { providerId },
      orderBy: { createdAt: "desc" },
      select: { email: true, createdAt: true, expiresAt: true, usedAt: true, revokedAt: true },
    }),
    db.provider.findUnique({ where: { id: providerId }, select: { enabled: true } }),
  ]);
  if (!row) return null;
  const state = setupLinkState(row, provider) as Exclude<SetupLinkState, "invalid">;
  return { email: row.email, state, createdAt: row.createdAt.toISOString(), expiresAt: row.expiresAt.toISOString(), usedAt: row.usedAt?.toISOString() ?? null };
}
