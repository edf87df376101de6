// POST /api/v1/me/2fa/totp → {secret, otpauthUrl, qrCode}: a new authenticator secret, pending until verified.
import { userRoute } from "@/lib/api/handler";
import { startTotpEnrolment } from "@/lib/services/account-security/start-totp-enrolment";

export const POST = userRoute({}, async ({ actor, meta }) => startTotpEnrolment({ actor, meta }));
