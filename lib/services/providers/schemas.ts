// Request schemas shared by the provider API routes and the pages' forms, so both validate alike.
import { z } from "zod";
import { emailSchema, nameSchema } from "@/lib/validation";

export const providerTypeSchema = z.enum(["MSP", "RESELLER"], { message: "Choose MSP or Reseller." });

export const businessNameSchema = z
  .string()
  .trim()
  .max(200, "Business names are at most 200 characters.")
  .transform((v) => (v === "" ? null : v))
  .nullable();

export const CreateProviderBody = z.object({
  name: nameSchema,
  ownerEmail: emailSchema,
  type: providerTypeSchema.optional(),
});

export const ReissueSetupBody = z.object({ ownerEmail: emailSchema.optional() });

export const CompleteSetupBody = z.object({
  token: z.string({ message: "The setup link's token is missing." }).min(1, "The setup link's token is missing.").max(200),
  name: nameSchema,
  businessName: businessNameSchema.optional(),
  billingEmail: emailSchema,
});

export const UpdateProviderBody = z.object({
  name: nameSchema.optional(),
  businessName: businessNameSchema.optional(),
  billingEmail: emailSchema.optional(),
  require2fa: z.boolean({ message: "Say whether two-step login is required (true or false)." }).optional(),
});
