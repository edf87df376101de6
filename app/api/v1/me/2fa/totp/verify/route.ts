// POST /api/v1/me/2fa/totp/verify {code} → {recoveryCodes: [10]}: confirms the pending secret and turns two-step login on.
import { userRoute } from "@/lib/api/handler";
import { confirmTotpEnrolment } from "@/lib/services/account-security/confirm-totp-enrolment";
import { VerifyTotpBody } from "@/lib/services/account-security/schemas";

export const POST = userRoute({ body: VerifyTotpBody }, async ({ body, actor, meta }) => confirmTotpEnrolment(body, { actor, meta }));
