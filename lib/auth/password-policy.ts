// Password strength for every account: at least 12 characters and not one of the passwords that
// breach corpora show people pick first. The list ships with the app (common-passwords.ts).
import { z } from "zod";
import { COMMON_BASE_WORDS, COMMON_PASSWORDS } from "./common-passwords";
import { passwordScore } from "./password-strength";

export const MIN_PASSWORD_LENGTH = 12;

const blocklist = new Set(COMMON_PASSWORDS);
const baseWords = new Set(COMMON_BASE_WORDS);
const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i" };

/** "P@ssw0rd2024!" → "password": a common word padded with digits and symbols is still common. */
function baseWord(lower: string): string {
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, "");
  return (core || lower).replace(/[013457@$!]/g, (c) => LEET[c] ?? c);
}

/**
 * Stricter rules on top of the baseline, from organizations' MASTER_PASSWORD policies (the caller
 * combines the rules of all of a user's organizations, strictest winning: lib/policies/password-rules.ts).
 */
export interface PasswordRules {
  minLength?: number;
  /** zxcvbn score 0–4 (lib/auth/password-strength.ts). */
  minComplexity?: number;
  requireUpper?: boolean;
  requireLower?: boolean;
  requireDigits?: boolean;
  requireSpecial?: boolean;
}

export interface UnmetRule {
  rule: keyof PasswordRules;
  /** What the password still needs, e.g. "at least 16 characters", "a digit". */
  needs: string;
}

/** Every rule the password misses, in a stable order (length, character classes, complexity). */
export function unmetPasswordRules(password: string, rules: PasswordRules, context: { email?: string; name?: string } = {}): UnmetRule[] {
  const unmet: UnmetRule[] = [];
  if (rules.minLength && password.length < rules.minLength) unmet.push({ rule: "minLength", needs: `at least ${rules.minLength} characters` });
  if (rules.requireUpper && !/\p{Lu}/u.test(password)) unmet.push({ rule: "requireUpper", needs: "an upper-case letter" });
  if (rules.requireLower && !/\p{Ll}/u.test(password)) unmet.push({ rule: "requireLower", needs: "a lower-case letter" });
  if (rules.requireDigits && !/\d/.test(password)) unmet.push({ rule: "requireDigits", needs: "a digit" });
  if (rules.requireSpecial && !/[^\p{L}\p{N}\s]/u.test(password)) unmet.push({ rule: "requireSpecial", needs: "a special character such as ! or #" });
  if (rules.minComplexity && passwordScore(password, context) < rules.minComplexity) {
    unmet.push({ rule: "minComplexity", needs: `a strength score of at least ${rules.minComplexity} of 4 (fewer common words and patterns, or more length)` });
  }
  return unmet;
}

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function ruleViolation(password: string, rules: PasswordRules, context: { email?: string; name?: string }): string | null {
  const unmet = unmetPasswordRules(password, rules, context);
  const length = unmet.find((u) => u.rule === "minLength");
  if (length) return `Use ${length.needs}.`;
  const classes = unmet.filter((u) => u.rule !== "minComplexity").map((u) => u.needs);
  if (classes.length) return `Include ${listOf(classes)}.`;
  const complexity = unmet.find((u) => u.rule === "minComplexity");
  return complexity ? `Choose a stronger password: it needs ${complexity.needs}.` : null;
}

/** Why a password is too weak, or null when it is acceptable. */
export function passwordWeakness(password: string, context: { email?: string; name?: string } = {}, rules: PasswordRules = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > 256) return "Use at most 256 characters.";
  const lower = password.toLowerCase();
  if (blocklist.has(lower) || baseWords.has(baseWord(lower)) || baseWords.has(lower.replace(/[\d\W_]+$/, ""))) {
    return "This password is too common; it appears in lists of breached passwords.";
  }
  if (/^(.)\1+$/.test(password)) return "Do not repeat a single character.";
  if (/^(.{1,4})\1+$/.test(lower)) return "Do not repeat a short pattern.";
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return "Do not use your email address in your password.";
  return ruleViolation(password, rules, context);
}

export const newPasswordSchema = z
  .string({ message: "Enter a password." })
  .superRefine((value, ctx) => {
    const weakness = passwordWeakness(value);
    if (weakness) ctx.addIssue({ code: "custom", message: weakness });
  });
