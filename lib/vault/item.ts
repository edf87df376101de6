// A vault item as the product stores it. `name` and `type` are metadata (listed and searched in
// plain text); everything else is the item's secret content, encrypted as one JSON document with
// AES-256-GCM under the organization's data key, bound to the organization and the item id.
import type { VaultItemType } from "@/lib/db/generated/enums";
import { decryptJson, encryptJson, type Bytes } from "@/lib/crypto/envelope";

export type CustomFieldType = "text" | "hidden" | "boolean" | "linked";

export interface VaultSecret {
  notes: string | null;
  favorite: boolean;
  /** Ask for the master password again before showing the item (Bitwarden's "reprompt"). */
  reprompt: boolean;
  fields: { name: string; value: string | null; type: CustomFieldType }[];
  login?: { username: string | null; password: string | null; totp: string | null; uris: { uri: string; match: number | null }[] };
  card?: { cardholderName: string | null; brand: string | null; number: string | null; expMonth: string | null; expYear: string | null; code: string | null };
  identity?: Record<IdentityField, string | null>;
  passwordHistory: { password: string; lastUsedDate: string | null }[];
}

export const IDENTITY_FIELDS = [
  "title",
  "firstName",
  "middleName",
  "lastName",
  "address1",
  "address2",
  "address3",
  "city",
  "state",
  "postalCode",
  "country",
  "company",
  "email",
  "phone",
  "ssn",
  "username",
  "passportNumber",
  "licenseNumber",
] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

/** An item ready to be stored: metadata, the names of its collections, and its secret content. */
export interface VaultItemInput {
  type: VaultItemType;
  name: string;
  collections: string[];
  secret: VaultSecret;
}

function associatedData(organizationId: string, itemId: string): string {
  return `vault-item:${organizationId}:${itemId}`;
}

export function encryptSecret(key: Buffer, organizationId: string, itemId: string, secret: VaultSecret): Bytes {
  return encryptJson(key, secret, associatedData(organizationId, itemId));
}

export function decryptSecret(key: Buffer, organizationId: string, itemId: string, blob: Uint8Array): VaultSecret {
  return decryptJson<VaultSecret>(key, blob, associatedData(organizationId, itemId));
}

/**
 * The item as a member whose permission hides passwords may see it: passwords, TOTP seeds, hidden
 * custom fields, password history, card numbers and codes and identity document numbers are removed
 * on the server, so they never reach that member's browser.
 */
export function withoutSecrets(secret: VaultSecret): VaultSecret {
  return {
    ...secret,
    fields: secret.fields.map((f) => (f.type === "hidden" ? { ...f, value: null } : f)),
    login: secret.login ? { ...secret.login, password: null, totp: null } : undefined,
    card: secret.card ? { ...secret.card, number: null, code: null } : undefined,
    identity: secret.identity ? { ...secret.identity, ssn: null, passportNumber: null, licenseNumber: null } : undefined,
    passwordHistory: [],
  };
}
