// Input schemas for the client routes, shared by the API and the browser forms (zod only: safe to
// import from client components). Plans and payment-method summaries live here too.
import { z } from "zod";
import { cursorSchema, limitSchema } from "@/lib/api/pagination";
import { emailSchema, idSchema, nameSchema } from "@/lib/validation";

export const PLAN_LABELS = {
  FREE: "Free",
  FAMILIES: "Families",
  TEAMS_MONTHLY: "Teams (monthly)",
  TEAMS_ANNUAL: "Teams (annual)",
  ENTERPRISE_MONTHLY: "Enterprise (monthly)",
  ENTERPRISE_ANNUAL: "Enterprise (annual)",
} as const;

export type Plan = keyof typeof PLAN_LABELS;

/** Plans a provider can put a client on (new clients and plan changes). */
export const CLIENT_PLANS = ["TEAMS_MONTHLY", "ENTERPRISE_MONTHLY"] as const;
export type ClientPlan = (typeof CLIENT_PLANS)[number];

/** Plans an existing organization must be on to be added as a client (PRODUCT.md rule 4). */
export const MANAGEABLE_PLANS: readonly Plan[] = ["TEAMS_MONTHLY", "TEAMS_ANNUAL", "ENTERPRISE_MONTHLY", "ENTERPRISE_ANNUAL"];

export const MAX_SEATS = 1_000_000;

export const seatsSchema = z
  .number({ message: "Enter a number of seats." })
  .int("Seats must be a whole number.")
  .min(1, "A client needs at least 1 seat.")
  .max(MAX_SEATS, `At most ${MAX_SEATS.toLocaleString("en-US")} seats.`);

export const clientPlanSchema = z.enum(CLIENT_PLANS, { message: "Choose Teams (monthly) or Enterprise (monthly)." });

export const PAYMENT_METHOD_KINDS = ["CARD", "BANK_ACCOUNT", "INVOICE"] as const;
export const PAYMENT_METHOD_LABELS = { CARD: "Card", BANK_ACCOUNT: "Bank account", INVOICE: "Invoice" } as const;

/** Twelve or more digits, allowing the spaces and dashes people type inside card and account numbers. */
const LONG_NUMBER = /\d(?:[\s-]*\d){11,}/;

/**
 * A payment method *summary*: what it is, a label ("Visa", "Business checking") and the last four
 * digits. Anything that looks like a full card or account number is refused, so one never gets stored.
 */
export const paymentMethodSchema = z
  .object({
    kind: z.enum(PAYMENT_METHOD_KINDS, { message: "Choose card, bank account or invoice." }),
    label: z
      .string({ message: "Enter a label such as “Visa” or “Business checking”." })
      .trim()
      .min(1, "Enter a label such as “Visa” or “Business checking”.")
      .max(60, "Labels are at most 60 characters.")
      .refine((v) => !LONG_NUMBER.test(v), "Never enter a full card or account number; only the last 4 digits."),
    last4: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      z.string({ message: "Enter exactly the last 4 digits." }).trim().regex(/^\d{4}$/, "Enter exactly the last 4 digits.").optional(),
    ),
  })
  .superRefine((value, ctx) => {
    if (value.kind !== "INVOICE" && !value.last4) {
      ctx.addIssue({ code: "custom", path: ["last4"], message: "Enter the last 4 digits of the card or account." });
    }
    if (value.kind === "INVOICE" && value.last4) {
      ctx.addIssue({ code: "custom", path: ["last4"], message: "Invoices have no card or account digits." });
    }
  });

export type PaymentMethodInput = z.output<typeof paymentMethodSchema>;

export const createClientSchema = z.object({
  name: nameSchema,
  billingEmail: emailSchema,
  plan: clientPlanSchema,
  seats: seatsSchema,
  ownerEmail: emailSchema,
  paymentMethod: paymentMethodSchema.optional(),
});

export type CreateClientInput = z.output<typeof createClientSchema>;

export const updateClientSchema = z
  .strictObject(
    {
      name: nameSchema.optional(),
      seats: seatsSchema.optional(),
      plan: clientPlanSchema.optional(),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? "Only name, seats and plan can be changed here." : undefined) },
  )
  .refine((v) => v.name !== undefined || v.seats !== undefined || v.plan !== undefined, {
    message: "Send at least one of name, seats or plan.",
    path: ["_"],
  });

export type UpdateClientInput = z.output<typeof updateClientSchema>;

export const addExistingSchema = z.object({ organizationId: idSchema });

export const CLIENT_SORTS = ["name", "seats", "created"] as const;
export type ClientSort = (typeof CLIENT_SORTS)[number];
export type SortOrder = "asc" | "desc";

export const listClientsQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(120, "Search for at most 120 characters.")
    .optional()
    .transform((v) => (v ? v : undefined)),
  sort: z.enum(CLIENT_SORTS, { message: "Sort by name, seats or created." }).default("name"),
  order: z.enum(["asc", "desc"], { message: "Order is asc or desc." }).optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});

export type ListClientsQuery = z.output<typeof listClientsQuerySchema>;

/** Names read A→Z; seats and creation dates are most useful largest/newest first. */
export function defaultOrder(sort: ClientSort): SortOrder {
  return sort === "name" ? "asc" : "desc";
}
