// POST /api/v1/auth/register {email, name, password} → 201 {id, email}; 409 when the email is taken.
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
});

export const POST = publicRoute({ body: RegisterBody }, async ({ body, meta }) => {
  await consume(limiter("register", { points: 20, duration: 3600 }), meta.ip ?? "unknown");
  return created(await registerUser(body, meta));
});
