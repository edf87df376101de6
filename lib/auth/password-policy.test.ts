import { describe, expect, it } from "vitest";
import { passwordWeakness } from "./password-policy";

describe("passwordWeakness", () => {
  it("accepts long, uncommon passwords", () => {
    expect(passwordWeakness("correct stapler orbit 42")).toBeNull();
    expect(passwordWeakness("Tz8#qLw!pV2m")).toBeNull();
  });

  it.each([
    ["short1!", /at least 12/],
    ["password1234", /too common/],
    ["P@ssw0rd2024!", /too common/],
    ["Qwerty123456", /too common/],
    ["summer2026!!", /too common/],
    ["aaaaaaaaaaaaaaa", /repeat a single character/],
    ["abcabcabcabc", /repeat a short pattern/],
  ])("refuses %s", (password, reason) => {
    expect(passwordWeakness(password)).toMatch(reason);
  });

  it("refuses a password containing the email's local part", () => {
    expect(passwordWeakness("margaret-is-great-99", { email: "margaret@x.test" })).toMatch(/email address/);
  });
});

describe("passwordWeakness with stricter rules", () => {
  it("applies a longer minimum and character classes on top of the baseline", () => {
    const rules = { minLength: 16, requireUpper: true, requireLower: true, requireDigits: true, requireSpecial: true };
    expect(passwordWeakness("correct stapler orbit", {}, rules)).toBe("Include an upper-case letter, a digit and a special character such as ! or #.");
    expect(passwordWeakness("Tz8#qLw!pV2m", {}, rules)).toBe("Use at least 16 characters.");
    expect(passwordWeakness("Correct stapler orbit 42!", {}, rules)).toBeNull();
    expect(passwordWeakness("CORRECT STAPLER ORBIT 42!", {}, { requireLower: true })).toBe("Include a lower-case letter.");
  });

  it("still refuses what the baseline refuses", () => {
    expect(passwordWeakness("P@ssw0rd2024!", {}, { requireDigits: true })).toMatch(/too common/);
  });
});
