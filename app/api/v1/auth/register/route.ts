// POST /api/v1/auth/register {email, name, password, invitation?} → 201 {id, email, invitation?}; 409 when the email is taken.
// `invitation: {organizationId, memberId, token}` (sign-up from an organization invitation link) also
// joins that organization: the password must meet its rules (422 password_policy), an unusable
// invitation refuses the sign-up (404/410/403), and `invitation` in the answer says whether it joined.
import { z } from "zod";
import { publicRoute } from "@/lib/api/handler";
import { created } from "@/lib/api/responses";
import { consume, limiter } from "@/lib/rate-limit";
import { registerUser } from "@/lib/services/accounts/register-user";
import { emailSchema, nameSchema } from "@/lib/validation";

const RegisterBody = z.object({
  email: emailSchema,
  name: nameSchema,
  password: z.string({ message: "Enter a password." }).min(1, "Enter a password.").max(256, "Use at most 256 characters."),
  invitation: z
    .object({
      organizationId: z.string().max(64),
      memberId: z.string().max(64),
      token: z.string().min(1, "The invitation token is missing.").max(256),
    })
    .optional(),
});

export const POST = publicRoute({ body: RegisterBody }, async ({ body, meta }) => {
  await consume(limiter("register", { points: 20, duration: 3600 }), meta.ip ?? "unknown");
  return created(await registerUser(body, meta));
});
