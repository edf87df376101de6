// What the signed-in user belongs to: their providers and organizations (GET /api/v1/me, landing page).
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";

export async function describeMe(user: SessionUser) {
  const [providers, organizations] = await Promise.all([
    db.providerUser.findMany({
      where: { userId: user.id },
      select: { role: true, status: true, provider: { select: { id: true, name: true, enabled: true, status: true } } },
      orderBy: { provider: { name: "asc" } },
    }),
    db.organizationMember.findMany({
      where: { userId: user.id, status: { not: "REVOKED" } },
      select: { role: true, status: true, organization: { select: { id: true, name: true, providerId: true, enabled: true } } },
      orderBy: { organization: { name: "asc" } },
    }),
  ]);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    isStaff: user.isStaff,
    twoFactorEnabled: user.totpEnabled,
    providers: providers.map((p) => ({
      id: p.provider.id,
      name: p.provider.name,
      role: p.role,
      status: p.status,
      enabled: p.provider.enabled,
    })),
    organizations: organizations.map((m) => ({
      id: m.organization.id,
      name: m.organization.name,
      role: m.role,
      status: m.status,
      enabled: m.organization.enabled,
      managedByProvider: m.organization.providerId !== null,
    })),
  };
}
