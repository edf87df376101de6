// MASTER_PASSWORD settings as password rules, and how several organizations' rules combine: a
// member of several organizations must satisfy all of them, so the strictest rule wins — the
// longest minimum length, the highest complexity score, and every character class any requires.
import type { PasswordRules } from "@/lib/auth/password-policy";
import { type POLICY_DEFINITIONS } from "./definitions";
import type { z } from "zod";

export type MasterPasswordSettings = z.output<(typeof POLICY_DEFINITIONS)["MASTER_PASSWORD"]["schema"]>;

export function passwordRulesOf(settings: MasterPasswordSettings): PasswordRules {
  return {
    minLength: settings.minLength,
    ...(settings.minComplexity === null ? {} : { minComplexity: settings.minComplexity }),
    requireUpper: settings.requireUpper,
    requireLower: settings.requireLower,
    requireDigits: settings.requireNumbers,
    requireSpecial: settings.requireSpecial,
  };
}

export function strictestPasswordRules(all: readonly PasswordRules[]): PasswordRules {
  const max = (pick: (r: PasswordRules) => number | undefined) => {
    const values = all.map(pick).filter((v): v is number => v !== undefined);
    return values.length ? Math.max(...values) : undefined;
  };
  const any = (pick: (r: PasswordRules) => boolean | undefined) => all.some((r) => pick(r) === true);
  const rules: PasswordRules = {};
  const minLength = max((r) => r.minLength);
  const minComplexity = max((r) => r.minComplexity);
  if (minLength !== undefined) rules.minLength = minLength;
  if (minComplexity !== undefined) rules.minComplexity = minComplexity;
  if (any((r) => r.requireUpper)) rules.requireUpper = true;
  if (any((r) => r.requireLower)) rules.requireLower = true;
  if (any((r) => r.requireDigits)) rules.requireDigits = true;
  if (any((r) => r.requireSpecial)) rules.requireSpecial = true;
  return rules;
}

const COMPLEXITY_LABELS = ["very weak", "weak", "fair", "strong", "very strong"] as const;

/** The rules as a list people read above a password field. */
export function describePasswordRules(rules: PasswordRules): string[] {
  const lines: string[] = [];
  if (rules.minLength) lines.push(`At least ${rules.minLength} characters`);
  if (rules.requireUpper) lines.push("An upper-case letter (A–Z)");
  if (rules.requireLower) lines.push("A lower-case letter (a–z)");
  if (rules.requireDigits) lines.push("A digit (0–9)");
  if (rules.requireSpecial) lines.push("A special character (such as ! # $ %)");
  if (rules.minComplexity) lines.push(`Strength score of at least ${rules.minComplexity} of 4 (“${COMPLEXITY_LABELS[rules.minComplexity]}”)`);
  return lines;
}
