// Request schemas of the provider people routes.
import { z } from "zod";
import { idListSchema } from "@/lib/validation";
import { splitEmails } from "@/lib/validation";

export const providerRoleSchema = z.enum(["PROVIDER_ADMIN", "SERVICE_USER"], { message: "Choose Provider Admin or Service User." });
export const providerUserStatusSchema = z.enum(["INVITED", "ACCEPTED", "CONFIRMED"], { message: "Choose Invited, Accepted or Confirmed." });

/** A list of addresses, or one string of comma/newline separated addresses (as pasted). */
export const InviteBody = z.object({
  emails: z
    .union([z.array(z.string().max(320)), z.string().max(100_000)], { message: "Send the email addresses as a list." })
    .transform((value) => splitEmails(value))
    .refine((list) => list.length > 0, "Enter at least one email address."),
  role: providerRoleSchema,
});

export const twoFactorFilterSchema = z.enum(["on", "off"], { message: "Choose on or off." });

export const IdsBody = z.object({ ids: idListSchema });
export const RoleBody = z.object({ role: providerRoleSchema });
export const AcceptBody = z.object({ token: z.string({ message: "The invitation link's token is missing." }).min(1, "The invitation link's token is missing.").max(200) });
