import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DecryptionError } from "@/lib/crypto/envelope";
import { decryptSecret, encryptSecret, withoutSecrets, type VaultSecret } from "./item";

const secret: VaultSecret = {
  notes: "notes",
  favorite: true,
  reprompt: false,
  fields: [
    { name: "PIN", value: "1234", type: "hidden" },
    { name: "Team", value: "Ops", type: "text" },
  ],
  login: { username: "u", password: "p", totp: "t", uris: [{ uri: "https://x", match: null }] },
  card: { cardholderName: "C", brand: "Visa", number: "4111", expMonth: "1", expYear: "2030", code: "999" },
  identity: {
    title: null, firstName: "F", middleName: null, lastName: "L", address1: null, address2: null, address3: null, city: null, state: null,
    postalCode: null, country: null, company: null, email: "e", phone: null, ssn: "123", username: null, passportNumber: "P", licenseNumber: "L",
  },
  passwordHistory: [{ password: "old", lastUsedDate: null }],
};

describe("vault item secrets", () => {
  it("round-trip under the organization's key, bound to organization and item", () => {
    const key = randomBytes(32);
    const blob = encryptSecret(key, "org-1", "item-1", secret);
    expect(decryptSecret(key, "org-1", "item-1", blob)).toEqual(secret);
    expect(Buffer.from(blob).toString("latin1")).not.toContain("4111");
    expect(() => decryptSecret(key, "org-2", "item-1", blob)).toThrow(DecryptionError);
    expect(() => decryptSecret(key, "org-1", "item-2", blob)).toThrow(DecryptionError);
    expect(() => decryptSecret(randomBytes(32), "org-1", "item-1", blob)).toThrow(DecryptionError);
  });

  it("lose every password-like value, and only those, for 'except passwords' permissions", () => {
    const hidden = withoutSecrets(secret);
    expect(hidden.login).toEqual({ username: "u", password: null, totp: null, uris: [{ uri: "https://x", match: null }] });
    expect(hidden.fields).toEqual([
      { name: "PIN", value: null, type: "hidden" },
      { name: "Team", value: "Ops", type: "text" },
    ]);
    expect(hidden.card).toMatchObject({ number: null, code: null, cardholderName: "C" });
    expect(hidden.identity).toMatchObject({ ssn: null, passportNumber: null, licenseNumber: null, firstName: "F" });
    expect(hidden.passwordHistory).toEqual([]);
    expect(hidden.notes).toBe("notes");
  });
});
