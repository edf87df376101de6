// The MASTER_PASSWORD organization policy. Passwords are stored only as argon2id hashes, so the
// rules can be checked only when the plaintext passes through the server:
//   - when someone joins an organization (accepting an invitation needs the password when the
//     organization has rules; signing up from an invitation checks the new password), against that
//     organization's rules;
//   - when a member changes their password, against the strictest combination of the rules of every
//     organization they belong to (lib/policies/password-rules.ts);
//   - at sign-in, for organizations whose policy says "enforce at sign-in": a password that misses
//     their rules marks the account as having to change it (users.password_change_required).
// Existing members' passwords are not (cannot be) checked when the policy is turned on.
import { listOf, unmetPasswordRules, type PasswordRules } from "@/lib/auth/password-policy";
import { db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client.ts";
import { unprocessable, type AppError } from "@/lib/errors";
import { policySchema } from "@/lib/policies/definitions";
import { passwordRulesOf, strictestPasswordRules, type MasterPasswordSettings } from "@/lib/policies/password-rules";

export interface PasswordRuleSource {
  organizationId: string;
  organizationName: string;
  rules: PasswordRules;
  enforceOnLogin: boolean;
}

export interface ApplicablePasswordRules {
  /** The strictest combination of the sources' rules ({} when there are none). */
  rules: PasswordRules;
  sources: PasswordRuleSource[];
}

function settingsOf(stored: unknown): MasterPasswordSettings {
  const parsed = policySchema("MASTER_PASSWORD").safeParse(stored ?? {});
  return (parsed.success ? parsed.data : policySchema("MASTER_PASSWORD").parse({})) as MasterPasswordSettings;
}

async function rulesWhere(client: Tx | typeof db, where: Prisma.PolicyWhereInput): Promise<ApplicablePasswordRules> {
  const policies = await client.policy.findMany({
    where: { type: "MASTER_PASSWORD", enabled: true, ...where },
    select: { settings: true, organization: { select: { id: true, name: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  const sources = policies.map((p) => {
    const settings = settingsOf(p.settings);
    return { organizationId: p.organization.id, organizationName: p.organization.name, rules: passwordRulesOf(settings), enforceOnLogin: settings.enforceOnLogin };
  });
  return { rules: strictestPasswordRules(sources.map((s) => s.rules)), sources };
}

/** The rules of every organization the account belongs to (any membership status: a revoked member may be restored). */
export function passwordRulesForUser(userId: string, client: Tx | typeof db = db): Promise<ApplicablePasswordRules> {
  return rulesWhere(client, { organization: { members: { some: { userId } } } });
}

/** One organization's rules, for someone joining it. */
export function passwordRulesForOrganization(organizationId: string, client: Tx | typeof db = db): Promise<ApplicablePasswordRules> {
  return rulesWhere(client, { organizationId });
}

/** Only the rules a password must meet at sign-in. */
export function enforcedAtSignIn(applicable: ApplicablePasswordRules): ApplicablePasswordRules {
  const sources = applicable.sources.filter((s) => s.enforceOnLogin);
  return { rules: strictestPasswordRules(sources.map((s) => s.rules)), sources };
}

/** The organizations whose rules the password misses, and what it needs (the strictest combination's unmet rules). */
export function passwordRuleFailures(password: string, applicable: ApplicablePasswordRules, context: { email?: string; name?: string } = {}) {
  const needs = unmetPasswordRules(password, applicable.rules, context).map((u) => u.needs);
  const organizations = needs.length
    ? applicable.sources.filter((s) => unmetPasswordRules(password, s.rules, context).length > 0).map((s) => s.organizationName)
    : [];
  return { needs, organizations };
}

/**
 * 422 `password_policy` naming the unmet rules and the organizations that set them, or null when
 * the password meets every rule. `field` carries the short version for the form; `advice` says
 * what to do next.
 */
export function passwordPolicyRefusal(
  password: string,
  applicable: ApplicablePasswordRules,
  context: { email?: string; name?: string },
  field: string,
  advice: string,
): AppError | null {
  const { needs, organizations } = passwordRuleFailures(password, applicable, context);
  if (needs.length === 0) return null;
  return unprocessable(`This password does not meet the password rules of ${listOf(organizations)}: it needs ${listOf(needs)}. ${advice}`, "password_policy", {
    [field]: `Needs ${listOf(needs)}.`,
  });
}
