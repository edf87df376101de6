// Every organization policy type: what it does and a zod schema for its settings. The API validates
// settings with these schemas, and the policies page builds each settings form from them
// (lib/policies/form.ts), so the form and the server cannot disagree. Settings are strict objects
// with a default for every key: a policy that was never configured reads as its defaults.
import { z } from "zod";
import type { PolicyType } from "@/lib/db/generated/enums";

function whole(min: number, max: number, fallback: number, title: string, description?: string) {
  const message = `Enter a whole number from ${min} to ${max}.`;
  return z.int({ message }).min(min, message).max(max, message).default(fallback).meta({ title, description });
}

function flag(fallback: boolean, title: string, description?: string) {
  return z.boolean({ message: "Choose yes or no." }).default(fallback).meta({ title, description });
}

function choice<const T extends readonly [string, ...string[]]>(values: T, labels: Record<T[number], string>, fallback: T[number], title: string, description?: string) {
  return z
    .enum(values, { message: `Choose one of: ${Object.values<string>(labels).join(", ")}.` })
    .default(fallback as never)
    .meta({ title, description, optionLabels: labels });
}

const noSettings = z.strictObject({});

export const POLICY_DEFINITIONS = {
  TWO_FACTOR_AUTHENTICATION: {
    label: "Require two-step login",
    description:
      "Members with the User role must use two-step login (owners and admins are exempt). Turning it on revokes those without it; they are told by mail how to regain access.",
    schema: noSettings,
  },
  MASTER_PASSWORD: {
    label: "Master password requirements",
    description: "Minimum strength for members' passwords, checked when they join and whenever they change it. The strictest rules of all a member's organizations apply.",
    schema: z.strictObject({
      minComplexity: z
        .int({ message: "Choose a score from 0 to 4, or leave it empty." })
        .min(0, "Choose a score from 0 to 4, or leave it empty.")
        .max(4, "Choose a score from 0 to 4, or leave it empty.")
        .nullable()
        .default(null)
        .meta({ title: "Minimum complexity score", description: "0 (weak) to 4 (strong), as estimated by zxcvbn. Empty: no minimum." }),
      minLength: whole(12, 128, 12, "Minimum length", "12 to 128 characters."),
      requireUpper: flag(false, "Require uppercase letters (A-Z)"),
      requireLower: flag(false, "Require lowercase letters (a-z)"),
      requireNumbers: flag(false, "Require numbers (0-9)"),
      requireSpecial: flag(false, "Require special characters (!@#$%^&*)"),
      enforceOnLogin: flag(false, "Enforce at sign-in", "Members whose password does not meet the requirements must change it when they sign in."),
    }),
  },
  PASSWORD_GENERATOR: {
    label: "Password generator",
    description: "Minimums for passwords and passphrases that members generate.",
    schema: z.strictObject({
      overridePasswordType: choice(
        ["userPreference", "password", "passphrase"],
        { userPreference: "Member's choice", password: "Password", passphrase: "Passphrase" },
        "userPreference",
        "Default type",
      ),
      minLength: whole(5, 128, 5, "Minimum password length"),
      useUpper: flag(false, "Require uppercase letters (A-Z)"),
      useLower: flag(false, "Require lowercase letters (a-z)"),
      useNumbers: flag(false, "Require numbers (0-9)"),
      useSpecial: flag(false, "Require special characters (!@#$%^&*)"),
      minNumbers: whole(0, 9, 0, "Minimum numbers"),
      minSpecial: whole(0, 9, 0, "Minimum special characters"),
      minNumberWords: whole(3, 20, 3, "Minimum passphrase words"),
      capitalize: flag(false, "Capitalize passphrase words"),
      includeNumber: flag(false, "Include a number in passphrases"),
    }),
  },
  SINGLE_ORG: {
    label: "Single organization",
    description: "Members cannot join other organizations. Required by account recovery.",
    schema: noSettings,
  },
  PERSONAL_OWNERSHIP: {
    label: "Remove individual vault",
    description: "Members must save new items to the organization, not to an individual vault.",
    schema: noSettings,
  },
  SEND_OPTIONS: {
    label: "Send options",
    description: "What members may do when they create Sends.",
    schema: z.strictObject({
      disableSend: flag(false, "Disable Send", "Members can only delete existing Sends."),
      disableHideEmail: flag(false, "Always show the sender's email address to recipients"),
    }),
  },
  VAULT_TIMEOUT: {
    label: "Vault timeout",
    description: "The longest members may stay unlocked before the vault times out.",
    schema: z.strictObject({
      maxMinutes: whole(1, 10080, 60, "Maximum timeout (minutes)", "1 minute to 7 days (10,080 minutes)."),
      action: choice(["userPreference", "lock", "logOut"], { userPreference: "Member's choice", lock: "Lock", logOut: "Log out" }, "userPreference", "Timeout action"),
    }),
  },
  DISABLE_PERSONAL_VAULT_EXPORT: {
    label: "Remove individual vault export",
    description: "Members cannot export their individual vault data.",
    schema: noSettings,
  },
  ACCOUNT_RECOVERY: {
    label: "Account recovery administration",
    description: "Owners and admins can reset an enrolled member's master password. Requires the single organization policy.",
    schema: z.strictObject({
      autoEnrollEnabled: flag(false, "Enroll new members automatically", "New members are enrolled when they join and cannot withdraw."),
    }),
  },
} as const satisfies Record<PolicyType, { label: string; description: string; schema: z.ZodType }>;

export const POLICY_TYPES = Object.keys(POLICY_DEFINITIONS) as PolicyType[];

export function isPolicyType(value: string): value is PolicyType {
  return Object.hasOwn(POLICY_DEFINITIONS, value);
}

export type PolicySettings = Record<string, unknown>;

export function policySchema(type: PolicyType): z.ZodType<PolicySettings> {
  return POLICY_DEFINITIONS[type].schema;
}

export function defaultSettings(type: PolicyType): PolicySettings {
  return policySchema(type).parse({});
}

/**
 * Policies that only make sense with another one enabled (as in the reference product): enabling the
 * first needs the second on, and the second cannot be turned off while the first is on.
 */
export const POLICY_REQUIRES: Partial<Record<PolicyType, PolicyType>> = {
  ACCOUNT_RECOVERY: "SINGLE_ORG",
};
