// Whether an account has two-step login, since when, and how many recovery codes are left: for the
// account page and GET /api/v1/me/2fa, and for rules that require two-step login of members.
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: Date | null;
  recoveryCodesLeft: number;
}

export async function twoFactorStatus(userId: string): Promise<TwoFactorStatus> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { totpEnabledAt: true, _count: { select: { recoveryCodes: { where: { usedAt: null } } } } },
  });
  if (!user) throw notFound("account");
  return {
    enabled: user.totpEnabledAt !== null,
    enabledAt: user.totpEnabledAt,
    recoveryCodesLeft: user.totpEnabledAt ? user._count.recoveryCodes : 0,
  };
}
