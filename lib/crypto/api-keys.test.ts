import { describe, expect, it } from "vitest";
import { hashApiKey, isApiKeyShaped, newApiKey } from "./api-keys";

describe("API key secrets", () => {
  it("have the pp_<prefix>_<secret> shape with 256 random bits after the prefix", () => {
    const key = newApiKey();
    expect(key.secret).toMatch(/^pp_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(key.secret.startsWith(`${key.prefix}_`)).toBe(true);
    expect(Buffer.from(key.secret.slice(key.prefix.length + 1), "base64url")).toHaveLength(32);
    expect(isApiKeyShaped(key.secret)).toBe(true);
  });

  it("are stored as a SHA-256 hash that does not contain the key", () => {
    const key = newApiKey();
    expect(key.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(key.hash).toBe(hashApiKey(key.secret));
    expect(key.hash).not.toContain(key.secret.slice(12, 30));
  });

  it("differ every time", () => {
    const keys = new Set(Array.from({ length: 200 }, () => newApiKey().secret));
    expect(keys.size).toBe(200);
  });

  it.each(["", "pp_", "pp_1234567_abc", "sk_12345678_" + "a".repeat(43), "pp_ABCDEF12_" + "a".repeat(43), "pp_12345678_" + "a".repeat(42), "pp_12345678_" + "a".repeat(43) + " "])(
    "recognise %j as not a key",
    (value) => expect(isApiKeyShaped(value)).toBe(false),
  );
});
