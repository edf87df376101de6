import { describe, expect, it } from "vitest";
import { decrypt, DecryptionError, decryptJson, encrypt, encryptJson, newDataKey, unwrapDataKey } from "./envelope";

describe("envelope encryption", () => {
  it("round-trips data under a wrapped data key", () => {
    const { key, wrapped } = newDataKey("org-1");
    expect(Buffer.from(wrapped).includes(key)).toBe(false);
    const unwrapped = unwrapDataKey(wrapped, "org-1");
    expect(unwrapped.equals(key)).toBe(true);
    const blob = encryptJson(unwrapped, { password: "hunter2-secret" }, "item:1");
    expect(Buffer.from(blob).toString("utf8")).not.toContain("hunter2");
    expect(decryptJson(key, blob, "item:1")).toEqual({ password: "hunter2-secret" });
  });

  it("refuses a data key unwrapped for another owner, altered ciphertext or other associated data", () => {
    const { key, wrapped } = newDataKey("org-1");
    expect(() => unwrapDataKey(wrapped, "org-2")).toThrow(DecryptionError);
    const blob = encrypt(key, Buffer.from("secret"), "a");
    const altered = Buffer.from(blob);
    altered.writeUInt8(altered.readUInt8(altered.length - 1) ^ 1, altered.length - 1);
    expect(() => decrypt(key, altered, "a")).toThrow(DecryptionError);
    expect(() => decrypt(key, blob, "b")).toThrow(DecryptionError);
  });

  it("uses a fresh nonce each time", () => {
    const { key } = newDataKey("o");
    expect(Buffer.from(encrypt(key, Buffer.from("x"), "a")).equals(Buffer.from(encrypt(key, Buffer.from("x"), "a")))).toBe(false);
  });
});
