// Password strength for every account: at least 12 characters and not one of the passwords that
// breach corpora show people pick first. The list ships with the app (common-passwords.ts).
import { z } from "zod";
import { COMMON_BASE_WORDS, COMMON_PASSWORDS } from "./common-passwords";

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
 * Stricter rules on top of the baseline, e.g. from an organization's MASTER_PASSWORD policy (the
 * caller combines the rules of all of a user's organizations, strictest winning).
 */
export interface PasswordRules {
  minLength?: number;
  requireUpper?: boolean;
  requireLower?: boolean;
  requireDigits?: boolean;
  requireSpecial?: boolean;
}

function ruleViolation(password: string, rules: PasswordRules): string | null {
  if (rules.minLength && password.length < rules.minLength) return `Use at least ${rules.minLength} characters.`;
  const missing = [
    rules.requireUpper && !/\p{Lu}/u.test(password) ? "an upper-case letter" : null,
    rules.requireLower && !/\p{Ll}/u.test(password) ? "a lower-case letter" : null,
    rules.requireDigits && !/\d/.test(password) ? "a digit" : null,
    rules.requireSpecial && !/[^\p{L}\p{N}\s]/u.test(password) ? "a special character such as ! or #" : null,
  ].filter((m): m is string => m !== null);
  if (missing.length === 0) return null;
  const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(", ")} and ${missing.at(-1)}`;
  return `Include ${list}.`;
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
  return ruleViolation(password, rules);
}

export const newPasswordSchema = z
  .string({ message: "Enter a password." })
  .superRefine((value, ctx) => {
    const weakness = passwordWeakness(value);
    if (weakness) ctx.addIssue({ code: "custom", message: weakness });
  });
