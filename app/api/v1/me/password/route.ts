// POST /api/v1/me/password {currentPassword, newPassword} → 200. Every other session ends; this
// browser gets a new session cookie at the new session version, so it stays signed in.
import { userRoute } from "@/lib/api/handler";
import { json } from "@/lib/api/responses";
import { issueSessionCookie } from "@/lib/auth/session";
import { changePassword } from "@/lib/services/account-security/change-password";
import { ChangePasswordBody } from "@/lib/services/account-security/schemas";

export const POST = userRoute({ body: ChangePasswordBody }, async ({ body, actor, meta }) => {
  const user = await changePassword(body, { actor, meta });
  return json({ ok: true, otherSessionsEnded: true }, 200, { "set-cookie": await issueSessionCookie(user, user.sessionVersion) });
});
