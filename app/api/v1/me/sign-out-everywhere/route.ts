// POST /api/v1/me/sign-out-everywhere → 200: every session of the account ends, this one included.
import { userRoute } from "@/lib/api/handler";
import { json } from "@/lib/api/responses";
import { clearedSessionCookie } from "@/lib/auth/session";
import { signOutEverywhere } from "@/lib/services/account-security/sign-out-everywhere";

export const POST = userRoute({}, async ({ actor, meta }) => {
  await signOutEverywhere({ actor, meta });
  return json({ ok: true }, 200, { "set-cookie": clearedSessionCookie() });
});
