import { describe, expect, it } from "vitest";
import { passwordWeakness, unmetPasswordRules } from "@/lib/auth/password-policy";
import { defaultSettings } from "./definitions";
import { describePasswordRules, passwordRulesOf, strictestPasswordRules, type MasterPasswordSettings } from "./password-rules";

const settings = (overrides: Partial<MasterPasswordSettings>): MasterPasswordSettings => ({ ...(defaultSettings("MASTER_PASSWORD") as MasterPasswordSettings), ...overrides });

describe("passwordRulesOf", () => {
  it("maps the policy's settings onto password rules", () => {
    expect(passwordRulesOf(settings({ minLength: 16, requireNumbers: true, minComplexity: 3 }))).toEqual({
      minLength: 16,
      minComplexity: 3,
      requireUpper: false,
      requireLower: false,
      requireDigits: true,
      requireSpecial: false,
    });
    expect(passwordRulesOf(settings({}))).not.toHaveProperty("minComplexity");
  });
});

describe("strictestPasswordRules", () => {
  it("takes the longest length, the highest complexity and every required character class", () => {
    const a = passwordRulesOf(settings({ minLength: 20, requireUpper: true, minComplexity: 2 }));
    const b = passwordRulesOf(settings({ minLength: 14, requireSpecial: true, requireNumbers: true, minComplexity: 4 }));
    expect(strictestPasswordRules([a, b])).toEqual({ minLength: 20, minComplexity: 4, requireUpper: true, requireDigits: true, requireSpecial: true });
    expect(strictestPasswordRules([b, a])).toEqual(strictestPasswordRules([a, b]));
  });

  it("is no rule at all for no organizations, and one organization's rules unchanged", () => {
    expect(strictestPasswordRules([])).toEqual({});
    expect(strictestPasswordRules([{ minLength: 15, requireLower: true }])).toEqual({ minLength: 15, requireLower: true });
  });

  it("keeps a complexity minimum that only one organization sets", () => {
    expect(strictestPasswordRules([{ minLength: 12 }, { minLength: 12, minComplexity: 3 }])).toEqual({ minLength: 12, minComplexity: 3 });
  });
});

describe("unmetPasswordRules", () => {
  const strict = { minLength: 20, requireUpper: true, requireLower: true, requireDigits: true, requireSpecial: true };

  it("lists every rule a password misses", () => {
    expect(unmetPasswordRules("correct stapler orbit", strict).map((u) => u.rule)).toEqual(["requireUpper", "requireDigits", "requireSpecial"]);
    expect(unmetPasswordRules("Short1!", strict).map((u) => u.rule)).toEqual(["minLength"]);
    expect(unmetPasswordRules("Correct stapler orbit 42!", strict)).toEqual([]);
  });

  it("scores complexity with zxcvbn (0 to 4)", () => {
    expect(unmetPasswordRules("Summer2024!!", { minComplexity: 4 }).map((u) => u.rule)).toEqual(["minComplexity"]);
    expect(unmetPasswordRules("violet tractor quietly 1987 harbour", { minComplexity: 4 })).toEqual([]);
    expect(passwordWeakness("Dragon!Dragon!", {}, { minComplexity: 2 })).toMatch(/strength score of at least 2 of 4/);
    expect(passwordWeakness("Dragon!Dragon!", {}, { minComplexity: 1 })).toBeNull();
  });
});

describe("describePasswordRules", () => {
  it("reads the rules out in order", () => {
    expect(describePasswordRules({ minLength: 16, requireDigits: true, minComplexity: 3 })).toEqual([
      "At least 16 characters",
      "A digit (0–9)",
      "Strength score of at least 3 of 4 (“strong”)",
    ]);
    expect(describePasswordRules({})).toEqual([]);
  });
});
