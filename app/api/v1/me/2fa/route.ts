// GET /api/v1/me/2fa → {enabled, enabledAt, recoveryCodesLeft}
// DELETE /api/v1/me/2fa {password, code} → {enabled: false, revokedFrom: [{organizationId, organizationName}]}:
// turns two-step login off (code: authenticator or recovery code); organizations whose policy
// requires it revoke the membership.
import { userRoute } from "@/lib/api/handler";
import { disableTwoFactor } from "@/lib/services/account-security/disable-two-factor";
import { DisableTwoFactorBody } from "@/lib/services/account-security/schemas";
import { twoFactorStatus } from "@/lib/services/account-security/two-factor-status";

export const GET = userRoute({}, async ({ user }) => twoFactorStatus(user.id));

export const DELETE = userRoute({ body: DisableTwoFactorBody }, async ({ body, actor, meta }) => {
  const { revokedFrom } = await disableTwoFactor(body, { actor, meta });
  return { enabled: false, revokedFrom };
});
