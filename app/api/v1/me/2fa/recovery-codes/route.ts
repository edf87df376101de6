// POST /api/v1/me/2fa/recovery-codes {code} → {recoveryCodes: [10]}: a new set; the old codes stop working.
import { userRoute } from "@/lib/api/handler";
import { regenerateRecoveryCodes } from "@/lib/services/account-security/regenerate-recovery-codes";
import { RegenerateRecoveryCodesBody } from "@/lib/services/account-security/schemas";

export const POST = userRoute({ body: RegenerateRecoveryCodesBody }, async ({ body, actor, meta }) => regenerateRecoveryCodes(body, { actor, meta }));
