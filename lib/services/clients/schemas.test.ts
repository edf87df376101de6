import { describe, expect, it } from "vitest";
import { likePattern } from "./list-clients";
import { listClientsQuerySchema, paymentMethodSchema, updateClientSchema } from "./schemas";

describe("paymentMethodSchema", () => {
  it("keeps a summary and never a card or account number", () => {
    expect(paymentMethodSchema.parse({ kind: "CARD", label: " Visa ", last4: "4242" })).toEqual({ kind: "CARD", label: "Visa", last4: "4242" });
    expect(paymentMethodSchema.parse({ kind: "INVOICE", label: "Net 30", last4: "" })).toEqual({ kind: "INVOICE", label: "Net 30" });
    for (const label of ["4111111111111111", "4111 1111 1111 1111", "Acct 1234-5678-9012", "IBAN DE89370400440532013000"]) {
      expect(paymentMethodSchema.safeParse({ kind: "CARD", label, last4: "1111" }).success, label).toBe(false);
    }
    expect(paymentMethodSchema.safeParse({ kind: "CARD", label: "Visa 2026", last4: "1111" }).success).toBe(true);
    expect(paymentMethodSchema.safeParse({ kind: "CARD", label: "Visa", last4: "41111" }).success).toBe(false);
    expect(paymentMethodSchema.safeParse({ kind: "BANK_ACCOUNT", label: "Checking" }).success).toBe(false);
  });
});

describe("updateClientSchema", () => {
  it("needs at least one known field and refuses others", () => {
    expect(updateClientSchema.safeParse({}).success).toBe(false);
    expect(updateClientSchema.safeParse({ seats: 3, enabled: false }).success).toBe(false);
    expect(updateClientSchema.parse({ seats: 3 })).toEqual({ seats: 3 });
  });
});

describe("listClientsQuerySchema", () => {
  it("defaults to name order, 50 a page, and drops a blank search", () => {
    expect(listClientsQuerySchema.parse({ q: "   " })).toEqual({ sort: "name", limit: 50 });
  });
});

describe("likePattern", () => {
  it("matches the text anywhere, with % _ and \\ taken literally", () => {
    expect(likePattern("ab")).toBe("%ab%");
    expect(likePattern("100%_a\\b")).toBe("%100\\%\\_a\\\\b%");
  });
});
