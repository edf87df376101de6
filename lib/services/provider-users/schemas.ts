// Request schemas of the provider people routes.
import { z } from "zod";
import { cursorSchema, limitSchema } from "@/lib/api/pagination";
import { idListSchema, idSchema } from "@/lib/validation";
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

/** The most clients one request may assign (the whole set is sent each time). */
export const MAX_SCOPED_CLIENTS = 5000;

/** PUT …/users/{puId}/scope: `clientScoped: false` reaches every client (and clears the assignments). */
export const ClientScopeBody = z
  .object({
    clientScoped: z.boolean({ message: "Send clientScoped as true or false." }),
    organizationIds: z
      .array(idSchema, { message: "Send organizationIds as a list." })
      .max(MAX_SCOPED_CLIENTS, `At most ${MAX_SCOPED_CLIENTS} clients per member.`)
      .default([]),
  })
  .refine((b) => b.clientScoped || b.organizationIds.length === 0, {
    message: "Leave organizationIds empty when the member reaches all clients.",
    path: ["organizationIds"],
  });
export type ClientScopeInput = z.output<typeof ClientScopeBody>;

export const ClientScopeQuery = z.object({
  q: z.string().trim().max(120).optional().transform((v) => v || undefined),
  limit: limitSchema,
  cursor: cursorSchema,
});
